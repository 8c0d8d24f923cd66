using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Figures;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Custody.Features.ReportFigures;

/// <summary>
/// Reads <see cref="CustodyFigures"/>: the steps' times in the period (counted into China months here: a grouped month of
/// a stored instant is not portable between the providers, ADR 0036) and a count per overdue reason with the
/// supervision list's own predicate (<see cref="CustodyOverdueQuery.OverdueFor"/>), so a figure and its list agree.
/// </summary>
public sealed class CustodyFiguresReader(HereafterDbContext db, IOptions<CustodyOptions> options, TimeProvider clock) : ICustodyFigures
{
    public async Task<CustodyFigures> ForAsync(FigureFilter filter, CancellationToken ct)
    {
        var records = db.Set<CustodyRecord>().AsNoTracking();
        if (filter.District is { } district)
        {
            var homes = db.Set<Organisation>().Where(o => o.RegionCode == district).Select(o => o.Id);
            records = records.Where(r => homes.Contains(r.FuneralHomeId));
        }
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var pickedUp = await records.Where(r => r.PickedUpAt >= start && r.PickedUpAt < end).Select(r => r.PickedUpAt).ToListAsync(ct);
        var cremated = await records.Where(r => r.CrematedAt != null && r.CrematedAt >= start && r.CrematedAt < end).Select(r => r.CrematedAt!.Value).ToListAsync(ct);
        var placed = await records.Where(r => r.PlacedAt != null && r.PlacedAt >= start && r.PlacedAt < end).Select(r => r.PlacedAt!.Value).ToListAsync(ct);

        var now = clock.GetUtcNow();
        var periods = CustodyOverdueQuery.Periods(options.Value);
        var overStorage = await records.CountAsync(CustodyOverdueQuery.OverdueFor(CustodyOverdue.OverStorageLimit, now, periods), ct);
        var placementOverdue = await records.CountAsync(CustodyOverdueQuery.OverdueFor(CustodyOverdue.PlacementOverdue, now, periods), ct);
        var unclaimed = await records.CountAsync(CustodyOverdueQuery.OverdueFor(CustodyOverdue.Unclaimed, now, periods), ct);

        var (p, c, b) = (PerMonth(pickedUp), PerMonth(cremated), PerMonth(placed));
        var months = filter.Months.Select(m => new CustodyMonthFigures(m.ToString(), p.GetValueOrDefault(m), c.GetValueOrDefault(m), b.GetValueOrDefault(m))).ToList();
        return new CustodyFigures(pickedUp.Count, cremated.Count, placed.Count, overStorage, placementOverdue, unclaimed, months);
    }

    private static Dictionary<Domain.Reconciliation.YearMonth, int> PerMonth(List<DateTimeOffset> times) =>
        times.GroupBy(FigureFilter.MonthOf).ToDictionary(g => g.Key, g => g.Count());
}
