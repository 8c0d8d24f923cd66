using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Memorial.Features.Booking;

/// <summary>Slots with places left (<c>GET /api/v1/memorial/slots?site=&amp;date=</c>), and the sites and days that have any.</summary>
public sealed class SlotQueries(HereafterDbContext db, TimeProvider clock)
{
    /// <summary>The day's slots in time order with the places left now; none when the site has not published that day.</summary>
    public async Task<IReadOnlyList<SlotView>> SlotsAsync(Guid site, DateOnly date, CancellationToken ct)
    {
        var rows = await (from s in db.Set<MemorialSlot>().AsNoTracking()
                          join d in db.Set<MemorialDay>() on s.DayId equals d.Id
                          join o in db.Set<Organisation>() on s.InstitutionId equals o.Id
                          where s.InstitutionId == site && s.Date == date
                          select new { Slot = s, o.Name, d.PartyLimit, d.OpensAt }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.OrderBy(r => r.Slot.Start).Select(r => SlotTimes.View(r.Slot, r.Name, r.PartyLimit, r.OpensAt, now)).ToList();
    }

    /// <summary>Sites (id, name) with a published day from <paramref name="from"/> on, and those days.</summary>
    public async Task<IReadOnlyList<(Guid Site, string SiteName, IReadOnlyList<DateOnly> Days)>> SitesAsync(DateOnly from, CancellationToken ct)
    {
        var rows = await (from d in db.Set<MemorialDay>().AsNoTracking()
                          join o in db.Set<Organisation>() on d.InstitutionId equals o.Id
                          where d.Date >= @from
                          select new { d.InstitutionId, o.Name, d.Date }).ToListAsync(ct);
        return rows.GroupBy(r => (r.InstitutionId, r.Name))
            .OrderBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => (g.Key.InstitutionId, g.Key.Name, (IReadOnlyList<DateOnly>)g.Select(r => r.Date).Order().ToList()))
            .ToList();
    }
}
