using Hereafter.Domain.Certificates;
using Hereafter.Domain.Messages;
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
/// Reads the copy (联) of a certificate the caller's organisation may see. Every read of the record is
/// written to the audit log with its purpose.
/// </summary>
public sealed class ReadCertificateHandler(
    HereafterDbContext db, CertificateFinder finder, CertificateVersions versions, VerificationLinks links,
    AuditLog audit, CertificateLookups lookups, Texts texts)
{
    public async Task<CertificateView> ReadAsync(Actor actor, string number, CancellationToken ct) =>
        await ViewAsync(actor, await lookups.FindAsync(actor, number, ct), ct);

    /// <summary>The copy of the certificate with this opaque id (its pages' address), counted and audited like a read by number.</summary>
    public async Task<CertificateView> ReadAsync(Actor actor, Guid id, CancellationToken ct) =>
        await ViewAsync(actor, await lookups.FindAsync(actor, id, ct), ct);

    private async Task<CertificateView> ViewAsync(Actor actor, Certificate certificate, CancellationToken ct)
    {
        var view = CertificateAccess.ViewFor(actor, certificate)
                   ?? throw ProblemException.Forbidden(new Message("certificates.read.forbidden"));
        var version = await versions.CurrentAsync(certificate, ct);
        var issuer = await finder.OrganisationAsync(certificate.IssuerOrganisationId, ct);
        await audit.RecordAsync(actor, "certificate.read", $"certificate:{certificate.Number}", CertificateAccess.ReadPurpose(actor), view.ToCode(), ct);
        var data = CertificateJson.Deserialize<CertificateData>(version.DataJson);
        var full = view == CertificateViewKind.Copy1;
        var medical = view is CertificateViewKind.Copy1 or CertificateViewKind.Copy2;
        IReadOnlyList<HistoryEntryDto>? history = null;
        IReadOnlyList<WarningDto>? warnings = null;
        if (full)
        {
            history = await db.Set<CertificateAction>().AsNoTracking().Where(a => a.CertificateId == certificate.Id)
                .OrderBy(a => a.Id)
                .Select(a => new HistoryEntryDto(a.At, a.Action.ToCode(), a.Version, a.ActorName, a.OrganisationName, a.Reason))
                .ToListAsync(ct);
            warnings = StoredWarnings(version.WarningsJson);
        }
        var copyName = view switch
        {
            CertificateViewKind.Copy1 => CertificatePdf.CopyName(1),
            CertificateViewKind.Copy2 => CertificatePdf.CopyName(2),
            CertificateViewKind.Copy4 => CertificatePdf.CopyName(4),
            _ => texts["死亡信息通知（不含医学信息）"],
        };
        return new CertificateView(
            certificate.Number, certificate.CurrentVersion, certificate.Status.ToCode(), certificate.NumberKind.ToCode(), view.ToCode(), copyName,
            new IssuerDto(issuer.Name, issuer.CreditCode, issuer.RegionCode), certificate.CertifiedAt, version.AgeYears,
            certificate.ReissueCount, data.Decedent,
            medical ? data.Death : data.Death with { PregnancyStatus = null },
            medical ? data.Causes : null,
            view == CertificateViewKind.DeathNotice ? null : data.Informant,
            view == CertificateViewKind.DeathNotice ? null : data.Certifier,
            full ? data.Investigation : null,
            warnings, history,
            CertificateAccess.PrintableCopies(actor, certificate),
            version.Token is null || certificate.Status != CertificateStatus.Issued ? null : links.For(version.Token))
        {
            Id = certificate.Id,
        };
    }

    /// <summary>A warning as recorded at issue: its texts in both languages, as they were said then.</summary>
    private sealed record StoredWarning(string Code, string Path, string Chinese, string English)
    {
        public string Text(bool english) => english ? English : Chinese;
    }

    private static IReadOnlyList<WarningDto> StoredWarnings(string json) =>
        CertificateJson.Deserialize<List<StoredWarning>>(json)
            .Select(w => new WarningDto(w.Code, w.Path, w.Text(Texts.IsEnglish))).ToList();
}
