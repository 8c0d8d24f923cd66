using Hereafter.Domain.Certificates;
using Hereafter.Domain.Identity;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Localization;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Platform.Signing;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>Shared certificate logic used by the feature handlers: lookup, versions, signing, history.</summary>
public sealed class CertificateRecords(HereafterDbContext db, CertificateTokens tokens, TimeProvider clock, IConfiguration configuration, Platform.Outbox.Outbox outbox)
{
    public string VerificationUrl(string token) =>
        $"{(configuration["Platform:PublicBaseUrl"] ?? throw new InvalidOperationException("Platform:PublicBaseUrl is not set.")).TrimEnd('/')}/verify/{token}";

    /// <summary>The certificate a number refers to: the active one, else the latest.</summary>
    public async Task<Certificate> FindAsync(string number, CancellationToken ct)
    {
        var normalized = number.Trim().ToUpperInvariant();
        return await db.Set<Certificate>().Where(c => c.Number == normalized)
                   .OrderByDescending(c => c.ActiveNumber != null).ThenByDescending(c => c.CertifiedAt)
                   .FirstOrDefaultAsync(ct)
               ?? throw ProblemException.NotFound($"No certificate with number {Masked(normalized)}.");
    }

    public static string Masked(string number) => PersonalDataMask.IdNumber(number);

    public async Task<Organisation> OrganisationAsync(Guid id, CancellationToken ct) =>
        await db.Set<Organisation>().AsNoTracking().FirstAsync(o => o.Id == id, ct);

    /// <summary>Throws the 400 of DOMAIN §3 with Chinese (or English) messages keyed by JSON path.</summary>
    public static NormalizedCertificate RequireValid(CertificateValidation validation)
    {
        if (validation.IsValid && validation.Normalized is not null) return validation.Normalized;
        var errors = validation.Errors
            .GroupBy(e => e.Path)
            .ToDictionary(g => g.Key, g => g.Select(e => Texts.IsEnglish ? e.English : e.Chinese).Distinct().ToArray());
        throw new FieldValidationException(errors);
    }

    public static IReadOnlyList<WarningDto> Warnings(IEnumerable<QualityWarning> warnings) =>
        warnings.Select(w => new WarningDto(w.Code, w.Path, Texts.IsEnglish ? w.English : w.Chinese)).ToList();

    public static string NameKey(string name) =>
        new string(name.Where(ch => !char.IsWhiteSpace(ch) && ch is not ('·' or '・' or '•' or '‧' or '･')).ToArray()).ToLowerInvariant();

    /// <summary>Creates a version with its digest and, when the certificate is issued, its signed token.</summary>
    public async Task<CertificateVersion> AddVersionAsync(Certificate certificate, NormalizedCertificate content,
        IReadOnlyList<QualityWarning> warnings, Actor actor, string? reason, CancellationToken ct)
    {
        var json = CertificateJson.Serialize(content.Data);
        var version = new CertificateVersion
        {
            Id = Guid.NewGuid(),
            CertificateId = certificate.Id,
            Version = certificate.CurrentVersion,
            DataJson = json,
            WarningsJson = CertificateJson.Serialize(warnings.Select(w => new { w.Code, w.Path, w.Chinese, w.English })),
            AgeYears = content.AgeYears,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.Name,
            Reason = reason,
        };
        version.ContentDigest = Convert.ToHexStringLower(CertificateTokens.Digest(Canonical(certificate.Number, version.Version, json)));
        if (certificate.Status == CertificateStatus.Issued) await SignAsync(version, ct);
        db.Add(version);
        return version;
    }

    public static string Canonical(string number, int version, string json) => $"{number}\n{version}\n{json}";

    public async Task SignAsync(CertificateVersion version, CancellationToken ct)
    {
        _ = ct;
        version.Token = await tokens.SignAsync(new CertificateTokenPayload(version.Id, Convert.FromHexString(version.ContentDigest), clock.GetUtcNow()));
    }

    public void AddAction(Certificate certificate, string action, Actor actor, string? reason) =>
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

    /// <summary>Marks the certificate issued now and records the time limits of DOMAIN §3.</summary>
    public void MarkIssued(Certificate certificate)
    {
        var now = clock.GetUtcNow();
        certificate.Status = CertificateStatus.Issued;
        certificate.ActiveNumber = certificate.Number;
        certificate.ReportedAt = now;
        var deathDay = ChinaTime.DateOf(certificate.DeathAt);
        var reportDay = ChinaTime.DateOf(now);
        certificate.ReportedLate = WorkingDays.Between(deathDay, reportDay) > 5;
    }

    /// <summary>The event payload describing a certificate as it stands (for <see cref="ICertificateContent"/>).</summary>
    public async Task<CertificateChanged?> CurrentAsync(Guid certificateId, CancellationToken ct)
    {
        var certificate = await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == certificateId, ct);
        if (certificate is null) return null;
        var json = await db.Set<CertificateVersion>().AsNoTracking()
            .Where(v => v.CertificateId == certificate.Id && v.Version == certificate.CurrentVersion).Select(v => v.DataJson).FirstAsync(ct);
        var issuer = await OrganisationAsync(certificate.IssuerOrganisationId, ct);
        return new CertificateChanged(certificate.Id, certificate.Number, null, certificate.CurrentVersion, certificate.Status,
            issuer.Id, issuer.Name, certificate.CertifiedAt, CertificateJson.Deserialize<CertificateData>(json), null);
    }

    /// <summary>Writes the integration event for this change into the same unit of work.</summary>
    public async Task PublishAsync(string type, Certificate certificate, string? previousNumber, string? reason, CancellationToken ct)
    {
        var json = await db.Set<CertificateVersion>().Where(v => v.CertificateId == certificate.Id && v.Version == certificate.CurrentVersion)
            .Select(v => v.DataJson).FirstAsync(ct); // saved by the caller in this transaction
        var issuer = await OrganisationAsync(certificate.IssuerOrganisationId, ct);
        outbox.Add(type, new CertificateChanged(certificate.Id, certificate.Number, previousNumber, certificate.CurrentVersion,
            certificate.Status, issuer.Id, issuer.Name, certificate.CertifiedAt, CertificateJson.Deserialize<CertificateData>(json), reason),
            CertificateEventTypes.OrderingKey(certificate.Id));
    }

    /// <summary>
    /// Claims the certificate for this transaction's change: a conditional UPDATE of its revision, before
    /// anything else is written. The row lock it takes makes a concurrent amendment wait and then fail here
    /// (409) instead of overwriting this one or deadlocking on the rows that refer to the certificate, and it
    /// makes the certificate's outbox events commit in the order they are inserted.
    /// </summary>
    public async Task ClaimAsync(Certificate certificate, CancellationToken ct)
    {
        var seen = certificate.Revision;
        var claimed = await db.Set<Certificate>().Where(c => c.Id == certificate.Id && c.Revision == seen)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Revision, seen + 1), ct);
        if (claimed == 0) throw ChangedMeanwhile();
        var entry = db.Entry(certificate).Property(c => c.Revision);
        entry.CurrentValue = seen + 1;
        entry.OriginalValue = seen + 1;
    }

    public static ProblemException ChangedMeanwhile() => ProblemException.Conflict(
        Texts.IsEnglish
            ? "This certificate was changed by someone else at the same moment; nothing was saved. Reload it and decide again."
            : "该证明刚刚被他人修改，本次操作未保存。请刷新后重新操作。",
        "https://hereafter.example/problems/certificate-changed");

    public static string RequireReason(string? reason)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new FieldValidationException(new Dictionary<string, string[]> { ["reason"] = [Texts.IsEnglish ? "A reason is required." : "请填写原因"] });
        if (trimmed.Length > 500)
            throw new FieldValidationException(new Dictionary<string, string[]> { ["reason"] = [Texts.IsEnglish ? "The reason is too long (500 characters at most)." : "原因不能超过500字"] });
        if (trimmed.Any(char.IsControl) || trimmed.Contains('<') || trimmed.Contains('>'))
            throw new FieldValidationException(new Dictionary<string, string[]> { ["reason"] = [Texts.IsEnglish ? "The reason contains characters that are not allowed." : "原因含有不允许的字符"] });
        return trimmed;
    }
}
