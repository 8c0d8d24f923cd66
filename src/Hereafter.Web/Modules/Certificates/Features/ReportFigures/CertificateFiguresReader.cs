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
/// warnings. Months are counted in SQL (<see cref="FigureMonths"/>): the issued ones by the China month each keeps
/// (<see cref="Certificate.CertifiedMonth"/>), the decisions as a CASE over the period's month boundaries.
/// </summary>
public sealed class CertificateFiguresReader(HereafterDbContext db) : ICertificateFigures
{
    public async Task<CertificateFigures> ForAsync(FigureFilter filter, CancellationToken ct)
    {
        // The issued certificates' figures by China month and issuer in one grouped query (FigureMonths), in the order of
        // the index on the two: a year of a city is some 40,000 certificates, scanned once, none loaded or sorted. The issuers' types are looked up after.
        var issued = await Counted(db, filter, Issued).CountPerMonthAsync(filter, c => c.CertifiedMonth, c => c.IssuerOrganisationId,
            [OfIssued(CertifiedWithinDay), OfIssued(ReportedInTime), OfIssued(WithWarnings)], ct);
        var issuerIds = issued.Select(g => g.Key).Distinct().ToList();
        var typeOf = await db.Set<Organisation>().AsNoTracking().Where(o => issuerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Type, ct);
        int InMonth(int month, int rule) => issued.Where(g => g.Month == month).Sum(g => rule < 0 ? g.Rows : g.Counted[rule]);
        int All(int rule) => issued.Sum(g => rule < 0 ? g.Rows : g.Counted[rule]);

        // A possible duplicate is decided once (held → issued or rejected), so its decision is the one counted.
        // Driven from the period's decisions (a few hundred, by the index on action and time), each of a certificate of the
        // district: the same certificates as the figure's list (Counted: those with a decision in the period), without
        // probing the decisions a second time for each one.
        var inDistrict = db.Set<Certificate>().AsNoTracking().InDistrict(db, filter.District);
        var decisions = await db.Set<CertificateAction>().AsNoTracking().Where(DecidedIn(filter))
            .Where(a => inDistrict.Any(c => c.Id == a.CertificateId))
            .CountPerMonthAsync(filter, a => a.At, ct);
        var pending = await Counted(db, filter, DuplicatesPending).CountAsync(ct);

        // The warning kinds of the warned ones, from their current version's stored warnings (each kind once per certificate).
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var warnings = await (
                from c in Counted(db, filter, WithWarnings)
                join v in db.Set<CertificateVersion>().AsNoTracking() on new { Id = c.Id, Version = c.CurrentVersion } equals new { Id = v.CertificateId, v.Version }
                select v.WarningsJson)
            .ToListAsync(ct);
        foreach (var json in warnings)
            foreach (var code in WarningCodes(json).Distinct(StringComparer.Ordinal))
                kinds[code] = kinds.GetValueOrDefault(code) + 1;

        var months = filter.Months.Select((m, i) => new CertificateMonthFigures(m.ToString(), InMonth(i, -1), InMonth(i, 0), InMonth(i, 1),
            decisions.GetValueOrDefault(i), InMonth(i, 2))).ToList();

        return new CertificateFigures(
            All(-1), All(0), All(1), decisions.Values.Sum(), pending, All(2),
            [.. issued.GroupBy(g => typeOf[g.Key]).Select(g => new KeyedCount(EnumCodes<OrganisationType>.Code(g.Key), g.Sum(x => x.Rows))).OrderByDescending(k => k.Count).ThenBy(k => k.Key, StringComparer.Ordinal)],
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
