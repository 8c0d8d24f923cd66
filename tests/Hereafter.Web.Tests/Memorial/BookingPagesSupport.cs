using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Hereafter.Web.Tests.Memorial.BookingPages;

/// <summary>
/// The platform at a fixed moment, 10:00 China time on 30 March 2027 (the week before Qingming), so that which slots
/// are open, over or at the gate does not depend on when the tests run. The demo data is seeded at that moment too:
/// 景云山公墓 has days today, tomorrow, the day after and in a week (slots 08–10, 10–12, 13–15, 15–17, 200 people and
/// 40 cars each); 黔灵公益性公墓 tomorrow and the two days after.
/// </summary>
public class BookingPagesFactory : HereafterFactory
{
    public static readonly DateOnly Today = new(2027, 3, 30);
    public static readonly DateTimeOffset Start = ChinaTime.At(Today, new TimeOnly(10, 0)).ToUniversalTime();

    public BookingPagesFactory() : this(Start)
    {
    }

    protected BookingPagesFactory(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    public FakeTimeProvider Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}

/// <summary>Booking days put straight into the database, as a site would publish them, for the pages to show.</summary>
public static class BookingPagesSeed
{
    public const string Jingyunshan = "jingyunshan-cemetery";
    public const string Qianling = "qianling-public-cemetery";

    private static int _nextDay;

    /// <summary>A date no other test of this process uses for its own day (from mid-April 2027 on, after the demo's days).</summary>
    public static DateOnly FreeDate() => new DateOnly(2027, 4, 10).AddDays(Interlocked.Increment(ref _nextDay));

    public sealed record SeededSlot(Guid Id, Guid Site, DateOnly Date, TimeOnly Start, TimeOnly End);

    /// <summary>Adds a day at the site (by organisation code) with the given slots; booking opens at <paramref name="opensAt"/>.</summary>
    public static async Task<IReadOnlyList<SeededSlot>> DayAsync(this HereafterFactory factory, string site, DateOnly date, DateTimeOffset opensAt,
        int partyLimit, int recentQuota, params (int FromHour, int ToHour, int People, int Cars)[] slots)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var org = await db.Set<Organisation>().SingleAsync(o => o.Code == site);
        var day = new MemorialDay
        {
            Id = Guid.NewGuid(), InstitutionId = org.Id, Date = date, OpensAt = opensAt.ToUniversalTime(), PartyLimit = partyLimit,
            RecentGraveQuota = recentQuota, PublishedBy = "测试", PublishedAt = opensAt.ToUniversalTime(),
            Slots = [.. slots.Select(s => new MemorialSlot
            {
                Id = Guid.NewGuid(), InstitutionId = org.Id, Date = date, Start = new TimeOnly(s.FromHour, 0), End = new TimeOnly(s.ToHour, 0),
                People = s.People, Cars = s.Cars, RecentQuota = recentQuota,
            })],
        };
        db.Add(day);
        await db.SaveChangesAsync();
        return [.. day.Slots.Select(s => new SeededSlot(s.Id, org.Id, date, s.Start, s.End))];
    }

    /// <summary>A day open for booking since yesterday.</summary>
    public static Task<IReadOnlyList<SeededSlot>> OpenDayAsync(this BookingPagesFactory factory, string site, DateOnly date, int partyLimit,
        params (int FromHour, int ToHour, int People, int Cars)[] slots) =>
        factory.DayAsync(site, date, BookingPagesFactory.Start.AddDays(-1), partyLimit, 0, slots);

    /// <summary>A demo slot of 景云山公墓 today (10:00–12:00 is the one under way at the factory's moment).</summary>
    public static async Task<SeededSlot> DemoSlotTodayAsync(this HereafterFactory factory, int fromHour)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var org = await db.Set<Organisation>().SingleAsync(o => o.Code == Jingyunshan);
        var start = new TimeOnly(fromHour, 0);
        var slot = await db.Set<MemorialSlot>().SingleAsync(s => s.InstitutionId == org.Id && s.Date == BookingPagesFactory.Today && s.Start == start);
        return new SeededSlot(slot.Id, org.Id, slot.Date, slot.Start, slot.End);
    }

    public static async Task<MemorialSlot> SlotRowAsync(this HereafterFactory factory, Guid slotId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<MemorialSlot>().AsNoTracking().SingleAsync(s => s.Id == slotId);
    }

    public static async Task<List<MemorialBooking>> BookingsOfAsync(this HereafterFactory factory, string idNumber)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<MemorialBooking>().AsNoTracking()
            .Where(b => b.CitizenIdNumber == idNumber).ToListAsync();
    }
}

/// <summary>What the tests do on the pages, as a browser without script would.</summary>
public static class BookingPageActions
{
    public static string Book(Guid slotId) => $"/family/memorial/book?slot={slotId}";

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) =>
        System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<Guid> OrganisationIdAsync(this HereafterFactory factory, string code)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<Organisation>().Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
    }

    /// <summary>A new citizen (a fresh valid ID number) signed in to the family pages, starting at <paramref name="startAt"/>.</summary>
    public static async Task<(HttpClient Client, People.Person Person)> NewCitizenOnPagesAsync(this HereafterFactory factory, string startAt = "/family/memorial/bookings")
    {
        var person = People.Next();
        return (await factory.CitizenPageClientAsync(person.IdNumber, startAt), person);
    }

    /// <summary>Fills and posts the book page's form (as shown, with its idempotency key).</summary>
    public static Task<HttpResponseMessage> BookAsync(this HttpClient citizen, Guid slotId, int partySize = 1, string plate = "", string certificate = "") =>
        HtmlForms.SubmitAsync(citizen, Book(slotId), "book", new Dictionary<string, string>
        {
            ["partySize"] = partySize.ToString(System.Globalization.CultureInfo.InvariantCulture), ["carPlate"] = plate, ["recentGraveCertificate"] = certificate,
        });

    /// <summary>The booking a post of the book form led to (its pass page's address).</summary>
    public static Guid PassIdOf(HttpResponseMessage response)
    {
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/family/memorial/bookings/", path);
        return Guid.Parse(path["/family/memorial/bookings/".Length..]);
    }
}

public static class BookingPagesSlots
{
    /// <summary>The ids of a site's slots on a day, in time order.</summary>
    public static async Task<List<Guid>> SlotsOfAsync(this HereafterFactory factory, string site, DateOnly date)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var org = await db.Set<Organisation>().Where(o => o.Code == site).Select(o => o.Id).SingleAsync();
        var slots = await db.Set<MemorialSlot>().AsNoTracking().Where(s => s.InstitutionId == org && s.Date == date).Select(s => new { s.Id, s.Start }).ToListAsync();
        return [.. slots.OrderBy(s => s.Start).Select(s => s.Id)];
    }
}
