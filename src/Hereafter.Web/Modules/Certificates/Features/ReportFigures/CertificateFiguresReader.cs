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
        var certificates = await (
            from c in Counted(db, filter, Issued)
            join o in db.Set<Organisation>().AsNoTracking() on c.IssuerOrganisationId equals o.Id
            select new { c.Id, c.CertifiedAt, o.Type }).ToListAsync(ct);
        var withinDay = await Counted(db, filter, CertifiedWithinDay).Select(c => c.CertifiedAt).ToListAsync(ct);
        var inTime = await Counted(db, filter, ReportedInTime).Select(c => c.CertifiedAt).ToListAsync(ct);
        var warned = await Counted(db, filter, WithWarnings).Select(c => new { c.Id, c.CertifiedAt }).ToListAsync(ct);

        // A possible duplicate is decided once (held → issued or rejected), so its decision is the one counted.
        var decisions = await (
            from a in db.Set<CertificateAction>().AsNoTracking().Where(DecidedIn(filter))
            join c in Counted(db, filter, DuplicatesReviewed) on a.CertificateId equals c.Id
            select a.At).ToListAsync(ct);
        var pending = await Counted(db, filter, DuplicatesPending).CountAsync(ct);

        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var codes in (await WarningKindsAsync(db, [.. warned.Select(w => w.Id)], ct)).Values)
            foreach (var code in codes)
                kinds[code] = kinds.GetValueOrDefault(code) + 1;

        static Dictionary<YearMonth, int> PerMonth(IEnumerable<DateTimeOffset> at) => at.GroupBy(FigureFilter.MonthOf).ToDictionary(g => g.Key, g => g.Count());
        var (issuedBy, withinDayBy, inTimeBy, decidedBy, warnedBy) =
            (PerMonth(certificates.Select(c => c.CertifiedAt)), PerMonth(withinDay), PerMonth(inTime), PerMonth(decisions), PerMonth(warned.Select(w => w.CertifiedAt)));
        var months = filter.Months.Select(m => new CertificateMonthFigures(m.ToString(), issuedBy.GetValueOrDefault(m), withinDayBy.GetValueOrDefault(m),
            inTimeBy.GetValueOrDefault(m), decidedBy.GetValueOrDefault(m), warnedBy.GetValueOrDefault(m))).ToList();

        return new CertificateFigures(
            certificates.Count, withinDay.Count, inTime.Count, decisions.Count, pending, warned.Count,
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
}
