using System.Net;
using System.Text.Json;
using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary><c>GET /api/v1/custody</c>: who sees which records, the filters, and what is overdue and why.</summary>
public sealed class CustodyListTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    internal static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string query)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var response = await client.GetAsync($"/api/v1/custody?pageSize=500&page={page}{(query.Length > 0 ? "&" + query : "")}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.JsonAsync();
            var pageItems = body.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(pageItems);
            if (pageItems.Count < 500) return items;
        }
    }

    private static bool Lists(IEnumerable<JsonElement> items, Guid id) => items.Any(i => i.GetProperty("id").GetGuid() == id);

    [Fact]
    public async Task FuneralHome_SeesTheRecordsItHolds_Cemetery_ThoseItPlaced_Bureau_All()
    {
        var held = await factory.RecordAtAsync(CustodyState.InStorage);
        var elsewhere = await factory.RecordAtAsync(CustodyState.InStorage, funeralHomeCode: "wudang-funeral-home");
        var placed = await factory.RecordAtAsync(CustodyState.Placed);

        var home = await ItemsAsync(await factory.ClientForAsync("demo-funeral-home"), "");
        Assert.True(Lists(home, held.CustodyId));
        Assert.True(Lists(home, placed.CustodyId));
        Assert.False(Lists(home, elsewhere.CustodyId));

        var cemetery = await ItemsAsync(await factory.ClientForAsync("demo-cemetery"), "");
        Assert.True(Lists(cemetery, placed.CustodyId));
        Assert.False(Lists(cemetery, held.CustodyId));
        Assert.False(Lists(cemetery, elsewhere.CustodyId));

        var bureau = await ItemsAsync(await factory.ClientForAsync("demo-civil-affairs"), "");
        Assert.True(Lists(bureau, held.CustodyId) && Lists(bureau, elsewhere.CustodyId) && Lists(bureau, placed.CustodyId));
    }

    [Theory]
    [InlineData("demo-police")]
    [InlineData("demo-hospital")]
    [InlineData("demo-social-security")]
    public async Task OtherOrganisations_AreForbidden(string client)
    {
        var response = await (await factory.ClientForAsync(client)).GetAsync("/api/v1/custody");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Items_AreMasked_WithStateInstitutionAndSince()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        var item = (await ItemsAsync(await factory.ClientForAsync("demo-civil-affairs"), "state=cremated")).Single(i => i.GetProperty("id").GetGuid() == seeded.CustodyId);
        Assert.Equal("cremated", item.GetProperty("state").GetString());
        Assert.Equal("贵阳市殡仪馆", item.GetProperty("funeralHome").GetString());
        Assert.Contains("**********", item.GetProperty("maskedIdNumber").GetString());
        Assert.DoesNotContain(seeded.CertificateNumber, item.GetRawText());
        Assert.Contains("*", item.GetProperty("maskedName").GetString());
        Assert.False(item.TryGetProperty("overdue", out var overdue) && overdue.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task State_Filters_AndAnUnknownState_Is400ListingTheCodes()
    {
        var stored = await factory.RecordAtAsync(CustodyState.AshesStored);
        var released = await factory.RecordAtAsync(CustodyState.AshesReleased);
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var items = await ItemsAsync(bureau, "state=ashes-stored");
        Assert.True(Lists(items, stored.CustodyId));
        Assert.False(Lists(items, released.CustodyId));
        Assert.All(items, i => Assert.Equal("ashes-stored", i.GetProperty("state").GetString()));

        var bad = await bureau.GetAsync("/api/v1/custody?state=buried");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        foreach (var code in new[] { "picked-up", "in-storage", "cremated", "ashes-released", "ashes-stored", "placed", "unclaimed" })
            Assert.Contains(code, text);
    }

    [Fact]
    public async Task Institution_Filters_AndPagesCountTheTotal()
    {
        var wudang = await factory.RecordAtAsync(CustodyState.PickedUp, funeralHomeCode: "wudang-funeral-home");
        await factory.RecordAtAsync(CustodyState.PickedUp, funeralHomeCode: "wudang-funeral-home");
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var all = await ItemsAsync(bureau, $"institution={wudang.FuneralHomeId}");
        Assert.True(all.Count >= 2);
        Assert.All(all, i => Assert.Equal(wudang.FuneralHomeId, i.GetProperty("funeralHomeId").GetGuid()));

        var first = await (await bureau.GetAsync($"/api/v1/custody?institution={wudang.FuneralHomeId}&pageSize=1")).JsonAsync();
        Assert.Equal(all.Count, first.GetProperty("total").GetInt64());
        Assert.Single(first.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Overdue_ListsEachReason_AndNotTheRecordsOnTime()
    {
        var now = DateTimeOffset.UtcNow;
        var overStorage = await factory.RecordAtAsync(CustodyState.InStorage, at: now.AddDays(-5));
        var inTime = await factory.RecordAtAsync(CustodyState.InStorage);
        var releasedLongAgo = await factory.RecordAtAsync(CustodyState.AshesReleased, at: now.AddDays(-100));
        var releasedRecently = await factory.RecordAtAsync(CustodyState.AshesReleased, at: now.AddDays(-10));
        var storedLongAgo = await factory.RecordAtAsync(CustodyState.AshesStored, at: now.AddDays(-400));
        var marked = await factory.RecordAtAsync(CustodyState.Unclaimed);
        var placedLongAgo = await factory.RecordAtAsync(CustodyState.Placed, at: now.AddDays(-400));

        var items = await ItemsAsync(await factory.ClientForAsync("demo-civil-affairs"), "overdue=true");
        string? Reason(CustodySeed.Seeded s) => items.SingleOrDefault(i => i.GetProperty("id").GetGuid() == s.CustodyId) is { ValueKind: JsonValueKind.Object } i
            ? i.GetProperty("overdue").GetString() : null;
        Assert.Equal("over-storage-limit", Reason(overStorage));
        Assert.Equal("placement-overdue", Reason(releasedLongAgo));
        Assert.Equal("unclaimed", Reason(storedLongAgo));
        Assert.Equal("unclaimed", Reason(marked));
        Assert.Null(Reason(inTime));
        Assert.Null(Reason(releasedRecently));
        Assert.Null(Reason(placedLongAgo));
        Assert.All(items, i => Assert.Equal(JsonValueKind.String, i.GetProperty("overdue").ValueKind));
    }

    [Fact]
    public async Task Overdue_ForAFuneralHome_IsOnlyItsOwn()
    {
        var mine = await factory.RecordAtAsync(CustodyState.InStorage, at: DateTimeOffset.UtcNow.AddDays(-6));
        var theirs = await factory.RecordAtAsync(CustodyState.InStorage, funeralHomeCode: "wudang-funeral-home", at: DateTimeOffset.UtcNow.AddDays(-6));
        var items = await ItemsAsync(await factory.ClientForAsync("demo-funeral-home"), "overdue=true");
        Assert.True(Lists(items, mine.CustodyId));
        Assert.False(Lists(items, theirs.CustodyId));
    }

    [Theory]
    [InlineData("from=2026-13-01")]
    [InlineData("pageSize=501")]
    public async Task BadFilters_Are400(string query)
    {
        var response = await (await factory.ClientForAsync("demo-civil-affairs")).GetAsync($"/api/v1/custody?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>The placement follow-up counts China days: released at 00:30 China time, due 90 China days later at China midnight.</summary>
public sealed class CustodyListChinaDateTests
{
    [Fact]
    public async Task PlacementOverdue_Starts_AtChinaMidnight_NotUtcMidnight()
    {
        // 23:30 China time tomorrow (15:30 UTC), ahead of the real clock so the certificate's death is in the past.
        var at2330 = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(15.5), TimeSpan.Zero);
        using var factory = new FakeClockFactory(at2330);
        var seeded = await factory.RecordAtAsync(CustodyState.AshesReleased, at: at2330.AddDays(-1));
        // Released at 00:30 China time 89 China days before "tomorrow": still the day before in UTC.
        var releaseDay = Hereafter.Domain.Time.ChinaTime.DateOf(at2330).AddDays(1 - 90);
        var released = Hereafter.Domain.Time.ChinaTime.At(releaseDay, new TimeOnly(0, 30));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var record = await db.Set<CustodyRecord>().SingleAsync(r => r.Id == seeded.CustodyId);
            record.AshesReleasedAt = released.ToUniversalTime();
            await db.SaveChangesAsync();
        }
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        Assert.DoesNotContain(await CustodyListTests.ItemsAsync(bureau, "overdue=true"), i => i.GetProperty("id").GetGuid() == seeded.CustodyId);

        factory.Clock.Advance(TimeSpan.FromHours(1)); // 00:30 China time: the 90th China day since the release has begun
        bureau = await factory.ClientForAsync("demo-civil-affairs");
        var item = (await CustodyListTests.ItemsAsync(bureau, "overdue=true")).Single(i => i.GetProperty("id").GetGuid() == seeded.CustodyId);
        Assert.Equal("placement-overdue", item.GetProperty("overdue").GetString());
        Assert.Equal(Hereafter.Domain.Time.ChinaTime.StartOfDayUtc(releaseDay.AddDays(90)), item.GetProperty("overdueSince").GetDateTimeOffset());
    }
}
