using Hereafter.Domain.Input;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody;

/// <summary>The document a cemetery or columbarium checked before a burial or a plot sale.</summary>
/// <param name="Kind"><c>death-certificate</c> or <c>cremation-certificate</c>.</param>
/// <param name="CustodyId">The custody record: the 火化证明's, or the open record of the certificate's person.</param>
/// <param name="CremationCertificate">The 火化证明 presented (tracked, to be written off), when that was the document.</param>
public sealed record PlacementDocument(
    string Kind, string Number, Guid CertificateId, Guid? CustodyId, string DecedentName, bool CertificateActive, CremationCertificate? CremationCertificate);

/// <summary>
/// A cemetery or columbarium may sell a plot or record a burial only against an active death certificate or a
/// 火化证明 that has not been written off (DOMAIN.md §7). One rule for both steps: give exactly one number; anything
/// but an active document is a 409 naming what is wrong.
/// </summary>
public sealed class PlacementDocuments(HereafterDbContext db, ICertificateStandings standings)
{
    public const string DeathCertificate = "death-certificate";
    public const string CremationCertificateKind = "cremation-certificate";

    /// <summary>Adds a field error when neither or both numbers are given; otherwise returns the trimmed one.</summary>
    public static (string? Certificate, string? Cremation) Numbers(string? certificateNumber, string? cremationCertificateNumber, FieldErrors errors)
    {
        var certificate = certificateNumber?.Trim() is { Length: > 0 } c ? c : null;
        var cremation = cremationCertificateNumber?.Trim() is { Length: > 0 } r ? r : null;
        if (certificate is null && cremation is null) errors.Add("certificateNumber", new Message("custody.placement.document-required"));
        else if (certificate is not null && cremation is not null) errors.Add("cremationCertificateNumber", new Message("custody.placement.document-both"));
        else if ((certificate ?? cremation)!.Length > 40) errors.Add(certificate is null ? "cremationCertificateNumber" : "certificateNumber", new Message("custody.placement.document-unknown"));
        return (certificate, cremation);
    }

    public const int MaxPlotLength = 100;

    /// <summary>The trimmed plot or niche, with a field error when it is missing or not plain text.</summary>
    public static string? Plot(string? plotOrNiche, FieldErrors errors)
    {
        var plot = plotOrNiche?.Trim();
        if (string.IsNullOrEmpty(plot)) errors.Add("plotOrNiche", new Message("custody.placement.plot-required"));
        else if (FreeText.Check(plot, MaxPlotLength) != FreeTextProblems.None) errors.Add("plotOrNiche", new Message("custody.ashes.plot-invalid").With("max", MaxPlotLength));
        return plot;
    }

    /// <summary>When the burial or sale took place: required, and not in the future (five minutes of clock skew allowed).</summary>
    public static void When(DateTimeOffset? at, string field, string requiredKey, DateTimeOffset now, FieldErrors errors)
    {
        if (at is null) errors.Add(field, new Message(requiredKey));
        else if (at > now.AddMinutes(5)) errors.Add(field, new Message("custody.placement.at-future"));
    }

    public async Task<PlacementDocument> RequireActiveAsync(string? certificateNumber, string? cremationCertificateNumber, CancellationToken ct)
    {
        if (cremationCertificateNumber is not null)
        {
            var issued = await db.Set<CremationCertificate>().Where(c => c.Number == cremationCertificateNumber).ToListAsync(ct);
            if (issued.Count == 0)
                throw ProblemException.Conflict(new Message("custody.placement.cremation-certificate-unknown").With("number", cremationCertificateNumber));
            var open = issued.Where(c => c.WrittenOffAt is null).ToList();
            if (open.Count == 0) throw ProblemException.Conflict(new Message("custody.placement.cremation-certificate-written-off"));
            // Numbers are unique per funeral home; two homes' open certificates with one number cannot be told apart.
            if (open.Count > 1) throw ProblemException.Conflict(new Message("custody.placement.cremation-certificate-ambiguous"));
            var certificate = open[0];
            var record = await db.Set<CustodyRecord>().AsNoTracking().FirstAsync(r => r.Id == certificate.CustodyId, ct);
            var standing = await standings.ByIdAsync(record.CertificateId, ct);
            return new PlacementDocument(CremationCertificateKind, certificate.Number, record.CertificateId, record.Id, record.DecedentName,
                standing?.Status == CertificateStandingStatus.Active && !record.Frozen, certificate);
        }
        var found = await standings.ByNumberAsync(certificateNumber!, ct)
                    ?? throw ProblemException.Conflict(new Message("custody.placement.certificate-unknown").With("number", certificateNumber));
        if (found.Status != CertificateStandingStatus.Active)
            throw ProblemException.Conflict(new Message("custody.placement.certificate-not-active"));
        var personKey = found.IdNumber ?? found.CertificateId.ToString("N");
        var custody = await db.Set<CustodyRecord>().AsNoTracking()
            .Where(r => r.CertificateId == found.CertificateId || r.PersonKey == personKey)
            .OrderBy(r => r.OpenPersonKey == null).ThenByDescending(r => r.CreatedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        var toWriteOff = custody is null ? null
            : await db.Set<CremationCertificate>().FirstOrDefaultAsync(c => c.CustodyId == custody && c.WrittenOffAt == null, ct);
        return new PlacementDocument(DeathCertificate, found.Number, found.CertificateId, custody, found.DecedentName, true, toWriteOff);
    }
}
