using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>
/// The Qingming rush: many citizens press "book" at once for fewer places. The database's conditional UPDATE decides:
/// exactly as many bookings as places, every other request a clean 409 saying the slot is full, and the counters equal
/// the sum of the bookings that stand.
/// </summary>
public sealed class BookingRaceTests(ITestOutputHelper output)
{
    /// <summary>A node whose sign-in limits let hundreds of test citizens sign in from one address within a minute.</summary>
    private sealed class Node : HereafterFactory
    {
        public Node() { }
        private Node(HereafterFactory previous) : base(previous) { }
        public static Node Beside(HereafterFactory first) => new(first);

        protected override IDictionary<string, string?> ExtraSettings()
        {
            var settings = new Dictionary<string, string?>
            {
                ["RateLimits:SignIn:PermitLimit"] = "0", ["RateLimits:Token:PermitLimit"] = "0", ["RateLimits:TokenPerAddress:PermitLimit"] = "0",
            };
            // Two nodes' pools within the test server's connection limit (100, shared with other tests): requests wait
            // for a connection instead of being refused one.
            if (PostgresConnectionString is { } postgres) settings["ConnectionStrings:Postgres"] = postgres + ";Maximum Pool Size=20";
            return settings;
        }
    }

    [PostgresOnlyFact]
    public async Task FiveHundredCitizens_OnTwoNodes_ForAHundredPlaces_MakeExactlyAHundredBookings()
    {
        var first = new Node { KeepStorage = true };
        try
        {
            _ = first.Server;
            using var second = Node.Beside(first);
            _ = second.Server;
            await RushAsync(first, [first, second], citizens: 500, places: 100);
        }
        finally
        {
            first.Dispose();
        }
    }

    [Fact]
    public async Task SixtyCitizens_ForTwentyPlaces_MakeExactlyTwentyBookings()
    {
        using var factory = new Node();
        await RushAsync(factory, [factory], citizens: 60, places: 20);
    }

    private async Task RushAsync(HereafterFactory factory, HereafterFactory[] nodes, int citizens, int places)
    {
        var site = await factory.SiteIdAsync(BookingSupport.Qingshan);
        var date = BookingSupport.FreshDate(ChinaTime.Today(TimeProvider.System));
        var slots = await (await factory.ClientForAsync(BookingSupport.QingshanClient))
            .PublishedSlotsAsync(site, BookingSupport.Day(date, [BookingSupport.Slot("08:00", "10:00", places, places)]));

        // Every citizen signs in first (real authorization-code flows, a few at a time), then all book at once.
        var watch = Stopwatch.StartNew();
        var tokens = new string[citizens];
        using (var signing = new SemaphoreSlim(8))
        {
            await Task.WhenAll(Enumerable.Range(0, citizens).Select(async i =>
            {
                await signing.WaitAsync();
                try { tokens[i] = await factory.CitizenAccessTokenAsync(People.Next().IdNumber); }
                finally { signing.Release(); }
            }));
        }
        output.WriteLine($"{citizens} sign-ins: {watch.ElapsedMilliseconds} ms");
        var clients = tokens.Select((token, i) =>
        {
            var client = nodes[i % nodes.Length].CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }).ToArray();

        watch.Restart();
        using var start = new SemaphoreSlim(0);
        var attempts = clients.Select(async (client, i) =>
        {
            await start.WaitAsync();
            // A quarter come by car (as many car places as people: only people run out).
            return await client.BookAsync(slots[0], carPlate: i % 4 == 0 ? $"贵A{i % 100000:D5}" : null);
        }).ToList();
        start.Release(citizens);
        var responses = await Task.WhenAll(attempts);
        output.WriteLine($"{citizens} bookings: {watch.ElapsedMilliseconds} ms");

        var statuses = responses.GroupBy(r => r.StatusCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(statuses.Keys.All(s => s is HttpStatusCode.Created or HttpStatusCode.Conflict), string.Join(", ", statuses));
        Assert.Equal(places, statuses[HttpStatusCode.Created]);
        Assert.Equal(citizens - places, statuses[HttpStatusCode.Conflict]);
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = await refused.JsonAsync();
            Assert.Equal("memorial.booking.full-people", problem.GetProperty("code").GetString());
            Assert.Equal(0, problem.GetProperty("peopleLeft").GetInt32());
        }
        var passes = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(async r => (await r.JsonAsync()).GetProperty("passToken").GetString()));
        Assert.Equal(places, passes.Distinct().Count());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var slot = await db.Set<MemorialSlot>().AsNoTracking().SingleAsync(s => s.Id == slots[0]);
        var bookings = await db.Set<MemorialBooking>().AsNoTracking().Where(b => b.SlotId == slots[0] && b.CancelledAt == null).ToListAsync();
        Assert.Equal(places, bookings.Count);
        Assert.Equal(bookings.Sum(b => b.PartySize), slot.GeneralBooked + slot.RecentBooked);
        Assert.Equal(bookings.Count(b => b.CarPlate is not null), slot.CarsBooked);
        Assert.Equal(places, slot.GeneralBooked);
        Assert.All(bookings, b => Assert.NotNull(b.PassToken));
    }
}
