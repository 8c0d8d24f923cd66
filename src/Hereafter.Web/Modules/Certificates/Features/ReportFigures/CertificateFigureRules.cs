using System.Linq.Expressions;
using System.Text.Json;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Figures;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.ReportFigures;

/// <summary>
/// What each certificate figure counts, written once: the figures reader counts these rows and the supervisor's lists
/// (<c>/supervision/certificates?list=…&amp;from=…</c>) show them, so a figure and the list behind it cannot disagree.
/// </summary>
public static class CertificateFigureRules
{
    // The figures' codes, as the dashboard's tiles (data-figure) and the lists' list= parameter name them.
    public const string Issued = "issued";
    public const string CertifiedWithinDay = "certified-within-day";
    public const string ReportedInTime = "reported-in-time";
    public const string DuplicatesReviewed = "duplicates-reviewed";
    public const string DuplicatesPending = "duplicates-pending";
    public const string WithWarnings = "with-warnings";

    public static readonly IReadOnlyList<string> Figures = [Issued, CertifiedWithinDay, ReportedInTime, DuplicatesReviewed, DuplicatesPending, WithWarnings];

    /// <summary>Issued in the period: certified in it and reported (a held one once its review issued it; a rejected one never).</summary>
    public static Expression<Func<Certificate, bool>> IssuedIn(FigureFilter filter)
    {
        var (first, last) = (filter.FirstMonthNumber, filter.LastMonthNumber);
        return c => c.CertifiedMonth >= first && c.CertifiedMonth <= last && c.ReportedAt != null;
    }

    /// <summary>A review decision on a possible duplicate (issued or rejected) taken in the period.</summary>
    public static Expression<Func<CertificateAction, bool>> DecidedIn(FigureFilter filter)
    {
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        return a => (a.Action == CertificateActionKind.ReviewIssued || a.Action == CertificateActionKind.ReviewRejected) && a.At >= start && a.At < end;
    }

    /// <summary>Certificates whose issuer is in the district (all when null).</summary>
    public static IQueryable<Certificate> InDistrict(this IQueryable<Certificate> certificates, HereafterDbContext db, string? district) =>
        district is null ? certificates
            : certificates.Where(c => db.Set<Organisation>().Any(o => o.Id == c.IssuerOrganisationId && o.RegionCode == district));

    /// <summary>The certificates one figure counts for the filter (one of <see cref="Figures"/>).</summary>
    public static IQueryable<Certificate> Counted(HereafterDbContext db, FigureFilter filter, string figure)
    {
        var all = db.Set<Certificate>().AsNoTracking().InDistrict(db, filter.District);
        var issued = all.Where(IssuedIn(filter));
        var end = filter.EndUtc;
        return figure switch
        {
            Issued => issued,
            CertifiedWithinDay or ReportedInTime or WithWarnings => issued.Where(OfIssued(figure)),
            DuplicatesReviewed => all.Where(c => db.Set<CertificateAction>().Where(DecidedIn(filter)).Any(a => a.CertificateId == c.Id)),
            DuplicatesPending => all.Where(c => c.Status == CertificateStatus.PendingReview && c.CertifiedAt < end),
            _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, "not a certificate figure"),
        };
    }

    /// <summary>Which of the issued certificates a figure counts: certified within a day, reported in time, or with warnings.</summary>
    public static Expression<Func<Certificate, bool>> OfIssued(string figure) => figure switch
    {
        CertifiedWithinDay => c => !c.CertifiedLate,
        ReportedInTime => c => !c.ReportedLate,
        WithWarnings => c => c.WarningCount > 0,
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, "not a figure of the issued certificates"),
    };

    /// <summary>Of some certificates, those whose issuer is of the type.</summary>
    public static IQueryable<Certificate> IssuedBy(this IQueryable<Certificate> certificates, HereafterDbContext db, OrganisationType type) =>
        certificates.Where(c => db.Set<Organisation>().Any(o => o.Id == c.IssuerOrganisationId && o.Type == type));

    /// <summary>The warning codes of each certificate's current version (each code once per certificate).</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> WarningKindsAsync(HereafterDbContext db, IReadOnlyList<Guid> certificateIds, CancellationToken ct)
    {
        var kinds = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var chunk in certificateIds.Chunk(500))
        {
            var ids = chunk.ToList();
            var rows = await (
                from v in db.Set<CertificateVersion>().AsNoTracking()
                join c in db.Set<Certificate>().AsNoTracking() on v.CertificateId equals c.Id
                where ids.Contains(c.Id) && v.Version == c.CurrentVersion
                select new { c.Id, v.WarningsJson }).ToListAsync(ct);
            foreach (var r in rows)
                kinds[r.Id] = [.. WarningCodes(r.WarningsJson).Distinct(StringComparer.Ordinal)];
        }
        return kinds;
    }

    /// <summary>The codes of a version's stored warnings (<c>[{ "Code": …, … }]</c>).</summary>
    public static List<string> WarningCodes(string json)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json);
        var codes = new List<string>();
        if (doc.RootElement.ValueKind != JsonValueKind.Array) return codes;
        foreach (var w in doc.RootElement.EnumerateArray())
            if (w.ValueKind == JsonValueKind.Object && (w.TryGetProperty("Code", out var c) || w.TryGetProperty("code", out c)) && c.GetString() is { Length: > 0 } code)
                codes.Add(code);
        return codes;
    }
}
