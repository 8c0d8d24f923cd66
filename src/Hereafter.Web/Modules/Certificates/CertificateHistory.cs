using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>Adds an entry to a certificate's history (its actions, in order) in the caller's unit of work.</summary>
public sealed class CertificateHistory(HereafterDbContext db, TimeProvider clock)
{
    public void Add(Certificate certificate, CertificateActionKind action, Actor actor, string? reason) =>
        db.Add(new CertificateAction
        {
            CertificateId = certificate.Id,
            Version = certificate.CurrentVersion,
            Action = action,
            At = clock.GetUtcNow(),
            ActorName = actor.Name,
            OrganisationName = actor.OrganisationName,
            Reason = reason,
        });
}
