using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>
/// Booking rows written straight into the booking helper's tables (memorial_days, memorial_slots, memorial_bookings),
/// consistent as the booking core keeps them: each slot's counters are the party sizes of its standing bookings.
/// </summary>
public static class MemorialFiguresSeed
{
    /// <param name="Party">People in the booking.</param>
    /// <param name="Recent">Booked against the recent-grave quota.</param>
    public sealed record Booking(int Party, bool Cancelled = false, bool CheckedIn = false, bool Recent = false);

    public sealed record Slot(int People, params Booking[] Bookings);

    public static async Task<Guid> SiteAsync(this HereafterFactory factory, string name, OrganisationType type = OrganisationType.Cemetery)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var site = new Organisation
        {
            Id = Guid.NewGuid(), Code = "test-site-" + Guid.NewGuid().ToString("N")[..8], Name = name, NameEn = "", Type = type,
            CreditCode = "", RegionCode = "520100", District = "",
        };
        db.Add(site);
        await db.SaveChangesAsync();
        return site.Id;
    }

    /// <summary>A published day at <paramref name="site"/> with one-hour slots from 08:00.</summary>
    public static async Task DayAsync(this HereafterFactory factory, Guid site, DateOnly date, params Slot[] slots)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var opens = ChinaTime.At(date.AddDays(-7), new TimeOnly(8, 0)).ToUniversalTime();
        var day = new MemorialDay
        {
            Id = Guid.NewGuid(), InstitutionId = site, Date = date, OpensAt = opens, PartyLimit = 6, RecentGraveQuota = 10,
            PublishedBy = "测试", PublishedAt = opens.AddDays(-1),
        };
        db.Add(day);
        for (var i = 0; i < slots.Length; i++)
        {
            var standing = slots[i].Bookings.Where(b => !b.Cancelled).ToList();
            var slot = new MemorialSlot
            {
                Id = Guid.NewGuid(), DayId = day.Id, InstitutionId = site, Date = date, Start = new TimeOnly(8 + i, 0), End = new TimeOnly(9 + i, 0),
                People = slots[i].People, Cars = 10, RecentQuota = Math.Min(10, slots[i].People),
                GeneralBooked = standing.Where(b => !b.Recent).Sum(b => b.Party), RecentBooked = standing.Where(b => b.Recent).Sum(b => b.Party),
            };
            db.Add(slot);
            foreach (var b in slots[i].Bookings)
            {
                var booked = opens.AddHours(1);
                db.Add(new MemorialBooking
                {
                    Id = Guid.NewGuid(), SlotId = slot.Id, InstitutionId = site, Date = date, ActiveDate = b.Cancelled ? null : date,
                    CitizenSubject = "test:" + Guid.NewGuid().ToString("N"), CitizenName = "测试", CitizenIdNumber = Guid.NewGuid().ToString("N")[..18],
                    Phone = "13800000000", PartySize = b.Party, RecentGraveCertificate = b.Recent ? "520115194711300000" : null, BookedAt = booked,
                    CancelledAt = b.Cancelled ? booked.AddHours(2) : null,
                    CheckedInAt = b.CheckedIn ? ChinaTime.At(date, slot.Start).ToUniversalTime().AddMinutes(10) : null,
                    CheckedInBy = b.CheckedIn ? "测试门岗" : null,
                });
            }
        }
        await db.SaveChangesAsync();
    }
}
