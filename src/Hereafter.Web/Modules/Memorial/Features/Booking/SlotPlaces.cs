using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;

namespace Hereafter.Web.Modules.Memorial.Features.Booking;

/// <summary>
/// A slot's counters and what they leave: a general booking may take a place only outside the recent-grave quota
/// still held free; a booking for a recent grave may take any free place. The conditional UPDATE of a booking states the
/// same rule in SQL, and the check constraints of <c>memorial_slots</c> state it once more.
/// </summary>
public sealed record SlotPlaces(int People, int Cars, int RecentQuota, int GeneralBooked, int RecentBooked, int CarsBooked)
{
    /// <summary>Places any booking for a recent grave may take.</summary>
    public int RecentPlacesLeft => Math.Max(0, People - GeneralBooked - RecentBooked);

    /// <summary>Places a general booking may take: never the part of the quota not yet used by recent graves.</summary>
    public int PeopleLeft => Math.Max(0, People - GeneralBooked - Math.Max(RecentQuota, RecentBooked));

    public int CarsLeft => Math.Max(0, Cars - CarsBooked);

    public int LeftFor(bool recentGrave) => recentGrave ? RecentPlacesLeft : PeopleLeft;

    public static SlotPlaces Of(MemorialSlot s) => new(s.People, s.Cars, s.RecentQuota, s.GeneralBooked, s.RecentBooked, s.CarsBooked);
}

/// <summary>A slot's times as instants and whether booking is open.</summary>
public static class SlotTimes
{
    public static DateTimeOffset StartsAt(DateOnly date, TimeOnly start) => ChinaTime.At(date, start).ToUniversalTime();

    public static DateTimeOffset EndsAt(DateOnly date, TimeOnly end) => ChinaTime.At(date, end).ToUniversalTime();

    /// <summary>Open from the day's opening moment until the slot ends.</summary>
    public static bool Open(DateTimeOffset now, DateTimeOffset opensAt, DateOnly date, TimeOnly end) => now >= opensAt && now < EndsAt(date, end);

    public static SlotView View(MemorialSlot s, string siteName, int partyLimit, DateTimeOffset opensAt, DateTimeOffset now)
    {
        var places = SlotPlaces.Of(s);
        return new SlotView(s.Id, s.InstitutionId, siteName, s.Date, s.Start, s.End, s.People, places.PeopleLeft, s.Cars, places.CarsLeft,
            s.RecentQuota, places.RecentPlacesLeft, partyLimit, ChinaTime.ToChina(opensAt), Open(now, opensAt, s.Date, s.End));
    }
}
