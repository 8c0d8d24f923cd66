using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Figures;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;
using static Hereafter.Web.Modules.Certificates.Features.ReportFigures.CertificateFigureRules;

namespace Hereafter.Web.Modules.Certificates.Features.ReportFigures;

/// <summary>
/// Reads <see cref="CertificateFigures"/> from the rows <see cref="CertificateFigureRules"/> says each figure counts (the
/// lists behind the figures use the same rules): the issued certificates of the period with their issuer type and the
/// two time limits, the review decisions taken in it, the held ones, and the warning kinds of the issued ones that carry
/// warnings. Months are counted here, since a China-time month of a stored instant is not portable SQL across SQLite
/// and PostgreSQL.
/// </summary>
public sealed class CertificateFiguresReader(HereafterDbContext db) : ICertificateFigures
{
    public async Task<CertificateFigures> ForAsync(FigureFilter filter, CancellationToken ct)
    {
        // Counted by month in SQL (FigureMonths): a year of a city is some 40,000 certificates, none of them loaded.
        var issued = await (
                from c in Counted(db, filter, Issued)
                join o in db.Set<Organisation>().AsNoTracking() on c.IssuerOrganisationId equals o.Id
                select new { c.CertifiedAt, o.Type })
            .SelectWithMonth(filter, c => c.CertifiedAt, (c, month) => new { Month = month, c.Type })
            .GroupBy(c => new { c.Month, c.Type })
            .Select(g => new { g.Key.Month, g.Key.Type, Count = g.Count() })
            .ToListAsync(ct);
        var withinDay = await Counted(db, filter, CertifiedWithinDay).CountPerMonthAsync(filter, c => c.CertifiedAt, ct);
        var inTime = await Counted(db, filter, ReportedInTime).CountPerMonthAsync(filter, c => c.CertifiedAt, ct);
        var warned = await Counted(db, filter, WithWarnings).CountPerMonthAsync(filter, c => c.CertifiedAt, ct);
        var warnedIds = await Counted(db, filter, WithWarnings).Select(c => c.Id).ToListAsync(ct);

        // A possible duplicate is decided once (held → issued or rejected), so its decision is the one counted.
        var decisions = await (
                from a in db.Set<CertificateAction>().AsNoTracking().Where(DecidedIn(filter))
                join c in Counted(db, filter, DuplicatesReviewed) on a.CertificateId equals c.Id
                select a)
            .CountPerMonthAsync(filter, a => a.At, ct);
        var pending = await Counted(db, filter, DuplicatesPending).CountAsync(ct);

        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var codes in (await WarningKindsAsync(db, warnedIds, ct)).Values)
            foreach (var code in codes)
                kinds[code] = kinds.GetValueOrDefault(code) + 1;

        var months = filter.Months.Select((m, i) => new CertificateMonthFigures(m.ToString(), issued.Where(g => g.Month == i).Sum(g => g.Count),
            withinDay.GetValueOrDefault(i), inTime.GetValueOrDefault(i), decisions.GetValueOrDefault(i), warned.GetValueOrDefault(i))).ToList();

        return new CertificateFigures(
            issued.Sum(g => g.Count), withinDay.Values.Sum(), inTime.Values.Sum(), decisions.Values.Sum(), pending, warned.Values.Sum(),
            [.. issued.GroupBy(g => g.Type).Select(g => new KeyedCount(EnumCodes<OrganisationType>.Code(g.Key), g.Sum(x => x.Count))).OrderByDescending(k => k.Count).ThenBy(k => k.Key, StringComparer.Ordinal)],
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
}
