using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Modules.Memorial.Features.Booking;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Platform.Organisations;
using static Hereafter.Web.Platform.Demo.DemoData;

namespace Hereafter.Web.Modules.Memorial;

/// <summary>
/// Development-only booking days (预约祭扫) at the two demo cemeteries: today and the next days (open already, booking
/// opened seven days ahead at 08:00), one a week ahead that opens today, and Qingming 2027 (5 April 2027, opening
/// 29 March 08:00). 王丽 (<c>citizen.wang</c>) holds a booking at 景云山公墓 tomorrow morning. Once, when the module
/// has no day yet.
/// </summary>
public static class MemorialDemoData
{
    /// <summary>清明节 2027.</summary>
    public static readonly DateOnly Qingming2027 = new(2027, 4, 5);

    /// <summary>The module's demo data, each part once: booking days, then the standards pages.</summary>
    public static async Task SeedMemorialDemoAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await SeedOnceAsync<MemorialDay>(services, ["jingyunshan-cemetery", "qianling-public-cemetery"], (sp, orgs) => SeedAsync(sp, orgs, ct), ct);
        await StandardsDemoPages.SeedAsync(services, ct);
    }

    private static async Task SeedAsync(IServiceProvider sp, Dictionary<string, Organisation> orgs, CancellationToken ct)
    {
        var db = sp.GetRequiredService<HereafterDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var jingyun = orgs["jingyunshan-cemetery"];
        var qianling = orgs["qianling-public-cemetery"];

        MemorialDay Day(Organisation site, DateOnly date, string publishedBy, int people, int cars, int partyLimit, int quota,
            params (int From, int To)[] hours)
        {
            var day = new MemorialDay
            {
                Id = Guid.NewGuid(), InstitutionId = site.Id, Date = date, PartyLimit = partyLimit, RecentGraveQuota = quota,
                OpensAt = ChinaTime.At(date.AddDays(-7), new TimeOnly(8, 0)).ToUniversalTime(), PublishedBy = publishedBy, PublishedAt = now,
                Slots = hours.Select(h => new MemorialSlot
                {
                    Id = Guid.NewGuid(), InstitutionId = site.Id, Date = date, Start = new TimeOnly(h.From, 0), End = new TimeOnly(h.To, 0),
                    People = people, Cars = cars, RecentQuota = quota,
                }).ToList(),
            };
            db.Add(day);
            return day;
        }

        (int, int)[] jingyunHours = [(8, 10), (10, 12), (13, 15), (15, 17)];
        (int, int)[] qianlingHours = [(8, 11), (13, 16)];
        var days = new List<MemorialDay>();
        foreach (var offset in new[] { 0, 1, 2, 7 })
            days.Add(Day(jingyun, today.AddDays(offset), "孙丽（销售）", 200, 40, 5, 20, jingyunHours));
        foreach (var offset in new[] { 1, 2, 3 })
            Day(qianling, today.AddDays(offset), "马俊（管理）", 100, 10, 4, 10, qianlingHours);
        if (Qingming2027 > today.AddDays(7))
        {
            // The rush: Zhongshan-style hourly slots of 1,000 people from 07:00 to 18:00.
            Day(jingyun, Qingming2027, "孙丽（销售）", 1000, 150, 5, 100, [.. Enumerable.Range(7, 11).Select(h => (h, h + 1))]);
            Day(qianling, Qingming2027, "马俊（管理）", 300, 30, 4, 30, [(7, 10), (10, 13), (13, 16), (16, 18)]);
        }

        // 王丽 has booked tomorrow's first slot at 景云山公墓 for three, by car.
        var wang = DemoCitizens.Wang;
        var slot = days[1].Slots[0];
        slot.GeneralBooked = 3;
        slot.CarsBooked = 1;
        var booking = new MemorialBooking
        {
            Id = Guid.NewGuid(), SlotId = slot.Id, InstitutionId = jingyun.Id, Date = slot.Date, ActiveDate = slot.Date,
            CitizenSubject = wang.Subject, CitizenName = wang.Name, CitizenIdNumber = wang.IdNumber, Phone = wang.Phone,
            PartySize = 3, CarPlate = "贵A12345", BookedAt = now.AddHours(-2),
        };
        db.Add(booking);
        await db.SaveChangesAsync(ct);
        await sp.GetRequiredService<BookingPasses>().EnsureAsync(PassFacts.Of(booking), ct);
    }
}
