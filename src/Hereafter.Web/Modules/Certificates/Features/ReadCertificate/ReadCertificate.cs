using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Certificates.Features.LookupCertificate;
using Hereafter.Web.Modules.Certificates.Features.PrintCertificate;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.ReadCertificate;

/// <summary>
/// Reads the copy (联) of a certificate the caller's organisation may see, and prints a copy as PDF.
/// Every read of the record is written to the audit log with its purpose.
/// </summary>
public sealed class ReadCertificateHandler(HereafterDbContext db, CertificateRecords records, AuditLog audit, CertificateLookups lookups)
{
    public async Task<CertificateView> ReadAsync(Actor actor, string number, CancellationToken ct)
    {
        var certificate = await lookups.FindAsync(actor, number, ct);
        var view = CertificateAccess.ViewFor(actor, certificate)
                   ?? throw ProblemException.Forbidden("Your organisation may not read this certificate.");
        var version = await CurrentVersionAsync(certificate, ct);
        var issuer = await records.OrganisationAsync(certificate.IssuerOrganisationId, ct);
        await audit.RecordAsync(actor, "certificate.read", $"certificate:{certificate.Number}", CertificateAccess.ReadPurpose(actor), view, ct);
        var data = CertificateJson.Deserialize<CertificateData>(version.DataJson);
        var full = view == CertificateAccess.Copy1;
        var medical = view is CertificateAccess.Copy1 or CertificateAccess.Copy2;
        IReadOnlyList<HistoryEntryDto>? history = null;
        IReadOnlyList<WarningDto>? warnings = null;
        if (full)
        {
            history = await db.Set<CertificateAction>().AsNoTracking().Where(a => a.CertificateId == certificate.Id)
                .OrderBy(a => a.Id)
                .Select(a => new HistoryEntryDto(a.At, a.Action, a.Version, a.ActorName, a.OrganisationName, a.Reason))
                .ToListAsync(ct);
            warnings = StoredWarnings(version.WarningsJson);
        }
        var copyName = view switch
        {
            CertificateAccess.Copy1 => CertificatePdf.CopyName(1),
            CertificateAccess.Copy2 => CertificatePdf.CopyName(2),
            CertificateAccess.Copy4 => CertificatePdf.CopyName(4),
            _ => Texts.IsEnglish ? "Death notice (no medical data)" : "死亡信息通知（不含医学信息）",
        };
        return new CertificateView(
            certificate.Number, certificate.CurrentVersion, certificate.Status, certificate.NumberKind, view, copyName,
            new IssuerDto(issuer.Name, issuer.CreditCode, issuer.RegionCode), certificate.CertifiedAt, version.AgeYears,
            certificate.ReissueCount, data.Decedent,
            medical ? data.Death : data.Death with { PregnancyStatus = null },
            medical ? data.Causes : null,
            view == CertificateAccess.DeathNotice ? null : data.Informant,
            view == CertificateAccess.DeathNotice ? null : data.Certifier,
            full ? data.Investigation : null,
            warnings, history,
            CertificateAccess.PrintableCopies(actor, certificate),
            version.Token is null || certificate.Status != CertificateStatus.Issued ? null : records.VerificationUrl(version.Token));
    }

    public async Task<(byte[] Pdf, string FileName)> PrintAsync(Actor actor, string number, int? copy, CancellationToken ct)
    {
        var certificate = await lookups.FindAsync(actor, number, ct);
        var printable = CertificateAccess.PrintableCopies(actor, certificate);
        var chosen = copy ?? printable.FirstOrDefault();
        if (chosen is < 1 or > 4)
            throw new FieldValidationException(new Dictionary<string, string[]> { ["copy"] = ["联次须为 1 至 4"] });
        if (!printable.Contains(chosen))
            throw ProblemException.Forbidden($"Your organisation may not print copy {chosen} of this certificate.");
        if (certificate.Status is not (CertificateStatus.Issued or CertificateStatus.Revoked))
            throw ProblemException.Conflict($"A certificate that is {certificate.Status} cannot be printed.");
        var version = await CurrentVersionAsync(certificate, ct);
        var issuer = await records.OrganisationAsync(certificate.IssuerOrganisationId, ct);
        await audit.RecordAsync(actor, "certificate.print", $"certificate:{certificate.Number}", CertificateAccess.ReadPurpose(actor), $"copy {chosen}", ct);
        var model = new CertificatePrintModel(certificate.Number, certificate.CurrentVersion,
            certificate.Status, issuer.Name, issuer.RegionCode, certificate.CertifiedAt, chosen, certificate.ReissueCount > 0,
            version.Token is null ? "" : records.VerificationUrl(version.Token),
            CertificateJson.Deserialize<CertificateData>(version.DataJson), version.AgeYears);
        return (CertificatePdf.Render(model), $"certificate-{certificate.Number}-copy{chosen}.pdf");
    }

    private Task<CertificateVersion> CurrentVersionAsync(Certificate certificate, CancellationToken ct) =>
        db.Set<CertificateVersion>().AsNoTracking()
            .FirstAsync(v => v.CertificateId == certificate.Id && v.Version == certificate.CurrentVersion, ct);

    private sealed record StoredWarning(string Code, string Path, string Chinese, string English);

    private static IReadOnlyList<WarningDto> StoredWarnings(string json) =>
        CertificateJson.Deserialize<List<StoredWarning>>(json)
            .Select(w => new WarningDto(w.Code, w.Path, Texts.IsEnglish ? w.English : w.Chinese)).ToList();
}
