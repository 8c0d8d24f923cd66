using Hereafter.Domain.Certificates;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Certificates.Features.IssueCertificate;
using Hereafter.Web.Modules.Certificates.Features.VerifyCertificate;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.CorrectCertificate;

/// <summary>
/// The issuer corrects basic data once (DOMAIN §3): a new version, the old one superseded; in the history
/// and the audit log.
/// </summary>
public sealed class CorrectCertificateHandler(
    HereafterDbContext db, CertificateFinder finder, CertificateClaims claims, CertificateVersions versions,
    CertificateHistory history, CertificateChangedEvents events, VerificationLinks links,
    AuditLog audit, TimeProvider clock, VerificationCache verificationCache)
{
    /// <summary>
    /// The 请核对 step of a correction: every check the correction makes before it writes, nothing saved.
    /// Returns the data as it would be stored (birth date and sex read from the citizen ID when left blank).
    /// </summary>
    public async Task<CertificateChecked> CheckAsync(Actor actor, string number, CorrectionRequest request, CancellationToken ct)
    {
        var (_, validation) = Validate(actor, request);
        var certificate = await finder.FindForIssuerAsync(actor, number, ct);
        var (content, _, _) = await CheckAgainstAsync(certificate, validation, ct);
        return new CertificateChecked(content.Data, CertificateValidationAnswers.Warnings(validation.Warnings));
    }

    private (string Reason, CertificateValidation Validation) Validate(Actor actor, CorrectionRequest request)
    {
        var reason = ChangeReason.Require(request.Reason);
        if (request.Certificate is null)
            throw new FieldValidationException("certificate", new Message("certificates.correction.certificate-required"));
        return (reason, CertificateValidator.Validate(request.Certificate, new CertificateContext(clock.GetUtcNow(), actor.OrganisationType?.ToCode() ?? "")));
    }

    /// <summary>The rules that need the stored certificate: issued, not yet corrected, still identified, no clash with another's number.</summary>
    private async Task<(NormalizedCertificate Content, CertificateNumberKind NumberKind, string NewNumber)> CheckAgainstAsync(
        Certificate certificate, CertificateValidation validation, CancellationToken ct)
    {
        if (certificate.Status != CertificateStatus.Issued)
            throw ProblemException.Conflict(new Message("certificates.correction.not-issued").With("status", certificate.Status.ToCode()));
        if (certificate.Corrected)
            throw ProblemException.Conflict(new Message("certificates.correction.already-corrected"),
                "https://hereafter.example/problems/correction-used");
        var content = CertificateValidationAnswers.RequireValid(validation);
        var numberKind = EnumCodes<CertificateNumberKind>.Parse(content.NumberKind);
        if (numberKind == CertificateNumberKind.Unidentified && certificate.NumberKind != CertificateNumberKind.Unidentified)
            throw new FieldValidationException("decedent.idNumber", new Message("certificates.correction.id-number-removed"));
        var newNumber = numberKind == CertificateNumberKind.Unidentified ? certificate.Number : content.IdNumber!;
        if (newNumber != certificate.Number && await db.Set<Certificate>().AnyAsync(c => c.ActiveNumber == newNumber, ct))
            throw CertificateConflicts.Duplicate();
        return (content, numberKind, newNumber);
    }

    public async Task<CertificateIssued> HandleAsync(Actor actor, string number, CorrectionRequest request, CancellationToken ct)
    {
        var (reason, validation) = Validate(actor, request);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var certificate = await finder.FindForIssuerAsync(actor, number, ct);
            var (content, numberKind, newNumber) = await CheckAgainstAsync(certificate, validation, ct);
            await claims.ClaimAsync(certificate, ct);

            var oldNumber = certificate.Number;
            certificate.Number = newNumber;
            certificate.ActiveNumber = newNumber;
            certificate.NumberKind = numberKind;
            certificate.DecedentName = content.Data.Decedent.Name!;
            certificate.NameKey = DecedentNameKey.Of(certificate.DecedentName);
            certificate.BirthDate = content.BirthDate;
            certificate.Sex = content.Sex;
            certificate.DeathAt = content.DeathAt.ToUniversalTime();
            certificate.WarningCount = validation.Warnings.Count;
            certificate.Corrected = true;
            certificate.CurrentVersion++;
            var version = await versions.AddAsync(certificate, content, validation.Warnings, actor, reason, ct);
            history.Add(certificate, CertificateActionKind.Corrected, actor, reason);
            await db.SaveChangesAsync(ct);
            await events.PublishAsync(CertificateEventTypes.Corrected, certificate, oldNumber == newNumber ? null : oldNumber, reason, ct);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(actor, "certificate.correct", $"certificate:{newNumber}", "certification",
                oldNumber == newNumber ? $"version {certificate.CurrentVersion}" : $"version {certificate.CurrentVersion}, number changed", ct);
            await tx.CommitAsync(ct);
            verificationCache.Invalidate();
            return new CertificateIssued(newNumber, certificate.CurrentVersion, certificate.Status.ToCode(),
                links.For(version.Token!), CertificateValidationAnswers.Warnings(validation.Warnings), certificate.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw CertificateConflicts.ChangedMeanwhile();
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw CertificateConflicts.Duplicate();
        }
    }
}
