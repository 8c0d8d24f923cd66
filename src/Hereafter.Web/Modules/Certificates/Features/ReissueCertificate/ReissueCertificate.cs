using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.ReissueCertificate;

/// <summary>The issuer reissues a certificate once after loss (补发, DOMAIN §3); in the history and the audit log.</summary>
public sealed class ReissueCertificateHandler(
    HereafterDbContext db, CertificateFinder finder, CertificateClaims claims, CertificateHistory history,
    VerificationLinks links, AuditLog audit)
{
    public async Task<CertificateIssued> HandleAsync(Actor actor, string number, ReasonRequest request, CancellationToken ct)
    {
        var reason = ChangeReason.Require(request.Reason);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var certificate = await finder.FindForIssuerAsync(actor, number, ct);
        if (certificate.Status != CertificateStatus.Issued)
            throw ProblemException.Conflict(new Message("certificates.reissue.not-issued").With("status", certificate.Status.ToCode()));
        if (certificate.ReissueCount > 0)
            throw ProblemException.Conflict(new Message("certificates.reissue.already-reissued"),
                "https://hereafter.example/problems/reissue-used");
        // Two simultaneous amendments (two reissues, or a reissue and a revocation) cannot both pass the claim.
        await claims.ClaimAsync(certificate, ct);
        certificate.ReissueCount++;
        history.Add(certificate, CertificateActionKind.Reissued, actor, reason);
        await claims.SaveAsync(ct);
        await audit.RecordAsync(actor, "certificate.reissue", $"certificate:{certificate.Number}", "certification", reason, ct);
        await tx.CommitAsync(ct);
        var token = await db.Set<CertificateVersion>().Where(v => v.CertificateId == certificate.Id && v.Version == certificate.CurrentVersion)
            .Select(v => v.Token).FirstAsync(ct);
        return new CertificateIssued(certificate.Number, certificate.CurrentVersion, certificate.Status.ToCode(),
            token is null ? null : links.For(token), [], certificate.Id);
    }
}
