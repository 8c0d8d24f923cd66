using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Hereafter.Web.Tests.Pricing;
using static Hereafter.Web.Tests.Memorial.MemorialFiguresSeed;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>
/// The supervisor's bookings and visits per site and day, against rows seeded into the booking tables and figures
/// worked out by hand. Each test uses dates of its own, years ahead, so that other tests' rows and the demo's stay out.
/// </summary>
public sealed partial class MemorialFiguresTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static int _periods;

    /// <summary>Two days no other test uses.</summary>
    private static DateOnly FreshDay() => new DateOnly(2035, 1, 1).AddDays(10 * Interlocked.Increment(ref _periods));

    private sealed record Seeded(Guid Cemetery, Guid Columbarium, DateOnly First, DateOnly Second)
    {
        public string Query => $"from={First:yyyy-MM-dd}&to={Second:yyyy-MM-dd}";
    }

    /// <summary>
    /// 测试公墓甲, first day: slot of 100 with bookings of 3 (checked in), 2, 2 (recent grave, checked in) and 4 (cancelled);
    /// slot of 50 with 3. Second day: one slot of 80, nothing booked. 测试骨灰堂乙, first day: slot of 30 with 5 (checked
    /// in) and 1 (cancelled).
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var first = FreshDay();
        var cemetery = await factory.SiteAsync("测试公墓甲");
        var columbarium = await factory.SiteAsync("测试骨灰堂乙", OrganisationType.Columbarium);
        await factory.DayAsync(cemetery, first,
            new Slot(100, new Booking(3, CheckedIn: true), new Booking(2), new Booking(2, CheckedIn: true, Recent: true), new Booking(4, Cancelled: true)),
            new Slot(50, new Booking(3)));
        await factory.DayAsync(cemetery, first.AddDays(1), new Slot(80));
        await factory.DayAsync(columbarium, first, new Slot(30, new Booking(5, CheckedIn: true), new Booking(1, Cancelled: true)));
        return new Seeded(cemetery, columbarium, first, first.AddDays(1));
    }

    private static int[] Figures(JsonElement e) =>
        [.. new[] { "slots", "people", "booked", "bookings", "cancelled", "visits", "visitors" }.Select(n => e.GetProperty(n).GetInt32())];

    [Fact]
    public async Task Api_GivesEachSiteDay_AndTheTotals_AsWorkedOutByHand()
    {
        var seeded = await SeedAsync();
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        var answer = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/memorial/figures?{seeded.Query}");

        Assert.Equal(seeded.First.ToString("yyyy-MM-dd"), answer.GetProperty("from").GetString());
        Assert.Equal(seeded.Second.ToString("yyyy-MM-dd"), answer.GetProperty("to").GetString());
        var days = answer.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(3, days.Count);
        JsonElement Day(Guid site, DateOnly date) => days.Single(d => d.GetProperty("site").GetGuid() == site && d.GetProperty("date").GetString() == date.ToString("yyyy-MM-dd"));
        //                                                   slots people booked bookings cancelled visits visitors
        Assert.Equal([2, 150, 10, 4, 1, 2, 5], Figures(Day(seeded.Cemetery, seeded.First)));
        Assert.Equal([1, 80, 0, 0, 0, 0, 0], Figures(Day(seeded.Cemetery, seeded.Second)));
        Assert.Equal([1, 30, 5, 1, 1, 1, 5], Figures(Day(seeded.Columbarium, seeded.First)));
        Assert.Equal("测试公墓甲", Day(seeded.Cemetery, seeded.First).GetProperty("siteName").GetString());
        Assert.Equal([4, 260, 15, 5, 2, 3, 10], Figures(answer.GetProperty("totals")));
    }

    [Fact]
    public async Task TheDates_SelectTheDays()
    {
        var seeded = await SeedAsync();
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        var second = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/memorial/figures?from={seeded.Second:yyyy-MM-dd}&to={seeded.Second:yyyy-MM-dd}");
        var day = Assert.Single(second.GetProperty("days").EnumerateArray());
        Assert.Equal(seeded.Cemetery, day.GetProperty("site").GetGuid());
        Assert.Equal([1, 80, 0, 0, 0, 0, 0], Figures(second.GetProperty("totals")));

        var before = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/memorial/figures?from={seeded.First.AddDays(-5):yyyy-MM-dd}&to={seeded.First.AddDays(-1):yyyy-MM-dd}");
        Assert.Empty(before.GetProperty("days").EnumerateArray());
        Assert.Equal([0, 0, 0, 0, 0, 0, 0], Figures(before.GetProperty("totals")));

        // One date alone: 28 days from it.
        var from = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/memorial/figures?from={seeded.First:yyyy-MM-dd}");
        Assert.Equal(seeded.First.AddDays(28).ToString("yyyy-MM-dd"), from.GetProperty("to").GetString());
        Assert.Equal(3, from.GetProperty("days").EnumerateArray().Count(d => d.GetProperty("site").GetGuid() == seeded.Cemetery || d.GetProperty("site").GetGuid() == seeded.Columbarium));
    }

    [Theory]
    [InlineData("from=2035-13-01", "from", "memorial.figures.date-invalid")]
    [InlineData("from=2035-04-01&to=01/04/2035", "to", "memorial.figures.date-invalid")]
    [InlineData("from=2035-04-05&to=2035-04-04", "to", "memorial.figures.period-reversed")]
    [InlineData("from=2035-01-01&to=2036-01-02", "to", "memorial.figures.period-too-long")]
    public async Task BadPeriods_AreFieldErrors(string query, string field, string code)
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var answer = await bureau.GetAsync($"/api/v1/memorial/figures?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(code, (await answer.JsonAsync()).GetProperty("errorCodes").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task AYearOfDays_IsAllowed()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        Assert.Equal(HttpStatusCode.OK, (await bureau.GetAsync("/api/v1/memorial/figures?from=2035-01-01&to=2036-01-01")).StatusCode);
    }

    [Fact]
    public async Task OnlyCivilAffairs_ReadsTheFigures()
    {
        var cemetery = await factory.ClientForAsync("demo-cemetery");
        var refused = await cemetery.GetAsync("/api/v1/memorial/figures");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("memorial.figures.supervision-only", (await refused.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await cemetery.GetAsync("/api/v1/memorial/figures/export.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/memorial/figures")).StatusCode);

        foreach (var user in new[] { "cemetery.sun", "funeral.liu" })
        {
            var staff = await SignedIn.AsAsync(factory, user);
            var page = await staff.GetAsync(MemorialPages.Supervision);
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.Contains("预约祭扫统计仅限民政部门查看。", await page.Content.ReadAsStringAsync());
            Assert.DoesNotContain($"href=\"{MemorialPages.Supervision}\"", await staff.GetStringAsync("/"));
        }
        var clerk = await SignedIn.AsAsync(factory, "clerk.civil");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync(MemorialPages.Supervision)).StatusCode);
    }

    [Fact]
    public async Task Page_ShowsTheTotals_AndEachSitesDays_WithTheirOwnTotals()
    {
        var seeded = await SeedAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");

        var html = await supervisor.GetStringAsync($"{MemorialPages.Supervision}?{seeded.Query}");

        int Total(string name) => int.Parse(Regex.Match(html, $"data-total=\"{name}\"[^>]*><span class=\"tile-value\"[^>]*>(\\d+)<").Groups[1].Value);
        Assert.Equal([4, 260, 15, 5, 2, 3, 10], new[] { "slots", "people", "booked", "bookings", "cancelled", "visits", "visitors" }.Select(Total));
        var site = Regex.Match(html, $"<section class=\"figures-site\" data-site=\"{seeded.Cemetery}\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("测试公墓甲", site);
        int[] Row(string date) => [.. Regex.Matches(Regex.Match(site, $"<tr data-date=\"{date}\"[^>]*>.*?</tr>", RegexOptions.Singleline).Value, "data-figure=\"[a-z]+\" data-label=\"[^\"]+\"[^>]*>(\\d+)<")
            .Select(m => int.Parse(m.Groups[1].Value))];
        Assert.Equal([2, 150, 10, 4, 1, 2, 5], Row(seeded.First.ToString("yyyy-MM-dd")));
        Assert.Equal([1, 80, 0, 0, 0, 0, 0], Row(seeded.Second.ToString("yyyy-MM-dd")));
        Assert.Equal([3, 230, 10, 4, 1, 2, 5], Row("total"));
        Assert.Contains($"{seeded.First:yyyy-MM-dd} 周", site);
        // Sites in name order: 测试公墓甲 before 测试骨灰堂乙.
        Assert.True(html.IndexOf($"data-site=\"{seeded.Cemetery}\"", StringComparison.Ordinal) < html.IndexOf($"data-site=\"{seeded.Columbarium}\"", StringComparison.Ordinal));
        Assert.Contains($"value=\"{seeded.First:yyyy-MM-dd}\"", html);
        PageLanguage.AssertIn(html, "zh-CN", MemorialPages.Supervision);

        (await supervisor.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        var english = await supervisor.GetStringAsync($"{MemorialPages.Supervision}?{seeded.Query}");
        Assert.Contains("Tomb-sweeping booking figures", english);
        Assert.Contains("data-label=\"Visitors\"", english);
        PageLanguage.AssertIn(english, "en", MemorialPages.Supervision);
    }

    [Fact]
    public async Task Page_WithABadDate_ListsItAtTheTop()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = await supervisor.GetStringAsync($"{MemorialPages.Supervision}?from=2035-04-05&to=2035-04-01");
        Assert.Contains("error-summary", html);
        Assert.Contains($"href=\"{MemorialPages.Supervision}?from=2035-04-05&amp;to=2035-04-01#to\"", html);
        Assert.Contains("截止日期不能早于起始日期", html);
        Assert.DoesNotContain("data-total=", html);
    }

    [Fact]
    public async Task Page_WithoutBookingDays_SaysSo()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = await supervisor.GetStringAsync($"{MemorialPages.Supervision}?from=2049-01-01&to=2049-01-02");
        Assert.Contains("所选日期内没有公墓或骨灰堂发布预约日", html);
        Assert.DoesNotContain("figures-site", html);
    }

    [Fact]
    public async Task Excel_HasTheSameFigures_AndTotals_WithTheHeaderInThePageLanguage()
    {
        var seeded = await SeedAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var page = await supervisor.GetStringAsync($"{MemorialPages.Supervision}?{seeded.Query}");
        var export = WebUtility.HtmlDecode(Regex.Match(page, "href=\"(/api/v1/memorial/figures/export\\.xlsx[^\"]*)\"[^>]*download").Groups[1].Value);
        Assert.Equal($"/api/v1/memorial/figures/export.xlsx?{seeded.Query}", export);

        var response = await supervisor.GetAsync(export);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fileName = response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!;
        Assert.Equal($"memorial-figures-{seeded.First:yyyyMMdd}-{seeded.Second:yyyyMMdd}.xlsx", fileName.Trim('"'));
        var rows = XlsxRows.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["公墓（骨灰堂）", "日期", "开放时段", "可约人数", "已约人数", "有效预约", "已取消", "入园次数", "入园人数"], rows[0]);
        Assert.Equal(5, rows.Count);
        Assert.Equal(["测试公墓甲", seeded.First.ToString("yyyy-MM-dd"), "2", "150", "10", "4", "1", "2", "5"], rows[1]);
        Assert.Equal(["测试公墓甲", seeded.Second.ToString("yyyy-MM-dd"), "1", "80", "0", "0", "0", "0", "0"], rows[2]);
        Assert.Equal(["测试骨灰堂乙", seeded.First.ToString("yyyy-MM-dd"), "1", "30", "5", "1", "1", "1", "5"], rows[3]);
        Assert.Equal(["合计", $"{seeded.First:yyyy-MM-dd} – {seeded.Second:yyyy-MM-dd}", "4", "260", "15", "5", "2", "3", "10"], rows[4]);

        (await supervisor.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        var english = XlsxRows.Read(await (await supervisor.GetAsync(export)).Content.ReadAsByteArrayAsync());
        Assert.Equal("Cemetery or columbarium", english[0][0]);
        Assert.Equal("Total", english[4][0]);
    }
}

/// <summary>
/// Without dates the figures cover 14 China days either side of today: the period moves at midnight China time, not at
/// midnight UTC (23:30 and 00:30 in Shanghai are 15:30 and 16:30 UTC).
/// </summary>
public sealed class MemorialFiguresDefaultPeriodTests
{
    [Fact]
    public async Task TheDefaultPeriod_FollowsTheChinaDate()
    {
        var today = new DateOnly(2035, 6, 10);
        using var factory = new FakeClockFactory(ChinaTime.At(today, new TimeOnly(23, 30)).ToUniversalTime());
        var site = await factory.SiteAsync("测试公墓丙");
        foreach (var offset in new[] { -15, -14, 14, 15 })
            await factory.DayAsync(site, today.AddDays(offset), new Slot(20, new Booking(2)));
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        async Task<(string From, string To, List<string> Dates)> ReadAsync()
        {
            var answer = await bureau.GetFromJsonAsync<JsonElement>("/api/v1/memorial/figures");
            return (answer.GetProperty("from").GetString()!, answer.GetProperty("to").GetString()!,
                [.. answer.GetProperty("days").EnumerateArray().Where(d => d.GetProperty("site").GetGuid() == site).Select(d => d.GetProperty("date").GetString()!)]);
        }

        var lateEvening = await ReadAsync();
        Assert.Equal("2035-05-27", lateEvening.From);
        Assert.Equal("2035-06-24", lateEvening.To);
        Assert.Equal(["2035-05-27", "2035-06-24"], lateEvening.Dates);

        factory.Clock.Advance(TimeSpan.FromHours(1));
        var afterMidnight = await ReadAsync();
        Assert.Equal("2035-05-28", afterMidnight.From);
        Assert.Equal("2035-06-25", afterMidnight.To);
        Assert.Equal(["2035-06-24", "2035-06-25"], afterMidnight.Dates);

        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = await supervisor.GetStringAsync(MemorialPages.Supervision);
        Assert.Contains("value=\"2035-05-28\"", html);
        Assert.Contains("value=\"2035-06-25\"", html);
    }
}

/// <summary>The figures of a day made through the booking core itself: published, booked, cancelled and checked in over the API.</summary>
public sealed class MemorialFiguresThroughBookingTests
{
    [Fact]
    public async Task TheFigures_CountWhatTheBookingCoreRecorded()
    {
        var day = ChinaTime.Today(TimeProvider.System).AddDays(40);
        using var factory = new FakeClockFactory(ChinaTime.At(day, new TimeOnly(9, 10)).ToUniversalTime());
        var site = await factory.SiteIdAsync(BookingSupport.Qingshan);
        var staff = await factory.ClientForAsync(BookingSupport.QingshanClient);
        var slots = await staff.PublishedSlotsAsync(site, BookingSupport.Day(day,
            [BookingSupport.Slot("09:00", "10:00", 20, 5), BookingSupport.Slot("10:00", "11:00", 10)], opensAt: ChinaTime.At(day.AddDays(-7), new TimeOnly(8, 0))));

        var visiting = await (await (await factory.NewCitizenAsync()).BookAsync(slots[0], partySize: 2)).JsonAsync();
        var cancelling = await factory.NewCitizenAsync();
        var cancelled = await (await cancelling.BookAsync(slots[0], partySize: 3)).JsonAsync();
        (await (await factory.NewCitizenAsync()).BookAsync(slots[1], partySize: 1)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await cancelling.DeleteAsync($"/api/v1/memorial/bookings/{cancelled.GetProperty("id").GetGuid()}")).StatusCode);
        var pass = Uri.EscapeDataString(visiting.GetProperty("passToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/memorial/passes/{pass}/check-in", null)).StatusCode);

        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var figures = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/memorial/figures?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
        var qingshan = figures.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("site").GetGuid() == site);
        Assert.Equal("青山陵园", qingshan.GetProperty("siteName").GetString());
        //                          slots people booked bookings cancelled visits visitors
        Assert.Equal([2, 30, 3, 2, 1, 1, 2],
            new[] { "slots", "people", "booked", "bookings", "cancelled", "visits", "visitors" }.Select(n => qingshan.GetProperty(n).GetInt32()));
    }
}
