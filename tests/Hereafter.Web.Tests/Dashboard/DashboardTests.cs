using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Domain.Certificates;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Dashboard.Contracts;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Memorial;
using Hereafter.Web.Tests.Pages;
using Hereafter.Web.Tests.Pricing;
using static Hereafter.Web.Tests.Dashboard.DashboardSeed;

namespace Hereafter.Web.Tests.Dashboard;

/// <summary>
/// The bureau's dashboard against certificates seeded in a district and a year of their own, with figures worked out by
/// hand; months are China months, so 23:30 on the last day and 00:30 on the first fall on either side.
/// </summary>
public sealed class DashboardTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private const string Ill = IcdQuality.IllDefinedUnderlyingCause;
    private const string Sex = IcdQuality.SexSpecificCode;

    private sealed record Seeded(string District, int Year, string Query);

    /// <summary>
    /// In the district: January: A (hospital, 23:30 on the 31st). February: B (hospital, 00:30 on the 1st, certified
    /// late, two warnings), C (police, reported late, one warning). March: E (hospital, held as a possible duplicate and
    /// issued on review on the 2nd), D (held, still pending), F (held, rejected at 00:30 on 1 April: after the period).
    /// Elsewhere: G (another district, February).
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var (district, year) = Fresh();
        var hospital = await factory.OrganisationAsync(district, OrganisationType.Hospital, "测试医院");
        var police = await factory.OrganisationAsync(district, OrganisationType.Police, "测试派出所");
        var (otherDistrict, _) = Fresh();
        var elsewhere = await factory.OrganisationAsync(otherDistrict, OrganisationType.Hospital, "别区医院");
        await factory.SeedAsync(
            new Cert(hospital, new DateTime(year, 1, 31, 23, 30, 0)),
            new Cert(hospital, new DateTime(year, 2, 1, 0, 30, 0), CertifiedLate: true, Warnings: [Ill, Sex]),
            new Cert(police, new DateTime(year, 2, 10, 9, 0, 0), ReportedLate: true, Warnings: [Ill]),
            new Cert(hospital, new DateTime(year, 3, 1, 10, 0, 0), Held: true, Decided: new DateTime(year, 3, 2, 9, 0, 0)),
            new Cert(hospital, new DateTime(year, 3, 5, 10, 0, 0), CertificateStatus.PendingReview, Held: true),
            new Cert(hospital, new DateTime(year, 3, 3, 10, 0, 0), CertificateStatus.Rejected, Held: true, Decided: new DateTime(year, 4, 1, 0, 30, 0)),
            new Cert(elsewhere, new DateTime(year, 2, 15, 10, 0, 0)));
        return new Seeded(district, year, $"from={year}-01&to={year}-03&district={district}");
    }

    private static int[] Month(JsonElement m) =>
        [.. new[] { "issued", "certifiedWithinDay", "reportedInTime", "duplicatesReviewed", "withWarnings" }.Select(n => m.GetProperty(n).GetInt32())];

    [Fact]
    public async Task Api_GivesTheCertificatesFigures_ByChinaMonth_AsWorkedOutByHand()
    {
        var seeded = await SeedAsync();
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        var answer = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?{seeded.Query}");

        Assert.Equal($"{seeded.Year}-01", answer.GetProperty("from").GetString());
        Assert.Equal($"{seeded.Year}-03", answer.GetProperty("to").GetString());
        Assert.Equal(seeded.District, answer.GetProperty("district").GetProperty("code").GetString());
        Assert.Contains(answer.GetProperty("districts").EnumerateArray(), d => d.GetProperty("code").GetString() == seeded.District);
        var c = answer.GetProperty("certificates");
        var months = c.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal([$"{seeded.Year}-01", $"{seeded.Year}-02", $"{seeded.Year}-03"], months.Select(m => m.GetProperty("month").GetString()));
        //                  issued withinDay inTime reviewed warnings
        Assert.Equal([1, 1, 1, 0, 0], Month(months[0]));
        Assert.Equal([2, 1, 1, 0, 2], Month(months[1]));
        Assert.Equal([1, 1, 1, 1, 0], Month(months[2]));
        Assert.Equal(4, c.GetProperty("issued").GetInt32());
        Assert.Equal(3, c.GetProperty("certifiedWithinDay").GetInt32());
        Assert.Equal(3, c.GetProperty("reportedInTime").GetInt32());
        Assert.Equal(75.0m, c.GetProperty("certifiedWithinDayPercent").GetDecimal());
        Assert.Equal(1, c.GetProperty("duplicatesReviewed").GetInt32());
        Assert.Equal(1, c.GetProperty("duplicatesPending").GetInt32());
        Assert.Equal(2, c.GetProperty("withWarnings").GetInt32());
        Assert.Equal(["hospital:3", "police:1"], c.GetProperty("byIssuerType").EnumerateArray().Select(k => $"{k.GetProperty("key").GetString()}:{k.GetProperty("count").GetInt32()}"));
        Assert.Equal([$"{Ill}:2", $"{Sex}:1"], c.GetProperty("warningsByKind").EnumerateArray().Select(k => $"{k.GetProperty("key").GetString()}:{k.GetProperty("count").GetInt32()}"));
    }

    [Fact]
    public async Task TheMonthsAndTheDistrict_SelectTheCertificates()
    {
        var seeded = await SeedAsync();
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        var february = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?from={seeded.Year}-02&to={seeded.Year}-02&district={seeded.District}");
        Assert.Equal(2, february.GetProperty("certificates").GetProperty("issued").GetInt32());

        // The whole city that February: the district's two and the other district's one (no other test uses the year).
        var city = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?from={seeded.Year}-02&to={seeded.Year}-02");
        Assert.False(city.TryGetProperty("district", out _), "no district: the whole city");
        Assert.Equal(3, city.GetProperty("certificates").GetProperty("issued").GetInt32());

        // April: only the rejection decided at 00:30 on 1 April China time.
        var april = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?from={seeded.Year}-04&to={seeded.Year}-04&district={seeded.District}");
        Assert.Equal(0, april.GetProperty("certificates").GetProperty("issued").GetInt32());
        Assert.Equal(1, april.GetProperty("certificates").GetProperty("duplicatesReviewed").GetInt32());
        Assert.False(april.GetProperty("certificates").TryGetProperty("certifiedWithinDayPercent", out _), "no share of nothing");
    }

    /// <summary>The tasks of <see cref="DashboardSeed.SeedTasksAsync"/>: four in the district (January and February of a past year), one elsewhere.</summary>
    [Fact]
    public async Task Api_GivesTheDepartmentTasks_ByDepartment_AndMonth_AsWorkedOutByHand()
    {
        var (district, year) = await factory.SeedTasksAsync();
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        var answer = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?from={year}-01&to={year}-02&district={district}");

        var tasks = answer.GetProperty("tasks");
        Assert.Equal([4, 1, 1, 2], new[] { "tasks", "acknowledgedInTime", "done", "overdueNow" }.Select(p => tasks.GetProperty(p).GetInt32()));
        Assert.Equal(25.0m, tasks.GetProperty("acknowledgedInTimePercent").GetDecimal());
        Assert.Equal(["police 1/1/1/0", "social-security 1/0/0/0", "medical-insurance 1/0/0/1", "housing-fund 1/0/0/1"],
            tasks.GetProperty("byDepartment").EnumerateArray().Select(d =>
                $"{d.GetProperty("department").GetString()} {d.GetProperty("tasks").GetInt32()}/{d.GetProperty("acknowledgedInTime").GetInt32()}/{d.GetProperty("done").GetInt32()}/{d.GetProperty("overdueNow").GetInt32()}"));
        Assert.Equal([$"{year}-01 3/1/1", $"{year}-02 1/0/0"], tasks.GetProperty("months").EnumerateArray().Select(m =>
            $"{m.GetProperty("month").GetString()} {m.GetProperty("tasks").GetInt32()}/{m.GetProperty("acknowledgedInTime").GetInt32()}/{m.GetProperty("done").GetInt32()}"));

        var city = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?from={year}-01&to={year}-02");
        Assert.Equal(5, city.GetProperty("tasks").GetProperty("tasks").GetInt32());

        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = Plain(await supervisor.GetStringAsync($"{DashboardPages.Home}?from={year}-01&to={year}-02&district={district}"));
        Assert.Contains("<h2 id=\"tasks-title\">部门办理</h2>", html);
        Assert.Matches("<tr data-key=\"medical-insurance\"><th scope=\"row\">医保</th>\\s*<td data-figure=\"tasks\"><a class=\"figure-link\" href=\"[^\"]+\">1</a></td>", html);
        Assert.Contains("共 4 项任务，按时签收 1 项，当前超期未签收 2 项。", html);
    }

    /// <summary>Bookings by the visit's China date at a cemetery in the district (31 March and 1 April) and one elsewhere.</summary>
    [Fact]
    public async Task Api_GivesTheBookingsAndVisits_ByMonthOfTheVisit()
    {
        var (district, year) = Fresh();
        var cemetery = await factory.OrganisationAsync(district, OrganisationType.Cemetery, "测试公墓");
        var (otherDistrict, _) = Fresh();
        var elsewhere = await factory.OrganisationAsync(otherDistrict, OrganisationType.Cemetery, "别区公墓");
        await factory.DayAsync(cemetery, new DateOnly(year, 3, 31),
            new MemorialFiguresSeed.Slot(50, new MemorialFiguresSeed.Booking(3, CheckedIn: true), new MemorialFiguresSeed.Booking(2), new MemorialFiguresSeed.Booking(4, Cancelled: true)));
        await factory.DayAsync(cemetery, new DateOnly(year, 4, 1), new MemorialFiguresSeed.Slot(50, new MemorialFiguresSeed.Booking(5, CheckedIn: true)));
        await factory.DayAsync(elsewhere, new DateOnly(year, 3, 31), new MemorialFiguresSeed.Slot(50, new MemorialFiguresSeed.Booking(6)));
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        var answer = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?from={year}-03&to={year}-04&district={district}");

        var memorial = answer.GetProperty("memorial");
        Assert.Equal([3, 10, 2, 8], new[] { "bookings", "people", "visits", "visitors" }.Select(p => memorial.GetProperty(p).GetInt32()));
        Assert.Equal([$"{year}-03 2/5/1/3", $"{year}-04 1/5/1/5"], memorial.GetProperty("months").EnumerateArray().Select(m =>
            $"{m.GetProperty("month").GetString()} {m.GetProperty("bookings").GetInt32()}/{m.GetProperty("people").GetInt32()}/{m.GetProperty("visits").GetInt32()}/{m.GetProperty("visitors").GetInt32()}"));
        var city = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?from={year}-03&to={year}-04");
        Assert.Equal(4, city.GetProperty("memorial").GetProperty("bookings").GetInt32());
    }

    [Theory]
    [InlineData("from=2041-13", "from", "figures.month-invalid")]
    [InlineData("from=2041-01&to=01/2041", "to", "figures.month-invalid")]
    [InlineData("from=2041-05&to=2041-04", "to", "figures.period-reversed")]
    [InlineData("from=2041-01&to=2046-01", "to", "figures.period-too-long")]
    [InlineData("district=5201", "district", "figures.district-invalid")]
    [InlineData("district=529999", "district", "figures.district-unknown")]
    [InlineData("district=520100", "district", "figures.district-unknown")]
    public async Task BadFilters_AreFieldErrors(string query, string field, string code)
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var answer = await bureau.GetAsync($"/api/v1/supervision/dashboard?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(code, (await answer.JsonAsync()).GetProperty("errorCodes").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task OnlyCivilAffairs_SeesTheDashboard()
    {
        var social = await factory.ClientForAsync("demo-social-security");
        var refused = await social.GetAsync("/api/v1/supervision/dashboard");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("figures.dashboard-civil-affairs-only", (await refused.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await social.GetAsync("/api/v1/supervision/dashboard.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/supervision/dashboard")).StatusCode);

        foreach (var user in new[] { "funeral.liu", "doctor.wang" })
        {
            var staff = await SignedIn.AsAsync(factory, user);
            var page = await staff.GetAsync(DashboardPages.Home);
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.DoesNotContain($"href=\"{DashboardPages.Home}\"", await staff.GetStringAsync("/"));
        }
        foreach (var user in new[] { "supervisor.zhou", "clerk.civil" })
        {
            var bureau = await SignedIn.AsAsync(factory, user);
            Assert.Equal(HttpStatusCode.OK, (await bureau.GetAsync(DashboardPages.Home)).StatusCode);
            Assert.Contains($"href=\"{DashboardPages.Home}\"", await bureau.GetStringAsync("/"));
        }
    }

    [Fact]
    public async Task Page_ShowsTheFigures_ForTheFilter_InEitherLanguage()
    {
        var seeded = await SeedAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");

        var html = Plain(await supervisor.GetStringAsync($"{DashboardPages.Home}?{seeded.Query}"));

        Assert.Contains("<h1>监管驾驶舱</h1>", html);
        Assert.Matches($"data-figure=\"issued\"><a class=\"tile-link\" href=\"[^\"]+\"><span class=\"tile-value\">4</span>", html);
        Assert.Contains("<span class=\"tile-value\">75.0%</span>", html);
        Assert.Matches($"<tr data-month=\"{seeded.Year}-02\"><th scope=\"row\">{seeded.Year}-02</th>\\s*<td data-figure=\"issued\"><a class=\"figure-link\" href=\"[^\"]+\">2</a></td>", html);
        Assert.Contains($"<option value=\"{seeded.District}\" selected", html);
        Assert.Contains("根本死因编码不明确", html);
        // Each chart is an image with its title and description, and its table beside it.
        Assert.Contains("aria-labelledby=\"chart-certificates-monthly-title chart-certificates-monthly-desc\"", html);
        Assert.Contains("每月签发的证明及其时效", html);
        Assert.Contains($"共签发 4 份，其中死亡 1 天内出具 3 份、5 个工作日内上报 3 份；最多的月份是 {seeded.Year}-02（2 份）。", html);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "<svg[^>]*role=\"img\""));
        var words = PageLanguage.Mismatches(html, "zh-CN").Where(w => !w.Contains("Excel", StringComparison.Ordinal)).ToList();
        Assert.True(words.Count == 0, "English on the Chinese page: " + string.Join(" | ", words));

        (await supervisor.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        var english = Plain(await supervisor.GetStringAsync($"{DashboardPages.Home}?{seeded.Query}"));
        Assert.Contains("<h1>Bureau dashboard</h1>", english);
        Assert.Contains("Ill-defined underlying cause", english);
        PageLanguage.AssertIn(english, "en", DashboardPages.Home);
    }

    [Fact]
    public async Task Page_WithABadMonth_ShowsTheErrorSummary_LinkedToTheField()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");

        var html = await supervisor.GetStringAsync($"{DashboardPages.Home}?from=2041-13");

        Assert.Contains("error-summary", html);
        Assert.Contains($"href=\"{DashboardPages.Home}?from=2041-13#from\"", html);
        Assert.Contains("月份应写作 YYYY-MM", html);
    }

    [Fact]
    public async Task Export_HasAMonthPerRow_AndTheTotal()
    {
        var seeded = await SeedAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");

        var response = await supervisor.GetAsync($"/api/v1/supervision/dashboard.xlsx?{seeded.Query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"dashboard-{seeded.Year}-01-{seeded.Year}-03-{seeded.District}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var rows = XlsxRows.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["月份", "签发证明", "死亡 1 天内出具", "5 个工作日内上报", "疑似重复已审核", "有数据质量提示", "部门任务", "按时签收", "已办结"], rows[0][..9]);
        Assert.Equal([$"{seeded.Year}-02", "2", "1", "1", "0", "2", "0", "0", "0"], rows[2][..9]);
        Assert.Equal("4", rows[4][1]);
        Assert.StartsWith("合计", rows[4][0]);
    }

    /// <summary>The page without Blazor's CSS-isolation attributes (<c>b-xxxxxxxxxx</c>).</summary>
    private static string Plain(string html) => System.Text.RegularExpressions.Regex.Replace(html, " b-[a-z0-9]{10}(=\"\")?", "");
}

/// <summary>Without months the dashboard covers January to this month of the China year: the month turns at midnight China time.</summary>
public sealed class DashboardDefaultPeriodTests
{
    [Fact]
    public async Task TheDefaultPeriod_FollowsTheChinaDate()
    {
        using var factory = new FakeClockFactory(ChinaTime.At(new DateOnly(2041, 1, 31), new TimeOnly(23, 30)).ToUniversalTime());
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        var before = await bureau.GetFromJsonAsync<JsonElement>("/api/v1/supervision/dashboard");
        Assert.Equal("2041-01", before.GetProperty("from").GetString());
        Assert.Equal("2041-01", before.GetProperty("to").GetString());

        factory.Clock.Advance(TimeSpan.FromHours(1)); // 00:30 on 1 February China time, still 31 January UTC
        var after = await bureau.GetFromJsonAsync<JsonElement>("/api/v1/supervision/dashboard");
        Assert.Equal("2041-01", after.GetProperty("from").GetString());
        Assert.Equal("2041-02", after.GetProperty("to").GetString());
        Assert.Equal(2, after.GetProperty("certificates").GetProperty("months").GetArrayLength());
    }
}
