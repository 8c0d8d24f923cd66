using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
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
using static Hereafter.Web.Tests.Dashboard.FuneralPriceSeed;

namespace Hereafter.Web.Tests.Dashboard;

/// <summary>
/// The dashboard's funeral prices against price lists, bills and warnings seeded in a district and a year of their own,
/// with the figures worked out by hand; and the module's own lists giving the same numbers for the same filter.
/// </summary>
public sealed class FuneralPriceFiguresTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private sealed record Seeded(string District, int Year, string Query, string OtherDistrict);

    /// <summary>
    /// Period: January and February of the year. Institutions of the district: a funeral home with a list in force from
    /// 1 January, a cemetery whose list starts on 1 March (after the period), a columbarium with no list, and a hospital
    /// (not an institution that publishes prices): 3 institutions, 1 with a list, 33.3%.
    /// Funerals (by the first service date, a China date), yuan:
    /// January: 1,000 (23:30 on the 31st), 1,200, 3,000, and 3,000 + 1,500 = 4,500 (a second bill, at the cemetery, in
    /// February) → 4 funerals, average 2,425.00, median (1,200 + 3,000) / 2 = 2,100.00.
    /// February: 2,000 (00:30 on the 1st), 2,600, 5,000 → 3 funerals, average 3,200.00, median 2,600.00.
    /// Whole period: 7 funerals, 19,300 → average 2,757.14, median 2,600.00. Not counted: a bill on 1 March, and a bill
    /// of a funeral home in another district.
    /// Warnings: raised 23:30 on 31 January (open) and 00:30 on 1 February (closed on the 10th); raised the year before and
    /// closed at 00:30 on 1 March (open at the end); raised the year before and closed at 23:30 on the last day of February;
    /// raised at 00:30 on 1 March; one in the other district in January. Raised 2 (one a month), closed 2, open at the end 2.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var (district, fresh) = FreshPast();
        var year = fresh; // in the past
        var (other, _) = Fresh();
        var jan1 = new DateOnly(year, 1, 1);
        var (home, cremation) = await factory.PricedInstitutionAsync(district, OrganisationType.FuneralHome, "测试殡仪馆", jan1);
        var (cemetery, plot) = await factory.PricedInstitutionAsync(district, OrganisationType.Cemetery, "测试公墓", new DateOnly(year, 3, 1));
        await factory.OrganisationAsync(district, OrganisationType.Columbarium, "测试骨灰堂");
        await factory.OrganisationAsync(district, OrganisationType.Hospital, "测试医院");
        var (elsewhere, elsewhereItem) = await factory.PricedInstitutionAsync(other, OrganisationType.FuneralHome, "别区殡仪馆", jan1);

        var twoBills = Guid.NewGuid();
        await factory.BillsAsync(
            new BillRow(Guid.NewGuid(), home, new DateTime(year, 1, 31, 23, 30, 0), 1000m),
            new BillRow(Guid.NewGuid(), home, new DateTime(year, 1, 5, 10, 0, 0), 1200m),
            new BillRow(Guid.NewGuid(), home, new DateTime(year, 1, 20, 10, 0, 0), 3000m),
            new BillRow(twoBills, home, new DateTime(year, 1, 10, 10, 0, 0), 3000m),
            new BillRow(twoBills, cemetery, new DateTime(year, 2, 5, 10, 0, 0), 1500m),
            new BillRow(Guid.NewGuid(), home, new DateTime(year, 2, 1, 0, 30, 0), 2000m),
            new BillRow(Guid.NewGuid(), home, new DateTime(year, 2, 10, 10, 0, 0), 2600m),
            new BillRow(Guid.NewGuid(), home, new DateTime(year, 2, 20, 10, 0, 0), 5000m),
            new BillRow(Guid.NewGuid(), home, new DateTime(year, 3, 1, 0, 30, 0), 9999m),
            new BillRow(Guid.NewGuid(), elsewhere, new DateTime(year, 1, 15, 10, 0, 0), 7777m));
        await factory.WarningsAsync(
            new WarningRow(home, cremation, new DateTime(year, 1, 31, 23, 30, 0)),
            new WarningRow(cemetery, plot, new DateTime(year, 2, 1, 0, 30, 0), new DateTime(year, 2, 10, 9, 0, 0)),
            new WarningRow(cemetery, plot, new DateTime(year - 1, 12, 15, 9, 0, 0), new DateTime(year, 3, 1, 0, 30, 0)),
            new WarningRow(home, cremation, new DateTime(year - 1, 11, 1, 9, 0, 0), new DateTime(year, 2, 28, 23, 30, 0)),
            new WarningRow(home, cremation, new DateTime(year, 3, 1, 0, 30, 0)),
            new WarningRow(elsewhere, elsewhereItem, new DateTime(year, 1, 15, 9, 0, 0)));
        return new Seeded(district, year, $"from={year}-01&to={year}-02&district={district}", other);
    }

    /// <summary>The page without Blazor's scoped-style attributes.</summary>
    private static string Plain(string html) => Regex.Replace(html, " b-[a-z0-9]{10}(=\"\")?", "");

    private static decimal Dec(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static decimal Change(decimal average, decimal baseline) =>
        Math.Round((average - baseline) / baseline * 100m, 2, MidpointRounding.AwayFromZero);

    [Fact]
    public async Task Api_GivesTheFuneralPriceFigures_ByChinaMonth_AsWorkedOutByHand()
    {
        var seeded = await SeedAsync();
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        var answer = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?{seeded.Query}");

        var p = answer.GetProperty("funeralPrices");
        Assert.Equal([3, 1, 2], new[] { "institutions", "withPublishedList", "withoutPublishedList" }.Select(n => Int(p, n)));
        Assert.Equal(33.3m, Dec(p, "disclosurePercent"));
        Assert.Equal(7, Int(p, "funerals"));
        Assert.Equal(2757.14m, Dec(p, "averagePerFuneral"));
        Assert.Equal(2600.00m, Dec(p, "medianPerFuneral"));
        var baseline = Dec(p, "baselineAveragePerFuneral");
        Assert.True(baseline > 0);
        Assert.Equal(Change(2757.14m, baseline), Dec(p, "changeVsBaselinePercent"));
        Assert.Equal([2, 2, 2], new[] { "warningsRaised", "warningsClosed", "warningsOpenAtEnd" }.Select(n => Int(p, n)));
        var months = p.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal([$"{seeded.Year}-01", $"{seeded.Year}-02"], months.Select(m => m.GetProperty("month").GetString()));
        //                       funerals average   median    raised
        Assert.Equal((4, 2425.00m, 2100.00m, 1), (Int(months[0], "funerals"), Dec(months[0], "averagePerFuneral"), Dec(months[0], "medianPerFuneral"), Int(months[0], "warningsRaised")));
        Assert.Equal((3, 3200.00m, 2600.00m, 1), (Int(months[1], "funerals"), Dec(months[1], "averagePerFuneral"), Dec(months[1], "medianPerFuneral"), Int(months[1], "warningsRaised")));
    }

    [Fact]
    public async Task District_CountsOnlyItsOwnInstitutions()
    {
        var seeded = await SeedAsync();
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        var answer = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?from={seeded.Year}-01&to={seeded.Year}-02&district={seeded.OtherDistrict}");

        var p = answer.GetProperty("funeralPrices");
        Assert.Equal([1, 1, 1, 1, 0, 1], new[] { "institutions", "withPublishedList", "funerals", "warningsRaised", "warningsClosed", "warningsOpenAtEnd" }.Select(n => Int(p, n)));
        Assert.Equal(100.0m, Dec(p, "disclosurePercent"));
        Assert.Equal(7777m, Dec(p, "averagePerFuneral"));
        Assert.Equal(7777m, Dec(p, "medianPerFuneral"));
    }

    [Fact]
    public async Task ModuleApis_GiveTheDashboardsNumbers_ForTheSameFilter()
    {
        var seeded = await SeedAsync();
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        foreach (var query in new[] { seeded.Query, $"from={seeded.Year}-01&to={seeded.Year}-02&district={seeded.OtherDistrict}", "from=2025-01&to=2026-06" })
        {
            var p = (await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?{query}")).GetProperty("funeralPrices");

            var stats = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/pricing/statistics?{query}");
            var overall = stats.GetProperty("overall");
            Assert.Equal(Int(p, "funerals"), Int(overall, "funerals"));
            Assert.Equal(Dec(p, "averagePerFuneral"), Dec(overall, "averagePerFuneral"));
            Assert.Equal(Dec(p, "medianPerFuneral"), Dec(overall, "medianPerFuneral"));
            Assert.Equal(Dec(p, "baselineAveragePerFuneral"), Dec(stats, "baselineAveragePerFuneral"));
            Assert.Equal(p.GetProperty("changeVsBaselinePercent").ToString(), overall.GetProperty("changeVsBaselinePercent").ToString());
            var byMonth = stats.GetProperty("byMonth").EnumerateArray().ToList();
            var months = p.GetProperty("months").EnumerateArray().ToList();
            Assert.Equal(months.Select(m => (m.GetProperty("month").GetString(), Int(m, "funerals"), Dec(m, "averagePerFuneral"), Dec(m, "medianPerFuneral"))),
                byMonth.Select(m => (m.GetProperty("key").GetString(), Int(m, "funerals"), Dec(m, "averagePerFuneral"), Dec(m, "medianPerFuneral"))));

            var funerals = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/pricing/statistics/funerals?{query}");
            Assert.Equal(Int(p, "funerals"), funerals.GetArrayLength());
            var institutions = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/pricing/disclosure?{query}");
            Assert.Equal(Int(p, "institutions"), institutions.GetArrayLength());
            Assert.Equal(Int(p, "withPublishedList"), institutions.EnumerateArray().Count(i => i.GetProperty("published").GetBoolean()));
            Assert.Equal(Int(p, "withoutPublishedList"), (await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/pricing/disclosure?{query}&published=false")).GetArrayLength());
            foreach (var (figure, field) in new[] { ("raised", "warningsRaised"), ("closed", "warningsClosed"), ("open-at-end", "warningsOpenAtEnd") })
                Assert.Equal(Int(p, field), (await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/price-warnings?{query}&figure={figure}")).GetArrayLength());
        }
    }

    [Fact]
    public async Task ModuleApis_RefuseABadFilter_WithFieldErrors()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        foreach (var url in new[] { "/api/v1/pricing/statistics?from=2001-01&to=2001-02&district=529999", "/api/v1/pricing/statistics/funerals?district=529999",
                     "/api/v1/pricing/disclosure?district=12", "/api/v1/price-warnings?district=529999&figure=raised" })
        {
            var bad = await (await bureau.GetAsync(url)).ExpectJsonAsync(HttpStatusCode.BadRequest);
            Assert.True(bad.GetProperty("errors").TryGetProperty("district", out _), url);
        }
        var figure = await (await bureau.GetAsync("/api/v1/price-warnings?figure=sometimes")).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(figure.GetProperty("errors").TryGetProperty("figure", out _));
    }

    [Fact]
    public async Task DrillDown_FromTheDashboard_OpensTheCountedRows_AndIsAudited()
    {
        var seeded = await SeedAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");

        var html = Plain(WebUtility.HtmlDecode(await supervisor.GetStringAsync($"{DashboardPages.Home}?{seeded.Query}")));

        var funeralsLink = $"/supervision/price-statistics?{seeded.Query}&list=funerals";
        Assert.Matches($"data-figure=\"funerals\">\\s*<a class=\"tile-link\" href=\"{Regex.Escape(funeralsLink)}\"><span class=\"tile-value\">7</span>", html);
        Assert.Contains($"href=\"/supervision/price-statistics?{seeded.Query}&list=institutions&published=false\"", html);
        Assert.Contains($"<tr data-month=\"{seeded.Year}-01\">", html);
        Assert.Contains("2,757.14 元", html);

        var list = WebUtility.HtmlDecode(await supervisor.GetStringAsync(funeralsLink));
        Assert.Equal(7, Regex.Count(list, "<tr data-case=\""));
        Assert.Contains("共 7 例", list);
        Assert.Contains("4,500.00", list);
        Assert.DoesNotContain("9,999.00", list);
        Assert.DoesNotContain("7,777.00", list);

        var gaps = WebUtility.HtmlDecode(await supervisor.GetStringAsync($"/supervision/price-statistics?{seeded.Query}&list=institutions&published=false"));
        Assert.Equal(2, Regex.Count(gaps, "data-published=\"false\""));
        Assert.Contains("测试骨灰堂", gaps);
        Assert.DoesNotContain("测试医院", gaps);

        var warningsLink = $"/supervision/price-warnings?{seeded.Query}&figure=open-at-end";
        Assert.Contains($"href=\"{warningsLink}\"", html);
        var warnings = WebUtility.HtmlDecode(await supervisor.GetStringAsync(warningsLink));
        Assert.Equal(2, Regex.Count(warnings, "class=\"warning-card\""));
        Assert.Contains("期末未关闭的预警", warnings);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var audited = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Details.StartsWith(seeded.Query)).Select(a => new { a.Action, a.Details }).ToListAsync();
        Assert.Contains(audited, a => a.Action == "bill.list" && a.Details == $"{seeded.Query}: 7 funerals");
        Assert.Contains(audited, a => a.Action == "pricing.disclosure" && a.Details == $"{seeded.Query}: 2 institutions");
        Assert.Contains(audited, a => a.Action == "price-warning.list" && a.Details == $"{seeded.Query}&figure=open-at-end: 2 warnings");
    }

    [Fact]
    public async Task Export_HasTheFuneralPriceColumns_PerMonth_AndTheTotal()
    {
        var seeded = await SeedAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");

        var response = await supervisor.GetAsync($"/api/v1/supervision/dashboard.xlsx?{seeded.Query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = XlsxRows.Read(await response.Content.ReadAsByteArrayAsync());
        var at = rows[0].IndexOf("结算的丧事（例）");
        Assert.True(at > 0);
        Assert.Equal(["结算的丧事（例）", "每例平均费用（元）", "每例费用中位数（元）", "新增价格预警"], rows[0].Skip(at).Take(4));
        Assert.Equal([4m, 2425m, 2100m, 1m], rows[1].Skip(at).Take(4).Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([3m, 3200m, 2600m, 1m], rows[2].Skip(at).Take(4).Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.StartsWith("合计", rows[3][0]);
        Assert.Equal([7m, 2757.14m, 2600m, 2m], rows[3].Skip(at).Take(4).Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Others_ThanCivilAffairs_GetNoFiguresAndNoLists()
    {
        var seeded = await SeedAsync();
        var funeralHome = await factory.ClientForAsync("demo-funeral-home");
        foreach (var url in new[] { $"/api/v1/supervision/dashboard?{seeded.Query}", $"/api/v1/pricing/statistics?{seeded.Query}",
                     $"/api/v1/pricing/statistics/funerals?{seeded.Query}", $"/api/v1/pricing/disclosure?{seeded.Query}", $"/api/v1/price-warnings?{seeded.Query}&figure=raised" })
            Assert.Equal(HttpStatusCode.Forbidden, (await funeralHome.GetAsync(url)).StatusCode);
        var staff = await SignedIn.AsAsync(factory, "funeral.liu");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/supervision/price-statistics?{seeded.Query}&list=funerals")).StatusCode);
    }

    [Fact]
    public async Task EnglishPages_HaveNoChinese_OutsideNames()
    {
        var seeded = await SeedAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        (await supervisor.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        foreach (var url in new[] { $"{DashboardPages.Home}?{seeded.Query}", $"/supervision/price-statistics?{seeded.Query}&list=funerals",
                     $"/supervision/price-statistics?{seeded.Query}&list=institutions", $"/supervision/price-warnings?{seeded.Query}&figure=raised" })
        {
            var html = Plain(await supervisor.GetStringAsync(url));
            PageLanguage.AssertIn(html, "en", url);
        }
        var dashboard = WebUtility.HtmlDecode(await supervisor.GetStringAsync($"{DashboardPages.Home}?{seeded.Query}"));
        Assert.Contains("Funeral prices", dashboard);
        Assert.Contains("2,757.14 yuan", dashboard);
    }
}
