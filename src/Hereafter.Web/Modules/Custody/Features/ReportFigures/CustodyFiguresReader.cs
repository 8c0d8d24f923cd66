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
/// Reads <see cref="CustodyFigures"/>: the steps in the period, counted per China month in SQL (<see cref="FigureMonths"/>,
/// no row loaded), and a count per overdue reason with the supervision list's own predicate
/// (<see cref="CustodyOverdueQuery.OverdueFor"/>), so a figure and its list agree.
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
        var pickedUp = await records.Where(r => r.PickedUpAt >= start && r.PickedUpAt < end)
            .CountPerMonthAsync(filter, r => r.PickedUpAt, ct);
        var cremated = await records.Where(r => r.CrematedAt != null && r.CrematedAt >= start && r.CrematedAt < end)
            .CountPerMonthAsync(filter, r => r.CrematedAt!.Value, ct);
        var placed = await records.Where(r => r.PlacedAt != null && r.PlacedAt >= start && r.PlacedAt < end)
            .CountPerMonthAsync(filter, r => r.PlacedAt!.Value, ct);

        var now = clock.GetUtcNow();
        var periods = CustodyOverdueQuery.Periods(options.Value);
        var overStorage = await records.CountAsync(CustodyOverdueQuery.OverdueFor(CustodyOverdue.OverStorageLimit, now, periods), ct);
        var placementOverdue = await records.CountAsync(CustodyOverdueQuery.OverdueFor(CustodyOverdue.PlacementOverdue, now, periods), ct);
        var unclaimed = await records.CountAsync(CustodyOverdueQuery.OverdueFor(CustodyOverdue.Unclaimed, now, periods), ct);

        var months = filter.Months.Select((m, i) => new CustodyMonthFigures(m.ToString(),
            pickedUp.GetValueOrDefault(i), cremated.GetValueOrDefault(i), placed.GetValueOrDefault(i))).ToList();
        return new CustodyFigures(pickedUp.Values.Sum(), cremated.Values.Sum(), placed.Values.Sum(), overStorage, placementOverdue, unclaimed, months);
    }
}
