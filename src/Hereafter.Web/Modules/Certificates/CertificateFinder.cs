using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>Finds a certificate by its number, and its issuing organisation.</summary>
public sealed class CertificateFinder(HereafterDbContext db)
{
    /// <summary>The certificate a number refers to: the active one, else the latest.</summary>
    public async Task<Certificate> FindAsync(string number, CancellationToken ct)
    {
        var normalized = number.Trim().ToUpperInvariant();
        return await db.Set<Certificate>().Where(c => c.Number == normalized)
                   .OrderByDescending(c => c.ActiveNumber != null).ThenByDescending(c => c.CertifiedAt)
                   .FirstOrDefaultAsync(ct)
               ?? throw ProblemException.NotFound(new Message("certificates.certificate.not-found").With("number", PersonalDataMask.IdNumber(normalized)));
    }

    /// <summary>The certificate with this opaque id (the address of its pages), 404 when there is none.</summary>
    public async Task<Certificate> FindByIdAsync(Guid id, CancellationToken ct) =>
        await db.Set<Certificate>().FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw ProblemException.NotFound(new Message("certificates.page.not-found"));

    /// <summary>The certificate, when the actor is a certifier of the institution that issued it (403 otherwise).</summary>
    public async Task<Certificate> FindForIssuerAsync(Actor actor, string number, CancellationToken ct)
    {
        if (!CertificateAccess.CanCertify(actor))
            throw ProblemException.Forbidden(new Message("certificates.amendment.certifier-only"));
        var certificate = await FindAsync(number, ct);
        if (certificate.IssuerOrganisationId != actor.OrganisationId)
            throw ProblemException.Forbidden(new Message("certificates.amendment.issuer-only"));
        return certificate;
    }

    public async Task<Organisation> OrganisationAsync(Guid id, CancellationToken ct) =>
        await db.Set<Organisation>().AsNoTracking().FirstAsync(o => o.Id == id, ct);
}
