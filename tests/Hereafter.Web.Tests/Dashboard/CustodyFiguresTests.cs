using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hereafter.Domain.Custody;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Modules.Dashboard.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Hereafter.Web.Tests.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hereafter.Web.Tests.Dashboard.DashboardSeed;

namespace Hereafter.Web.Tests.Dashboard;

/// <summary>
/// The dashboard's closed loop (遗体与骨灰) against records written straight into the custody table at a funeral home
/// of a district of the test's own: steps by China month in a year of its own, and what is overdue now (real clock,
/// times seeded relative to it), each figure equal to the bureau's custody list it links to.
/// </summary>
public sealed class CustodyFiguresTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private sealed record Seeded(string District, int Year, string Query, string[] UnclaimedNumbers);

    /// <summary>
    /// At the district's funeral home: A picked up 23:30 on 31 January, cremated 00:30 on 1 February, placed 10 March;
    /// B picked up 00:30 on 1 February, in storage within its limit; C picked up 5 March, cremated 00:30 on 1 April
    /// (after the period). Overdue now: D over its storage limit by an hour, E released 100 days ago without a
    /// placement, F stored 400 days ago, G marked unclaimed; H in storage with a day to go. Another district's home: I,
    /// picked up in February and over its limit.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var (district, year) = Fresh();
        var home = await factory.OrganisationAsync(district, OrganisationType.FuneralHome, "测试殡仪馆");
        var (otherDistrict, _) = Fresh();
        var otherHome = await factory.OrganisationAsync(otherDistrict, OrganisationType.FuneralHome, "别区殡仪馆");
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset China(int month, int day, int hour, int minute) => new DateTimeOffset(year, month, day, hour, minute, 0, ChinaTime.Offset).ToUniversalTime();
        var unclaimedStored = Record(home, CustodyState.AshesStored, now.AddDays(-402), r => r.AshesStoredAt = now.AddDays(-400));
        var markedUnclaimed = Record(home, CustodyState.Unclaimed, now.AddDays(-800), r => r.UnclaimedAt = now.AddDays(-30));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            db.AddRange(
                Record(home, CustodyState.Placed, China(1, 31, 23, 30), r => { r.CrematedAt = China(2, 1, 0, 30); r.PlacedAt = China(3, 10, 9, 0); }),
                Record(home, CustodyState.InStorage, China(2, 1, 0, 30), r => r.StorageUntil = China(2, 4, 0, 30)),
                Record(home, CustodyState.Cremated, China(3, 5, 10, 0), r => r.CrematedAt = China(4, 1, 0, 30)),
                Record(home, CustodyState.InStorage, now.AddDays(-4), r => r.StorageUntil = now.AddHours(-1)),
                Record(home, CustodyState.AshesReleased, now.AddDays(-104), r => r.AshesReleasedAt = now.AddDays(-100)),
                unclaimedStored, markedUnclaimed,
                Record(home, CustodyState.InStorage, now.AddDays(-2), r => r.StorageUntil = now.AddDays(1)),
                Record(otherHome, CustodyState.InStorage, China(2, 10, 10, 0), r => r.StorageUntil = now.AddHours(-2)));
            await db.SaveChangesAsync();
        }
        return new Seeded(district, year, $"from={year}-01&to={year}-03&district={district}",
            [unclaimedStored.CertificateNumber, markedUnclaimed.CertificateNumber]);
    }

    private static CustodyRecord Record(Guid home, CustodyState state, DateTimeOffset pickedUpAt, Action<CustodyRecord> steps)
    {
        var id = Guid.NewGuid();
        var record = new CustodyRecord
        {
            Id = id, CertificateId = Guid.NewGuid(), CertificateNumber = "T" + id.ToString("N")[..17].ToUpperInvariant(), PersonKey = "test-" + id.ToString("N"),
            OpenPersonKey = state is CustodyState.Placed ? null : "test-" + id.ToString("N"), DecedentName = "测试人", Sex = "1",
            DeathAt = pickedUpAt.AddHours(-5), FuneralHomeId = home, State = state, PickedUpAt = pickedUpAt, FromAddress = "测试地址",
            ArrivedAt = pickedUpAt.AddHours(1), CreatedAt = pickedUpAt, UpdatedAt = pickedUpAt,
        };
        steps(record);
        return record;
    }

    [Fact]
    public async Task Api_GivesTheLoopsFigures_ByChinaMonth_AndWhatIsOverdueNow()
    {
        var seeded = await SeedAsync();
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        var custody = (await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?{seeded.Query}")).GetProperty("custody");

        Assert.Equal(3, custody.GetProperty("pickedUp").GetInt32());
        Assert.Equal(1, custody.GetProperty("cremated").GetInt32());
        Assert.Equal(1, custody.GetProperty("placed").GetInt32());
        Assert.Equal(1, custody.GetProperty("overStorageLimit").GetInt32());
        Assert.Equal(1, custody.GetProperty("placementOverdue").GetInt32());
        Assert.Equal(2, custody.GetProperty("unclaimed").GetInt32());
        var months = custody.GetProperty("months").EnumerateArray()
            .Select(m => (m.GetProperty("month").GetString(), m.GetProperty("pickedUp").GetInt32(), m.GetProperty("cremated").GetInt32(), m.GetProperty("placed").GetInt32()))
            .ToList();
        Assert.Equal([($"{seeded.Year}-01", 1, 0, 0), ($"{seeded.Year}-02", 1, 1, 0), ($"{seeded.Year}-03", 1, 0, 1)], months);
    }

    [Fact]
    public async Task EveryFigure_EqualsTheCustodyApi_ForTheSameFilter()
    {
        var seeded = await SeedAsync();
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var custody = (await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?{seeded.Query}")).GetProperty("custody");
        var period = $"from={seeded.Year}-01-01&to={seeded.Year}-03-31&district={seeded.District}";

        async Task<long> Total(string query) => (await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/custody?{query}")).GetProperty("total").GetInt64();

        Assert.Equal(custody.GetProperty("pickedUp").GetInt32(), await Total(period));
        Assert.Equal(custody.GetProperty("cremated").GetInt32(), await Total(period + "&dated=cremated"));
        Assert.Equal(custody.GetProperty("placed").GetInt32(), await Total(period + "&dated=placed"));
        Assert.Equal(custody.GetProperty("overStorageLimit").GetInt32(), await Total($"overdue=true&reason=over-storage-limit&district={seeded.District}"));
        Assert.Equal(custody.GetProperty("placementOverdue").GetInt32(), await Total($"overdue=true&reason=placement-overdue&district={seeded.District}"));
        Assert.Equal(custody.GetProperty("unclaimed").GetInt32(), await Total($"overdue=true&reason=unclaimed&district={seeded.District}"));
    }

    [Fact]
    public async Task TheUnclaimedTile_OpensTheMaskedList_OfExactlyThoseRecords_AndTheReadIsAudited()
    {
        var seeded = await SeedAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var dashboard = await supervisor.GetStringAsync($"{DashboardPages.Home}?{seeded.Query}");
        var link = Regex.Match(dashboard, "data-figure=\"unclaimed\"[^>]*>\\s*<a class=\"tile-link\" href=\"([^\"]+)\"");
        Assert.True(link.Success, "the unclaimed tile has no link");
        var href = WebUtility.HtmlDecode(link.Groups[1].Value);
        Assert.Contains($"district={seeded.District}", href);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var list = await supervisor.GetStringAsync(href);

        Assert.Equal(2, Regex.Matches(list, "<tr[^>]*data-custody=").Count);
        foreach (var number in seeded.UnclaimedNumbers) Assert.DoesNotContain(number, list);
        Assert.DoesNotContain("测试人", list);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var entries = await db.Set<AuditEntry>().Where(a => a.Action == "custody.list").ToListAsync();
        Assert.Contains(entries, a => a.At >= before && a.Details.Contains($"district={seeded.District}", StringComparison.Ordinal)
            && a.Details.Contains("reason=unclaimed", StringComparison.Ordinal) && a.Details.Contains("2 of 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCustodyList_RefusesAnUnknownDistrict_Reason_OrDate_WithEveryFieldNamed()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        var response = await bureau.GetAsync("/api/v1/custody?district=529999&reason=lost&dated=born");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("district", out _));
        Assert.True(errors.TryGetProperty("reason", out _));
        Assert.True(errors.TryGetProperty("dated", out _));
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var page = await supervisor.GetStringAsync("/supervision/custody?district=52");
        Assert.Contains("href=\"/supervision/custody?district=52#district\"", page);
    }
}
