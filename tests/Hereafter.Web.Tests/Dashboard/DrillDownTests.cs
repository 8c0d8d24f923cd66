using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Dashboard.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Memorial;
using Hereafter.Web.Tests.Pages;
using Hereafter.Web.Tests.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hereafter.Web.Tests.Dashboard.DashboardSeed;

namespace Hereafter.Web.Tests.Dashboard;

/// <summary>
/// From each of the dashboard's figures to the list behind it: the link on the page opens a list whose total is the
/// figure and whose rows are the ones counted (worked out by hand), masked and audited; the module's API with the same
/// filter gives the dashboard's numbers.
/// </summary>
public sealed class DrillDownTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private const string Ill = IcdQuality.IllDefinedUnderlyingCause;
    private const string Sex = IcdQuality.SexSpecificCode;

    /// <summary>The certificates of <see cref="DashboardTests"/>: A–F in the district (January to March), G elsewhere.</summary>
    private sealed record Certificates(string District, int Year, string Query, Guid A, Guid B, Guid C, Guid E, Guid D, Guid F, Guid G);

    private async Task<Certificates> SeedCertificatesAsync()
    {
        var (district, year) = Fresh();
        var hospital = await factory.OrganisationAsync(district, OrganisationType.Hospital, "测试医院");
        var police = await factory.OrganisationAsync(district, OrganisationType.Police, "测试派出所");
        var (otherDistrict, _) = Fresh();
        var elsewhere = await factory.OrganisationAsync(otherDistrict, OrganisationType.Hospital, "别区医院");
        var ids = await factory.SeedAsync(
            new Cert(hospital, new DateTime(year, 1, 31, 23, 30, 0)),
            new Cert(hospital, new DateTime(year, 2, 1, 0, 30, 0), CertifiedLate: true, Warnings: [Ill, Sex]),
            new Cert(police, new DateTime(year, 2, 10, 9, 0, 0), ReportedLate: true, Warnings: [Ill]),
            new Cert(hospital, new DateTime(year, 3, 1, 10, 0, 0), Held: true, Decided: new DateTime(year, 3, 2, 9, 0, 0)),
            new Cert(hospital, new DateTime(year, 3, 5, 10, 0, 0), CertificateStatus.PendingReview, Held: true),
            new Cert(hospital, new DateTime(year, 3, 3, 10, 0, 0), CertificateStatus.Rejected, Held: true, Decided: new DateTime(year, 4, 1, 0, 30, 0)),
            new Cert(elsewhere, new DateTime(year, 2, 15, 10, 0, 0)));
        return new Certificates(district, year, $"from={year}-01&to={year}-03&district={district}", ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6]);
    }

    [Fact]
    public async Task EachCertificateFigure_LinksToTheCertificatesItCounts_Masked_AndAudited()
    {
        var s = await SeedCertificatesAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var dashboard = await Get(supervisor, $"{DashboardPages.Home}?{s.Query}");

        // figure → the certificates it counts, by hand (B certified late, C reported late, E reviewed in March, D held, F decided in April).
        var expected = new Dictionary<string, Guid[]>
        {
            ["issued"] = [s.A, s.B, s.C, s.E],
            ["certified-within-day"] = [s.A, s.C, s.E],
            ["reported-in-time"] = [s.A, s.B, s.E],
            ["duplicates-reviewed"] = [s.E],
            ["duplicates-pending"] = [s.D],
            ["with-warnings"] = [s.B, s.C],
        };
        foreach (var (figure, ids) in expected)
        {
            var href = TileHref(dashboard, figure);
            Assert.StartsWith("/supervision/certificates?", href);
            var list = await Get(supervisor, href);
            Assert.Equal(ids.Select(Detail).Order(), CertificateRows(list).Order());
            Assert.Contains($"第 1 页，共 1 页（{ids.Length} 条）", list);
            Assert.Contains($"data-list=\"{figure}\"", list);
            Assert.Matches($"data-figure=\"{figure}\"><a class=\"tile-link\" href=\"[^\"]+\"><span class=\"tile-value\">{ids.Length}</span>", list);
            Assert.Contains("<td data-label=\"姓名\" lang=\"zh-CN\">测*</td>", list);
            foreach (var id in ids) Assert.DoesNotContain("T" + id.ToString("N")[..17].ToUpperInvariant(), list);
        }

        // A month's cell, a warning kind and an issuer type open their own rows.
        var february = CellHref(dashboard, $"<tr data-month=\"{s.Year}-02\">", "issued");
        Assert.Equal(new[] { Detail(s.B), Detail(s.C) }.Order(), CertificateRows(await Get(supervisor, february)).Order());
        Assert.Equal(0, Regex.Count(Between(dashboard, $"<tr data-month=\"{s.Year}-01\">", "</tr>"), "data-figure=\"with-warnings\"><a"));
        var sexHref = WebUtility.HtmlDecode(Regex.Match(dashboard, $"<tr data-key=\"{Sex}\">.*?href=\"([^\"]+)\"").Groups[1].Value);
        Assert.Equal([Detail(s.B)], CertificateRows(await Get(supervisor, sexHref)));
        Assert.Equal([Detail(s.C)], CertificateRows(await Get(supervisor, 
            $"/supervision/certificates?list=issued&{s.Query}&issuerType=police")));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var audited = await db.Set<AuditEntry>().Where(e => e.Action == "certificate.list" && e.Subject == "certificates:reported-in-time")
            .Select(e => e.Details).ToListAsync();
        Assert.Contains(audited, d => d.StartsWith(s.Query, StringComparison.Ordinal) && d.Contains("3 rows (masked)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCertificatesApi_WithTheFilter_GivesTheDashboardsNumbers()
    {
        var s = await SeedCertificatesAsync();
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var dashboard = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?{s.Query}");

        var list = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/certificates?list=with-warnings&{s.Query}");

        Assert.Equal(dashboard.GetProperty("certificates").GetRawText(), list.GetProperty("figure").GetProperty("figures").GetRawText());
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal("with-warnings", list.GetProperty("figure").GetProperty("list").GetString());
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal("测*", i.GetProperty("maskedName").GetString()));
        Assert.False(list.GetProperty("items")[0].TryGetProperty("number", out _), "no full number");
        foreach (var figure in new[] { "issued", "certified-within-day", "reported-in-time", "duplicates-reviewed", "duplicates-pending" })
        {
            var rows = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/certificates?list={figure}&{s.Query}");
            var name = string.Concat(figure.Split('-').Select((w, i) => i == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
            Assert.Equal(dashboard.GetProperty("certificates").GetProperty(name).GetInt32(), rows.GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task EachTaskFigure_LinksToTheTasksItCounts_UnderTheirCases_Masked_AndAudited()
    {
        var (district, year) = await factory.SeedTasksAsync();
        var query = $"from={year}-01&to={year}-02&district={district}";
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var dashboard = await Get(supervisor, $"{DashboardPages.Home}?{query}");

        // figure → the departments of the tasks it counts (short names on the badges), by hand.
        var expected = new Dictionary<string, string[]>
        {
            ["tasks"] = ["公安", "人社", "医保", "公积金"],
            ["acknowledged-in-time"] = ["公安"],
            ["done"] = ["公安"],
            ["overdue-now"] = ["医保", "公积金"],
        };
        foreach (var (figure, departments) in expected)
        {
            var href = TileHref(dashboard, figure);
            Assert.StartsWith($"{SharingPages.SupervisionCases}?figure={figure}&", href);
            var list = await Get(supervisor, href);
            Assert.Equal(departments.Order(), Regex.Matches(list, "<span class=\"task-dept\">([^<]+)</span>").Select(m => m.Groups[1].Value).Order());
            Assert.Contains($"data-total=\"{departments.Length}\"", list);
            Assert.Contains($"共 {departments.Length} 项任务", list);
            Assert.Contains("<strong lang=\"zh-CN\">测*</strong>", list);
            Assert.DoesNotContain(">测试<", list);
        }

        var medical = CellHref(dashboard, "<tr data-key=\"medical-insurance\">", "overdue-now");
        Assert.EndsWith("&department=medical-insurance", medical);
        var one = await Get(supervisor, medical);
        Assert.Equal(["医保"], Regex.Matches(one, "<span class=\"task-dept\">([^<]+)</span>").Select(m => m.Groups[1].Value));
        Assert.Equal(0, Regex.Count(Between(dashboard, "<tr data-key=\"social-security\">", "</tr>"), "data-figure=\"done\"><a"));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        Assert.True(await db.Set<AuditEntry>().AnyAsync(e => e.Action == "case.list" && e.Subject == "cases:overdue-now"
            && e.Details.StartsWith(query + "&department=medical-insurance")));
    }

    [Fact]
    public async Task TheCasesApi_WithTheFilter_GivesTheDashboardsNumbers()
    {
        var (district, year) = await factory.SeedTasksAsync();
        var query = $"from={year}-01&to={year}-02&district={district}";
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var dashboard = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?{query}");

        foreach (var (figure, field) in new[] { ("tasks", "tasks"), ("acknowledged-in-time", "acknowledgedInTime"), ("done", "done"), ("overdue-now", "overdueNow") })
        {
            var list = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/cases?figure={figure}&{query}");
            Assert.Equal(dashboard.GetProperty("tasks").GetProperty(field).GetInt32(), list.GetProperty("total").GetInt32());
            Assert.Equal(list.GetProperty("total").GetInt32(), list.GetProperty("cases").EnumerateArray().Sum(c => c.GetProperty("tasks").GetArrayLength()));
            Assert.Equal(dashboard.GetProperty("tasks").GetRawText(), list.GetProperty("figures").GetRawText());
        }
        var cases = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/cases?figure=tasks&{query}");
        Assert.All(cases.GetProperty("cases").EnumerateArray(), c => Assert.Equal("测*", c.GetProperty("maskedName").GetString()));
        // Without the filter the API answers as before: an array of cases.
        Assert.Equal(JsonValueKind.Array, (await bureau.GetFromJsonAsync<JsonElement>("/api/v1/cases?take=1")).ValueKind);
    }

    [Fact]
    public async Task TheMemorialTiles_LinkToTheBookingFigures_ForTheMonthsAndDistrict()
    {
        var (district, year) = Fresh();
        var cemetery = await factory.OrganisationAsync(district, OrganisationType.Cemetery, "测试公墓");
        var (otherDistrict, _) = Fresh();
        var elsewhere = await factory.OrganisationAsync(otherDistrict, OrganisationType.Cemetery, "别区公墓");
        await factory.DayAsync(cemetery, new DateOnly(year, 3, 31),
            new MemorialFiguresSeed.Slot(50, new MemorialFiguresSeed.Booking(3, CheckedIn: true), new MemorialFiguresSeed.Booking(2), new MemorialFiguresSeed.Booking(4, Cancelled: true)));
        await factory.DayAsync(cemetery, new DateOnly(year, 4, 1), new MemorialFiguresSeed.Slot(50, new MemorialFiguresSeed.Booking(5, CheckedIn: true)));
        await factory.DayAsync(elsewhere, new DateOnly(year, 3, 31), new MemorialFiguresSeed.Slot(50, new MemorialFiguresSeed.Booking(6)));
        var query = $"from={year}-03&to={year}-04&district={district}";
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var dashboard = await Get(supervisor, $"{DashboardPages.Home}?{query}");

        var href = TileHref(dashboard, "bookings");
        Assert.Equal($"/supervision/memorial?{query}", href);
        Assert.Equal(href, TileHref(dashboard, "visits"));
        var page = await Get(supervisor, href);
        Assert.Contains("<li class=\"tile\" data-total=\"bookings\"><span class=\"tile-value\">3</span>", page);
        Assert.Contains("<li class=\"tile\" data-total=\"visits\"><span class=\"tile-value\">2</span>", page);
        Assert.DoesNotContain("别区公墓", page);
        Assert.Equal(2, Regex.Count(page, "<tr data-date=\"\\d{4}-\\d\\d-\\d\\d\">"));

        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var figures = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/memorial/figures?{query}");
        var memorial = (await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/dashboard?{query}")).GetProperty("memorial");
        Assert.Equal(memorial.GetProperty("bookings").GetInt32(), figures.GetProperty("totals").GetProperty("bookings").GetInt32());
        Assert.Equal(memorial.GetProperty("visits").GetInt32(), figures.GetProperty("totals").GetProperty("visits").GetInt32());
        Assert.Equal(memorial.GetProperty("visitors").GetInt32(), figures.GetProperty("totals").GetProperty("visitors").GetInt32());
        Assert.Equal($"{year}-03-01", figures.GetProperty("from").GetString());
        Assert.Equal($"{year}-04-30", figures.GetProperty("to").GetString());
    }

    [Theory]
    [InlineData("/supervision/certificates?list=issued&from=2041-13", "from", "月份应写作 YYYY-MM")]
    [InlineData("/supervision/certificates?list=issued&district=529999", "district", "没有区划代码为 529999 的区县")]
    [InlineData("/supervision/cases?figure=tasks&from=2041-05&to=2041-04", "to", "截止月份不能早于起始月份")]
    [InlineData("/supervision/cases?figure=tasks&department=bakery", "department", "没有代码为 bakery 的部门")]
    [InlineData("/supervision/memorial?from=2041-01&to=2046-01", "to", "一次最多查询 60 个月")]
    [InlineData("/supervision/memorial?from=2041-01&district=5201", "district", "区县应为 6 位行政区划代码")]
    public async Task ABadFilter_OnAList_IsAFieldErrorInItsSummary(string url, string field, string message)
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");

        var html = await Get(supervisor, url);

        var summary = Between(html, "class=\"error-summary\"", "</div>");
        Assert.Contains(message, summary);
        if (field != "department") Assert.Contains($"#{field}\"", summary); // the department has no field on the page, so it is no link
    }

    [Fact]
    public async Task BadFilters_OnTheApis_Are400FieldErrors()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        foreach (var (url, field, code) in new[]
                 {
                     ("/api/v1/certificates?list=issued&from=2041-13", "from", "figures.month-invalid"),
                     ("/api/v1/certificates?list=issued&issuerType=bakery", "issuerType", "certificates.supervision.issuer-type-unknown"),
                     ("/api/v1/cases?figure=done&district=529999", "district", "figures.district-unknown"),
                     ("/api/v1/memorial/figures?from=2041-05&to=2041-04", "to", "figures.period-reversed"),
                 })
        {
            var answer = await bureau.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Equal(code, (await answer.JsonAsync()).GetProperty("errorCodes").GetProperty(field)[0].GetString());
        }
    }

    [Fact]
    public async Task OnlyCivilAffairs_OpensTheListsBehindTheFigures()
    {
        var social = await factory.ClientForAsync("demo-social-security");
        Assert.Equal(HttpStatusCode.Forbidden, (await social.GetAsync("/api/v1/certificates?list=issued&from=2041-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await social.GetAsync("/api/v1/cases?figure=tasks&from=2041-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await social.GetAsync("/api/v1/memorial/figures?from=2041-01")).StatusCode);
        // An issuer sees its own certificates, but not the bureau's figures.
        var hospital = await factory.ClientForAsync("demo-hospital");
        Assert.Equal(HttpStatusCode.OK, (await hospital.GetAsync("/api/v1/certificates?list=all")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hospital.GetAsync("/api/v1/certificates?list=all&from=2041-01")).StatusCode);
        var funeral = await SignedIn.AsAsync(factory, "funeral.liu");
        foreach (var page in new[] { "/supervision/certificates?list=issued&from=2041-01", "/supervision/cases?figure=tasks&from=2041-01", "/supervision/memorial?from=2041-01" })
            Assert.Equal(HttpStatusCode.Forbidden, (await funeral.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task TheEnglishLists_HaveNoChineseOutsideNames()
    {
        var s = await SeedCertificatesAsync();
        var (district, year) = await factory.SeedTasksAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        (await supervisor.GetAsync("/culture/en")).EnsureSuccessStatusCode();

        foreach (var url in new[]
                 {
                     $"/supervision/certificates?list=with-warnings&{s.Query}&warning={Sex}",
                     $"/supervision/certificates?list=issued&{s.Query}&issuerType=police",
                     $"/supervision/certificates?list=issued&from=2041-13",
                     $"/supervision/cases?figure=overdue-now&from={year}-01&to={year}-02&district={district}&department=medical-insurance",
                     $"/supervision/memorial?from={year}-01&to={year}-02&district={district}",
                 })
        {
            var html = await Get(supervisor, url);
            PageLanguage.AssertIn(html, "en", url);
        }
    }

    /// <summary>A page without Blazor's CSS-isolation attributes (<c>b-xxxxxxxxxx</c>).</summary>
    private static async Task<string> Get(HttpClient client, string url) =>
        Regex.Replace(await client.GetStringAsync(url), " b-[a-z0-9]{10}(=\"\")?", "");

    private static string Detail(Guid id) => $"/certificates/{id:N}";

    /// <summary>The certificates a list shows, by their rows' links.</summary>
    private static List<string> CertificateRows(string html) =>
        [.. Regex.Matches(html, "<a class=\"record-link\" href=\"(/certificates/[0-9a-f]{32})\"").Select(m => m.Groups[1].Value)];

    /// <summary>The link of a figure's tile on a page.</summary>
    private static string TileHref(string html, string figure)
    {
        var m = Regex.Match(html, $"<li class=\"tile[^\"]*\" data-figure=\"{figure}\"[^>]*><a class=\"tile-link\" href=\"([^\"]+)\"");
        Assert.True(m.Success, $"no link on the {figure} tile");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    /// <summary>The link of a figure's cell in the table row that starts with <paramref name="row"/>.</summary>
    private static string CellHref(string html, string row, string figure)
    {
        var m = Regex.Match(Between(html, row, "</tr>"), $"<td data-figure=\"{figure}\"[^>]*><a class=\"figure-link\" href=\"([^\"]+)\"");
        Assert.True(m.Success, $"no link in the {figure} cell of {row}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    private static string Between(string html, string start, string end)
    {
        var i = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(i >= 0, $"no {start}");
        var j = html.IndexOf(end, i + start.Length, StringComparison.Ordinal);
        return html[i..(j < 0 ? html.Length : j)];
    }
}
