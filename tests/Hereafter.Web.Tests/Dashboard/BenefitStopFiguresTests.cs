using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Dashboard.Contracts;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Hereafter.Web.Tests.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hereafter.Web.Tests.Dashboard.BenefitStopSeed;
using static Hereafter.Web.Tests.Dashboard.DashboardSeed;

namespace Hereafter.Web.Tests.Dashboard;

/// <summary>
/// The dashboard's benefit stops (应停未停) against stops seeded for deaths certified in a district and a year of the
/// test's own, worked out by hand; the statistics API gives the same numbers and every figure opens the stops it counts.
/// </summary>
public sealed class BenefitStopFiguresTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private sealed record Seeded(string District, int Year, string Query, string[] Deaths);

    /// <summary>
    /// Deaths P1–P4 certified in the district, P5 in another. P1's pension stop found at 23:30 on 31 January (China
    /// time), stopped from February, 600.00 recovered on 5 March; found again in February's roll (not counted again,
    /// and its later execution neither). P2's 低保 stop found at 00:30 on 1 February (31 January in UTC); P3's 高龄津贴
    /// on 10 February, stopped from March, 300.00 recovered on 1 April (after the period); P4's medical stop in March,
    /// stopped from March, nothing overpaid. P5's 低保 stop in February, stopped from February, in the other district.
    /// A running job's stop and every roll's abandoned attempt never count.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var (district, year) = Fresh();
        var (otherDistrict, _) = Fresh();
        var hospital = await factory.OrganisationAsync(district, OrganisationType.Hospital, "测试医院");
        var elsewhere = await factory.OrganisationAsync(otherDistrict, OrganisationType.Hospital, "别区医院");
        var p = new string[5];
        for (var i = 0; i < 4; i++) p[i] = await factory.DeathAsync(hospital, year);
        p[4] = await factory.DeathAsync(elsewhere, year);
        var y = year;
        await factory.RollAsync("social-security", true,
            new Stop(p[0], "enterprise-pension", new DateTime(y, 1, 31, 23, 30, 0), 3000.00m, 1000.00m, "王一号", $"{y}-02", 600.00m, new DateOnly(y, 3, 5)));
        await factory.RollAsync("civil-affairs", true,
            new Stop(p[1], "dibao", new DateTime(y, 2, 1, 0, 30, 0), 800.25m, 500.50m, "李二号"),
            new Stop(p[2], "elderly-allowance", new DateTime(y, 2, 10, 9, 0, 0), 300.00m, 300.00m, "张三号", $"{y}-03", 300.00m, new DateOnly(y, 4, 1)),
            new Stop(p[4], "dibao", new DateTime(y, 2, 15, 9, 0, 0), 700.00m, 200.00m, "赵五号", $"{y}-02"));
        await factory.RollAsync("social-security", true,
            new Stop(p[0], "enterprise-pension", new DateTime(y, 2, 28, 10, 0, 0), 3000.00m, 1000.00m, "王一号", $"{y}-03"));
        await factory.RollAsync("medical-insurance", true,
            new Stop(p[3], "employee-medical", new DateTime(y, 3, 15, 9, 0, 0), 450.00m, 0m, "钱四号", $"{y}-03"));
        await factory.RollAsync("medical-insurance", false,
            new Stop(p[3], "resident-medical", new DateTime(y, 3, 16, 9, 0, 0), 100.00m, 100.00m, "钱四号"));
        return new Seeded(district, year, $"from={year}-01&to={year}-03&district={district}", p);
    }

    private static readonly string[] Fields = ["stopsIdentified", "stopsExecuted", "overpaidIdentified", "overpaidRecovered", "monthlyPaymentsPrevented"];

    /// <summary>The five figures as one line: <c>identified/executed/overpaid/recovered/prevented</c>.</summary>
    private static string Line(JsonElement e) => string.Join("/", Fields.Select(f => e.GetProperty(f).GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));

    private async Task<JsonElement> StopsAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?{query}")).GetProperty("benefitStops");

    [Fact]
    public async Task Api_GivesTheBenefitStops_PerProgrammeAndChinaMonth_AsWorkedOutByHand()
    {
        var seeded = await SeedAsync();
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        var stops = await StopsAsync(bureau, seeded.Query);

        Assert.Equal("4.00/3.00/1800.50/600.00/3750.00", Line(stops));
        var y = seeded.Year;
        Assert.Equal([$"{y}-01 1.00/0.00/1000.00/0.00/0.00", $"{y}-02 2.00/1.00/800.50/0.00/3000.00", $"{y}-03 1.00/2.00/0.00/600.00/750.00"],
            stops.GetProperty("months").EnumerateArray().Select(m => $"{m.GetProperty("month").GetString()} {Line(m)}"));
        var programmes = stops.GetProperty("byProgramme").EnumerateArray().ToDictionary(p => p.GetProperty("programme").GetString()!);
        Assert.Equal(8, programmes.Count);
        Assert.Equal("1.00/1.00/1000.00/600.00/3000.00", Line(programmes["enterprise-pension"]));
        Assert.Equal("social-security", programmes["enterprise-pension"].GetProperty("department").GetString());
        Assert.Equal("1.00/0.00/500.50/0.00/0.00", Line(programmes["dibao"]));
        Assert.Equal("1.00/1.00/300.00/0.00/300.00", Line(programmes["elderly-allowance"]));
        Assert.Equal("1.00/1.00/0.00/0.00/450.00", Line(programmes["employee-medical"]));
        Assert.Equal("0.00/0.00/0.00/0.00/0.00", Line(programmes["resident-medical"]));
    }

    [Fact]
    public async Task TheDistrictAndTheMonths_SelectTheStops()
    {
        var seeded = await SeedAsync();
        var y = seeded.Year;
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        // The whole city adds P5 (no other test uses the year).
        Assert.Equal("5.00/4.00/2000.50/600.00/4450.00", Line(await StopsAsync(bureau, $"from={y}-01&to={y}-03")));
        // February alone: P1's second finding on 28 February is no new stop.
        Assert.Equal("2.00/1.00/800.50/0.00/3000.00", Line(await StopsAsync(bureau, $"from={y}-02&to={y}-02&district={seeded.District}")));
        // January alone: 23:30 on the 31st is January; 00:30 on 1 February (still January in UTC) is not.
        Assert.Equal("1.00/0.00/1000.00/0.00/0.00", Line(await StopsAsync(bureau, $"from={y}-01&to={y}-01&district={seeded.District}")));
        // April: only P3's recovery.
        Assert.Equal("0.00/0.00/0.00/300.00/0.00", Line(await StopsAsync(bureau, $"from={y}-04&to={y}-04&district={seeded.District}")));
    }

    [Fact]
    public async Task TheStatisticsApi_GivesTheSameNumbers_AsTheDashboard_ForTheSameFilter()
    {
        var seeded = await SeedAsync();
        var y = seeded.Year;
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        foreach (var query in new[] { seeded.Query, $"from={y}-01&to={y}-03", $"from={y}-02&to={y}-04&district={seeded.District}" })
        {
            var dashboard = await StopsAsync(bureau, query);
            var statistics = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliation/statistics?{query}");
            Assert.Equal(Line(dashboard), Line(statistics.GetProperty("total")));
            var rows = statistics.GetProperty("rows").EnumerateArray().ToList();
            foreach (var month in dashboard.GetProperty("months").EnumerateArray())
                Assert.Equal(Line(month), Sum(rows.Where(r => r.GetProperty("month").GetString() == month.GetProperty("month").GetString())));
            foreach (var programme in dashboard.GetProperty("byProgramme").EnumerateArray())
                Assert.Equal(Line(programme), Sum(rows.Where(r => r.GetProperty("programme").GetString() == programme.GetProperty("programme").GetString())));
        }

        var district = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliation/statistics?{seeded.Query}&programme=dibao");
        Assert.Equal(seeded.District, district.GetProperty("district").GetString());
        Assert.Equal("1.00/0.00/500.50/0.00/0.00", Line(district.GetProperty("total")));
        var unknown = await bureau.GetAsync($"/api/v1/reconciliation/statistics?from={y}-01&district=529999");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("figures.district-unknown", (await unknown.JsonAsync()).GetProperty("errorCodes").GetProperty("district")[0].GetString());
    }

    private static string Sum(IEnumerable<JsonElement> rows)
    {
        var list = rows.ToList();
        return string.Join("/", Fields.Select(f => list.Sum(r => r.GetProperty(f).GetDecimal()).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task AFiguresLink_OpensAMaskedList_OfExactlyTheStopsItCounts_AndTheReadIsAudited()
    {
        var seeded = await SeedAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");

        var page = Plain(WebUtility.HtmlDecode(await supervisor.GetStringAsync($"{DashboardPages.Home}?{seeded.Query}")));
        Assert.Contains("<h2 id=\"benefit-stops-title\">应停未停</h2>", page);
        var href = Regex.Match(page, "data-figure=\"stops-identified\"><a class=\"tile-link\" href=\"([^\"]+)\"><span class=\"tile-value\">4</span>").Groups[1].Value;
        Assert.Equal($"{BenefitStopPages.List}?figure=identified&{seeded.Query}", href);
        Assert.Contains("共发现应停 4 人次，已执行停发 3 人次；发现多发金额 1,800.50 元，已追回 600.00 元。", page);
        Assert.Matches($"<tr data-month=\"{seeded.Year}-02\"><th scope=\"row\">{seeded.Year}-02</th>\\s*<td data-figure=\"stops-identified\"><a href=\"{BenefitStopPages.List}\\?figure=identified&from={seeded.Year}-02&to={seeded.Year}-02&district={seeded.District}\">2</a>\\s*</td>", page);

        var before = await AuditCountAsync();
        var list = Plain(WebUtility.HtmlDecode(await supervisor.GetStringAsync(href)));
        Assert.Equal(before + 1, await AuditCountAsync());

        var names = Regex.Matches(list, "class=\"masked-name\">([^<]+)<").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["王*号", "李*号", "张*号", "钱*号"], names);
        Assert.Equal(seeded.Deaths[..4].Select(PersonalDataMask.IdNumber), Regex.Matches(list, "class=\"mono masked-id\">([^<]+)<").Select(m => m.Groups[1].Value));
        foreach (var death in seeded.Deaths) Assert.DoesNotContain(death, list);
        Assert.Contains("共 4 条", list);

        // The executed figure's list through the API: the first executions only, in stop-month order.
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var executed = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliation/statistics/stops?figure=executed&{seeded.Query}");
        Assert.Equal(3, executed.GetProperty("stops").GetProperty("total").GetInt64());
        Assert.Equal([$"王*号 {seeded.Year}-02 3000.00", $"张*号 {seeded.Year}-03 300.00", $"钱*号 {seeded.Year}-03 450.00"],
            executed.GetProperty("stops").GetProperty("items").EnumerateArray().Select(s =>
                $"{s.GetProperty("maskedName").GetString()} {s.GetProperty("executedMonth").GetString()} {s.GetProperty("monthlyAmount").GetDecimal():0.00}"));
        var recovered = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliation/statistics/stops?figure=recovered&{seeded.Query}");
        Assert.Equal(600.00m, recovered.GetProperty("stops").GetProperty("items").EnumerateArray().Sum(s => s.GetProperty("recoveredAmount").GetDecimal()));
    }

    private async Task<int> AuditCountAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<AuditEntry>()
            .CountAsync(a => a.Action == "reconciliation.counted-stops-read" && a.ActorName != "");
    }

    [Fact]
    public async Task OnlyTheCivilAffairsSupervision_OpensTheList()
    {
        var social = await SignedIn.AsAsync(factory, "social.wu");
        var page = await social.GetAsync($"{BenefitStopPages.List}?figure=identified");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("无权访问", await page.Content.ReadAsStringAsync());
        var system = await factory.ClientForAsync("demo-social-security");
        Assert.Equal(HttpStatusCode.Forbidden, (await system.GetAsync("/api/v1/reconciliation/statistics/stops?figure=identified")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/reconciliation/statistics/stops")).StatusCode);

        // A civil-affairs clerk sees the figures on the dashboard, but no links to lists the clerk may not open.
        var clerk = await SignedIn.AsAsync(factory, "clerk.civil");
        var dashboard = await clerk.GetStringAsync(DashboardPages.Home);
        Assert.Contains("data-area=\"benefit-stops\"", dashboard);
        Assert.DoesNotContain(BenefitStopPages.List, dashboard);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(BenefitStopPages.List)).StatusCode);

        var bad = await (await factory.ClientForAsync("demo-civil-affairs")).GetAsync("/api/v1/reconciliation/statistics/stops?figure=paid");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task ThePagesInEnglish_HaveNoChinese_OutsideNames()
    {
        var seeded = await SeedAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        (await supervisor.GetAsync("/culture/en")).EnsureSuccessStatusCode();

        var dashboard = Plain(await supervisor.GetStringAsync($"{DashboardPages.Home}?{seeded.Query}"));
        Assert.Contains("Benefit stops", dashboard);
        Assert.Contains("Minimum living allowance (dibao)", dashboard);
        PageLanguage.AssertIn(dashboard, "en", DashboardPages.Home);
        foreach (var figure in new[] { "identified", "executed", "recovered" })
        {
            var path = $"{BenefitStopPages.List}?figure={figure}&{seeded.Query}";
            PageLanguage.AssertIn(Plain(await supervisor.GetStringAsync(path)), "en", path);
        }
        var statistics = $"{BenefitStopPages.Statistics}?{seeded.Query}";
        PageLanguage.AssertIn(Plain(await supervisor.GetStringAsync(statistics)), "en", statistics);
    }

    [Fact]
    public async Task Export_HasTheBenefitStopsMonthlyColumns()
    {
        var seeded = await SeedAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");

        var rows = XlsxRows.Read(await (await supervisor.GetAsync($"/api/v1/supervision/dashboard.xlsx?{seeded.Query}")).Content.ReadAsByteArrayAsync());

        Assert.Equal(["发现应停", "已执行停发", "发现多发金额（元）", "已追回金额（元）", "每月止付金额（元）"], rows[0][9..14]);
        Assert.Equal([2m, 1m, 800.50m, 0m, 3000.00m], rows[2][9..14].Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([4m, 3m, 1800.50m, 600.00m, 3750.00m], rows[4][9..14].Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));

        (await supervisor.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        var english = XlsxRows.Read(await (await supervisor.GetAsync($"/api/v1/supervision/dashboard.xlsx?{seeded.Query}")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Stops identified", "Stops executed", "Overpaid identified (yuan)", "Overpaid recovered (yuan)", "Monthly payments prevented (yuan)"], english[0][9..14]);
    }

    /// <summary>The page without Blazor's CSS-isolation attributes (<c>b-xxxxxxxxxx</c>).</summary>
    private static string Plain(string html) => Regex.Replace(html, " b-[a-z0-9]{10}(=\"\")?", "");
}
