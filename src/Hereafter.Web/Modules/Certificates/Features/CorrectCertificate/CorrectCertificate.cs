using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Certificates.Features.IssueCertificate;
using Hereafter.Web.Modules.Certificates.Features.VerifyCertificate;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.AmendCertificate;

/// <summary>
/// The issuer's three amendments (DOMAIN §3): correct basic data once (a new version, the old one
/// superseded), reissue once after loss, revoke with a reason. Each is in the history and the audit log.
/// </summary>
public sealed class AmendCertificateHandler(HereafterDbContext db, CertificateRecords records, AuditLog audit, TimeProvider clock, VerificationCache verificationCache)
{
    public async Task<CertificateIssued> CorrectAsync(Actor actor, string number, CorrectionRequest request, CancellationToken ct)
    {
        var reason = CertificateRecords.RequireReason(request.Reason);
        if (request.Certificate is null)
            throw new FieldValidationException(new Dictionary<string, string[]> { ["certificate"] = ["请提交更正后的完整证明内容"] });
        var now = clock.GetUtcNow();
        var validation = CertificateValidator.Validate(request.Certificate, new CertificateContext(now, actor.OrganisationType));
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var certificate = await RequireIssuerAsync(actor, number, ct);
            if (certificate.Status != CertificateStatus.Issued)
                throw ProblemException.Conflict($"Only an issued certificate can be corrected; this one is {certificate.Status}.");
            if (certificate.Corrected)
                throw ProblemException.Conflict("This certificate has already been corrected once; a second correction is not allowed.",
                    "https://hereafter.example/problems/correction-used");
            var content = CertificateRecords.RequireValid(validation);
            if (content.NumberKind == "unidentified" && certificate.NumberKind != "unidentified")
                throw new FieldValidationException(new Dictionary<string, string[]> { ["decedent.idNumber"] = ["更正不能删除已登记的身份证件号码"] });
            var newNumber = content.NumberKind == "unidentified" ? certificate.Number : content.IdNumber!;
            if (newNumber != certificate.Number && await db.Set<Certificate>().AnyAsync(c => c.ActiveNumber == newNumber, ct))
                throw IssueCertificateHandler.DuplicateConflict();
            await records.ClaimAsync(certificate, ct);

            var oldNumber = certificate.Number;
            certificate.Number = newNumber;
            certificate.ActiveNumber = newNumber;
            certificate.NumberKind = content.NumberKind;
            certificate.DecedentName = content.Data.Decedent.Name!;
            certificate.NameKey = CertificateRecords.NameKey(certificate.DecedentName);
            certificate.BirthDate = content.BirthDate;
            certificate.Sex = content.Sex;
            certificate.DeathAt = content.DeathAt.ToUniversalTime();
            certificate.WarningCount = validation.Warnings.Count;
            certificate.Corrected = true;
            certificate.CurrentVersion++;
            var version = await records.AddVersionAsync(certificate, content, validation.Warnings, actor, reason, ct);
            records.AddAction(certificate, "corrected", actor, reason);
            await db.SaveChangesAsync(ct);
            await records.PublishAsync(CertificateEventTypes.Corrected, certificate, oldNumber == newNumber ? null : oldNumber, reason, ct);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(actor, "certificate.correct", $"certificate:{newNumber}", "certification",
                oldNumber == newNumber ? $"version {certificate.CurrentVersion}" : $"version {certificate.CurrentVersion}, number changed", ct);
            await tx.CommitAsync(ct);
            verificationCache.Invalidate();
            return new CertificateIssued(newNumber, certificate.CurrentVersion, certificate.Status,
                records.VerificationUrl(version.Token!), CertificateRecords.Warnings(validation.Warnings));
        }
        catch (DbUpdateConcurrencyException)
        {
            throw CertificateRecords.ChangedMeanwhile();
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw IssueCertificateHandler.DuplicateConflict();
        }
    }

    public async Task<CertificateIssued> ReissueAsync(Actor actor, string number, ReasonRequest request, CancellationToken ct)
    {
        var reason = CertificateRecords.RequireReason(request.Reason);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var certificate = await RequireIssuerAsync(actor, number, ct);
        if (certificate.Status != CertificateStatus.Issued)
            throw ProblemException.Conflict($"Only an issued certificate can be reissued; this one is {certificate.Status}.");
        if (certificate.ReissueCount > 0)
            throw ProblemException.Conflict("This certificate has already been reissued once; it cannot be reissued again.",
                "https://hereafter.example/problems/reissue-used");
        // Two simultaneous amendments (two reissues, or a reissue and a revocation) cannot both pass the claim.
        await records.ClaimAsync(certificate, ct);
        certificate.ReissueCount++;
        records.AddAction(certificate, "reissued", actor, reason);
        await SaveAsync(ct);
        await audit.RecordAsync(actor, "certificate.reissue", $"certificate:{certificate.Number}", "certification", reason, ct);
        await tx.CommitAsync(ct);
        var token = await db.Set<CertificateVersion>().Where(v => v.CertificateId == certificate.Id && v.Version == certificate.CurrentVersion)
            .Select(v => v.Token).FirstAsync(ct);
        return new CertificateIssued(certificate.Number, certificate.CurrentVersion, certificate.Status,
            token is null ? null : records.VerificationUrl(token), []);
    }

    public async Task<CertificateIssued> RevokeAsync(Actor actor, string number, ReasonRequest request, CancellationToken ct)
    {
        var reason = CertificateRecords.RequireReason(request.Reason);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var certificate = await RequireIssuerAsync(actor, number, ct);
        if (certificate.Status is CertificateStatus.Revoked or CertificateStatus.Rejected)
            throw ProblemException.Conflict($"This certificate is already {certificate.Status}.");
        await records.ClaimAsync(certificate, ct);
        certificate.Status = CertificateStatus.Revoked;
        certificate.ActiveNumber = null;
        certificate.RevocationReason = reason;
        certificate.RevokedAt = clock.GetUtcNow();
        records.AddAction(certificate, "revoked", actor, reason);
        await SaveAsync(ct);
        await records.PublishAsync(CertificateEventTypes.Revoked, certificate, null, reason, ct);
        await SaveAsync(ct);
        await audit.RecordAsync(actor, "certificate.revoke", $"certificate:{certificate.Number}", "certification", reason, ct);
        await tx.CommitAsync(ct);
        verificationCache.Invalidate();
        return new CertificateIssued(certificate.Number, certificate.CurrentVersion, certificate.Status, null, []);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw CertificateRecords.ChangedMeanwhile();
        }
    }

    private async Task<Certificate> RequireIssuerAsync(Actor actor, string number, CancellationToken ct)
    {
        if (!CertificateAccess.CanCertify(actor))
            throw ProblemException.Forbidden("Only the issuing institution's certifier may amend a certificate.");
        var certificate = await records.FindAsync(number, ct);
        if (certificate.IssuerOrganisationId != actor.OrganisationId)
            throw ProblemException.Forbidden("Only the issuing institution may amend its certificate.");
        return certificate;
    }
}
