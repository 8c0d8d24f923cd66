using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Modules.Memorial.Features.Booking;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Memorial.Features.BookingPages;

/// <summary>
/// What the booking pages read beyond the booking core's entry points: one slot by its id (the book page's link), a
/// site's upcoming days with what is booked per slot (the day's list of bookings is <see cref="SiteBookingQueries"/>).
/// </summary>
public sealed class BookingPageQueries(Platform.Data.HereafterDbContext db, SlotQueries slots, TimeProvider clock)
{
    /// <summary>The slot as the public sees it (places left, open or not), or null when there is no such slot.</summary>
    public async Task<SlotView?> SlotAsync(Guid slotId, CancellationToken ct)
    {
        var where = await db.Set<MemorialSlot>().AsNoTracking().Where(s => s.Id == slotId)
            .Select(s => new { s.InstitutionId, s.Date }).FirstOrDefaultAsync(ct);
        if (where is null) return null;
        return (await slots.SlotsAsync(where.InstitutionId, where.Date, ct)).FirstOrDefault(s => s.Id == slotId);
    }

    /// <summary>One slot of a published day with what is booked in it.</summary>
    public sealed record SlotLoad(Guid Id, TimeOnly Start, TimeOnly End, int People, int Booked, int Cars, int CarsBooked, int RecentQuota, int RecentBooked);

    /// <summary>A published day of the site, its slots in time order.</summary>
    public sealed record SiteDay(Guid Id, DateOnly Date, DateTimeOffset OpensAt, int PartyLimit, int RecentGraveQuota, IReadOnlyList<SlotLoad> Slots)
    {
        public int People => Slots.Sum(s => s.People);
        public int Booked => Slots.Sum(s => s.Booked);
    }

    /// <summary>The site's days from today (China date) on, nearest first.</summary>
    public async Task<IReadOnlyList<SiteDay>> UpcomingDaysAsync(Guid site, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var days = await db.Set<MemorialDay>().AsNoTracking()
            .Where(d => d.InstitutionId == site && d.Date >= today)
            .OrderBy(d => d.Date).Take(60)
            .Select(d => new
            {
                d.Id, d.Date, d.OpensAt, d.PartyLimit, d.RecentGraveQuota,
                Slots = d.Slots.Select(s => new SlotLoad(s.Id, s.Start, s.End, s.People, s.GeneralBooked + s.RecentBooked, s.Cars, s.CarsBooked, s.RecentQuota, s.RecentBooked)).ToList(),
            })
            .ToListAsync(ct);
        return [.. days.Select(d => new SiteDay(d.Id, d.Date, d.OpensAt, d.PartyLimit, d.RecentGraveQuota, [.. d.Slots.OrderBy(s => s.Start)]))];
    }
}
