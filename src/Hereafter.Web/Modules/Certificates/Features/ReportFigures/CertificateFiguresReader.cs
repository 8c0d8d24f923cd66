using System.Text.Json;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Figures;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.ReportFigures;

/// <summary>
/// Reads <see cref="CertificateFigures"/>: one grouped query for the period's issued certificates (per China month and
/// issuer type, months as a CASE over the period's boundaries, see <see cref="FigureMonths"/>), one for the review
/// decisions taken in it, one count of those still held, and one for the warning codes of the issued ones that carry
/// warnings. No certificate row is loaded: a year of a city is some 40,000 (the bench's <c>dashboard</c> scenario).
/// </summary>
public sealed class CertificateFiguresReader(HereafterDbContext db) : ICertificateFigures
{
    public async Task<CertificateFigures> ForAsync(FigureFilter filter, CancellationToken ct)
    {
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var issuers = db.Set<Organisation>().AsNoTracking().Where(o => filter.District == null || o.RegionCode == filter.District);
        var issued =
            from c in db.Set<Certificate>().AsNoTracking()
            join o in issuers on c.IssuerOrganisationId equals o.Id
            where c.CertifiedAt >= start && c.CertifiedAt < end && c.ReportedAt != null
            select new { c.Id, c.CertifiedAt, c.CertifiedLate, c.ReportedLate, c.WarningCount, c.CurrentVersion, o.Type };

        var groups = await issued
            .SelectWithMonth(filter, c => c.CertifiedAt, (c, month) => new
            {
                Month = month, c.Type, WithinDay = !c.CertifiedLate, InTime = !c.ReportedLate, Warned = c.WarningCount > 0,
            })
            .GroupBy(c => new { c.Month, c.Type })
            .Select(g => new
            {
                g.Key.Month, g.Key.Type, Issued = g.Count(), WithinDay = g.Count(c => c.WithinDay), InTime = g.Count(c => c.InTime), Warned = g.Count(c => c.Warned),
            })
            .ToListAsync(ct);

        var decisions = await (
            from a in db.Set<CertificateAction>().AsNoTracking()
            join c in db.Set<Certificate>().AsNoTracking() on a.CertificateId equals c.Id
            join o in issuers on c.IssuerOrganisationId equals o.Id
            where (a.Action == CertificateActionKind.ReviewIssued || a.Action == CertificateActionKind.ReviewRejected) && a.At >= start && a.At < end
            select a)
            .SelectWithMonth(filter, a => a.At, (a, month) => month)
            .GroupBy(month => month)
            .Select(g => new { Month = g.Key, Count = g.Count() })
            .ToListAsync(ct);

        var pending = await (
            from c in db.Set<Certificate>().AsNoTracking()
            join o in issuers on c.IssuerOrganisationId equals o.Id
            where c.Status == CertificateStatus.PendingReview && c.CertifiedAt < end
            select c.Id).CountAsync(ct);

        var jsons = await (
            from c in issued
            join v in db.Set<CertificateVersion>().AsNoTracking() on new { c.Id, Version = c.CurrentVersion } equals new { Id = v.CertificateId, v.Version }
            where c.WarningCount > 0
            select v.WarningsJson).ToListAsync(ct);
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var json in jsons)
            foreach (var code in WarningCodes(json).Distinct(StringComparer.Ordinal))
                kinds[code] = kinds.GetValueOrDefault(code) + 1;

        var byMonth = groups.GroupBy(g => g.Month).ToDictionary(g => g.Key);
        var decidedByMonth = decisions.ToDictionary(d => d.Month, d => d.Count);
        var months = filter.Months.Select((m, i) =>
        {
            var list = byMonth.TryGetValue(i, out var g) ? g.ToList() : [];
            return new CertificateMonthFigures(m.ToString(), list.Sum(c => c.Issued), list.Sum(c => c.WithinDay), list.Sum(c => c.InTime),
                decidedByMonth.GetValueOrDefault(i), list.Sum(c => c.Warned));
        }).ToList();

        return new CertificateFigures(
            groups.Sum(c => c.Issued), groups.Sum(c => c.WithinDay), groups.Sum(c => c.InTime), decisions.Sum(d => d.Count), pending,
            groups.Sum(c => c.Warned),
            [.. groups.GroupBy(c => c.Type).Select(g => new KeyedCount(EnumCodes<OrganisationType>.Code(g.Key), g.Sum(c => c.Issued))).OrderByDescending(k => k.Count).ThenBy(k => k.Key, StringComparer.Ordinal)],
            [.. kinds.Select(k => new KeyedCount(k.Key, k.Value)).OrderByDescending(k => k.Count).ThenBy(k => k.Key, StringComparer.Ordinal)],
            months);
    }

    public IQueryable<Guid> CertificateIdsIssuedIn(string district) =>
        from c in db.Set<Certificate>().AsNoTracking()
        join o in db.Set<Organisation>().AsNoTracking() on c.IssuerOrganisationId equals o.Id
        where o.RegionCode == district
        select c.Id;

    /// <summary>The codes of a version's stored warnings (<c>[{ "Code": …, … }]</c>).</summary>
    private static IEnumerable<string> WarningCodes(string json)
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
