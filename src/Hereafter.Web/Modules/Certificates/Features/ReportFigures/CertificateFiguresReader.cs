using System.Text.Json;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Figures;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.ReportFigures;

/// <summary>
/// Reads <see cref="CertificateFigures"/>: one query for the period's certificates (a few small columns each), one for
/// the review decisions taken in it, one for the warning kinds of the issued ones that carry warnings; months are
/// counted here, since a China-time month of a stored instant is not portable SQL across SQLite and PostgreSQL.
/// </summary>
public sealed class CertificateFiguresReader(HereafterDbContext db) : ICertificateFigures
{
    public async Task<CertificateFigures> ForAsync(FigureFilter filter, CancellationToken ct)
    {
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var issuers = db.Set<Organisation>().AsNoTracking().Where(o => filter.District == null || o.RegionCode == filter.District);

        var certificates = await (
            from c in db.Set<Certificate>().AsNoTracking()
            join o in issuers on c.IssuerOrganisationId equals o.Id
            where c.CertifiedAt >= start && c.CertifiedAt < end && c.ReportedAt != null
            select new { c.Id, c.CertifiedAt, c.CertifiedLate, c.ReportedLate, c.WarningCount, c.CurrentVersion, o.Type }).ToListAsync(ct);

        var decisions = await (
            from a in db.Set<CertificateAction>().AsNoTracking()
            join c in db.Set<Certificate>().AsNoTracking() on a.CertificateId equals c.Id
            join o in issuers on c.IssuerOrganisationId equals o.Id
            where (a.Action == CertificateActionKind.ReviewIssued || a.Action == CertificateActionKind.ReviewRejected) && a.At >= start && a.At < end
            select a.At).ToListAsync(ct);

        var pending = await (
            from c in db.Set<Certificate>().AsNoTracking()
            join o in issuers on c.IssuerOrganisationId equals o.Id
            where c.Status == CertificateStatus.PendingReview && c.CertifiedAt < end
            select c.Id).CountAsync(ct);

        var warned = certificates.Where(c => c.WarningCount > 0).Select(c => c.Id).ToList();
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in warned.Chunk(500))
        {
            var ids = chunk.ToList();
            var jsons = await (
                from v in db.Set<CertificateVersion>().AsNoTracking()
                join c in db.Set<Certificate>().AsNoTracking() on v.CertificateId equals c.Id
                where ids.Contains(c.Id) && v.Version == c.CurrentVersion
                select v.WarningsJson).ToListAsync(ct);
            foreach (var json in jsons)
                foreach (var code in WarningCodes(json).Distinct(StringComparer.Ordinal))
                    kinds[code] = kinds.GetValueOrDefault(code) + 1;
        }

        var byMonth = certificates.GroupBy(c => FigureFilter.MonthOf(c.CertifiedAt)).ToDictionary(g => g.Key);
        var decidedByMonth = decisions.GroupBy(FigureFilter.MonthOf).ToDictionary(g => g.Key, g => g.Count());
        var months = filter.Months.Select(m =>
        {
            var list = byMonth.TryGetValue(m, out var g) ? g.ToList() : [];
            return new CertificateMonthFigures(m.ToString(), list.Count, list.Count(c => !c.CertifiedLate), list.Count(c => !c.ReportedLate),
                decidedByMonth.GetValueOrDefault(m), list.Count(c => c.WarningCount > 0));
        }).ToList();

        return new CertificateFigures(
            certificates.Count, certificates.Count(c => !c.CertifiedLate), certificates.Count(c => !c.ReportedLate), decisions.Count, pending,
            warned.Count,
            [.. certificates.GroupBy(c => c.Type).Select(g => new KeyedCount(EnumCodes<OrganisationType>.Code(g.Key), g.Count())).OrderByDescending(k => k.Count).ThenBy(k => k.Key, StringComparer.Ordinal)],
            [.. kinds.Select(k => new KeyedCount(k.Key, k.Value)).OrderByDescending(k => k.Count).ThenBy(k => k.Key, StringComparer.Ordinal)],
            months);
    }

    public IQueryable<Guid> CertificateIdsIssuedIn(string district) =>
        from c in db.Set<Certificate>().AsNoTracking()
        join o in db.Set<Organisation>().AsNoTracking() on c.IssuerOrganisationId equals o.Id
        where o.RegionCode == district
        select c.Id;

    public IQueryable<string> DecedentIdNumbersIssuedIn(string district) =>
        from c in db.Set<Certificate>().AsNoTracking()
        join o in db.Set<Organisation>().AsNoTracking() on c.IssuerOrganisationId equals o.Id
        where o.RegionCode == district && c.Status == CertificateStatus.Issued && c.NumberKind == CertificateNumberKind.CitizenId
        select c.Number;

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
