using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Certificates.Features.VerifyCertificate;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Certificates.Features.RevokeCertificate;

/// <summary>
/// The issuer revokes a certificate issued in error, with a reason (DOMAIN §3): the record is kept, the
/// number freed; in the history and the audit log.
/// </summary>
public sealed class RevokeCertificateHandler(
    HereafterDbContext db, CertificateFinder finder, CertificateClaims claims, CertificateHistory history,
    CertificateChangedEvents events, AuditLog audit, TimeProvider clock, VerificationCache verificationCache)
{
    public async Task<CertificateIssued> HandleAsync(Actor actor, string number, ReasonRequest request, CancellationToken ct)
    {
        var reason = ChangeReason.Require(request.Reason);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var certificate = await finder.FindForIssuerAsync(actor, number, ct);
        if (certificate.Status is CertificateStatus.Revoked or CertificateStatus.Rejected)
            throw ProblemException.Conflict(new Message("certificates.revocation.already-closed").With("status", certificate.Status.ToCode()));
        await claims.ClaimAsync(certificate, ct);
        certificate.Status = CertificateStatus.Revoked;
        certificate.ActiveNumber = null;
        certificate.RevocationReason = reason;
        certificate.RevokedAt = clock.GetUtcNow();
        history.Add(certificate, CertificateActionKind.Revoked, actor, reason);
        await claims.SaveAsync(ct);
        await events.PublishAsync(CertificateEventTypes.Revoked, certificate, null, reason, ct);
        await claims.SaveAsync(ct);
        await audit.RecordAsync(actor, "certificate.revoke", $"certificate:{certificate.Number}", "certification", reason, ct);
        await tx.CommitAsync(ct);
        verificationCache.Invalidate();
        return new CertificateIssued(certificate.Number, certificate.CurrentVersion, certificate.Status.ToCode(), null, [], certificate.Id);
    }
}
