using System.Net;
using System.Text.RegularExpressions;
using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Hereafter.Web.Tests.Pricing;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>
/// The bureau's page of the loop: counts by stage and institution against records seeded at a funeral home of the
/// test's own (so the demo's records do not change the figures), the overdue list with reasons, the Excel export.
/// </summary>
public sealed partial class SupervisionCustodyPageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private sealed record Home(Guid Id, CustodySeed.Seeded OverStorage, CustodySeed.Seeded InTime, CustodySeed.Seeded Cremated,
        CustodySeed.Seeded ReleasedLongAgo, CustodySeed.Seeded Placed, CustodySeed.Seeded Stored);

    private async Task<Home> SeedHomeAsync()
    {
        var code = "test-home-" + Guid.NewGuid().ToString("N")[..8];
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            db.Add(new Organisation
            {
                Id = Guid.NewGuid(), Code = code, Name = "测试殡仪馆", NameEn = "Test Funeral Home", Type = OrganisationType.FuneralHome,
                CreditCode = "", RegionCode = "520100", District = "",
            });
            await db.SaveChangesAsync();
        }
        var now = DateTimeOffset.UtcNow;
        var over = await factory.RecordAtAsync(CustodyState.InStorage, funeralHomeCode: code, at: now.AddDays(-5));
        return new Home(over.FuneralHomeId, over,
            await factory.RecordAtAsync(CustodyState.InStorage, funeralHomeCode: code),
            await factory.RecordAtAsync(CustodyState.Cremated, funeralHomeCode: code),
            await factory.RecordAtAsync(CustodyState.AshesReleased, funeralHomeCode: code, at: now.AddDays(-100)),
            await factory.RecordAtAsync(CustodyState.Placed, funeralHomeCode: code),
            await factory.RecordAtAsync(CustodyState.AshesStored, funeralHomeCode: code));
    }

    private static int Tile(string html, string attribute, string code)
    {
        var match = Regex.Match(html, $"{attribute}=\"{Regex.Escape(code)}\"[^>]*>\\s*<a[^>]*>\\s*<span class=\"tile-value\"[^>]*>(\\d+)<");
        Assert.True(match.Success, $"no tile {attribute}={code}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Counts_ByStageAndReason_MatchTheSeededRecords()
    {
        var home = await SeedHomeAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");

        var html = await supervisor.GetStringAsync($"{CustodyPages.Supervision}?institution={home.Id}");

        Assert.Equal(6, Tile(html, "data-count", "all"));
        Assert.Equal(0, Tile(html, "data-count", "picked-up"));
        Assert.Equal(2, Tile(html, "data-count", "in-storage"));
        Assert.Equal(1, Tile(html, "data-count", "cremated"));
        Assert.Equal(1, Tile(html, "data-count", "ashes-released"));
        Assert.Equal(1, Tile(html, "data-count", "ashes-stored"));
        Assert.Equal(1, Tile(html, "data-count", "placed"));
        Assert.Equal(0, Tile(html, "data-count", "unclaimed"));
        Assert.Equal(2, Tile(html, "data-count", "overdue"));
        Assert.Equal(1, Tile(html, "data-overdue", "over-storage-limit"));
        Assert.Equal(1, Tile(html, "data-overdue", "placement-overdue"));
        Assert.Equal(0, Tile(html, "data-overdue", "unclaimed"));
        // Each figure links to the list it counts, on this page's path (the site has <base href="/">).
        Assert.Contains($"href=\"/supervision/custody?state=in-storage&amp;overdue=false&amp;institution={home.Id}#records\"", html);

        // The institution table: the test home's row, and the cemetery that placed one of its records.
        var row = Regex.Match(html, $"<tr data-institution=\"{home.Id}\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("测试殡仪馆", row);
        Assert.Matches($"data-state=\"in-storage\"[^>]*>\\s*<a href=\"[^\"]*state=in-storage[^\"]*institution={home.Id}[^\"]*\"[^>]*>2<", row);
        Assert.Matches("data-state=\"overdue\"[^>]*>\\s*<a [^>]*>2<", row);
        Assert.Matches("data-state=\"total\"[^>]*>\\s*<a [^>]*>6<", row);
        Assert.Contains("景云山公墓", html);
    }

    [Fact]
    public async Task OverdueList_ShowsEachReason_AndLinksToTheRecord()
    {
        var home = await SeedHomeAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");

        var html = await supervisor.GetStringAsync($"{CustodyPages.Supervision}?overdue=true&institution={home.Id}");

        string Row(CustodySeed.Seeded s) => Regex.Match(html, $"<tr data-custody=\"{s.CustodyId}\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("status-over-storage-limit", Row(home.OverStorage));
        Assert.Contains("超期存放", Row(home.OverStorage));
        Assert.Contains($"href=\"{CustodyPages.Record(home.OverStorage.CustodyId)}\"", Row(home.OverStorage));
        Assert.Contains("骨灰去向未落实", Row(home.ReleasedLongAgo));
        Assert.Empty(Row(home.InTime));
        Assert.Empty(Row(home.Placed));
        Assert.DoesNotContain(home.OverStorage.CertificateNumber, html);
        PageLanguage.AssertIn(html, "zh-CN", "/supervision/custody");
    }

    [Fact]
    public async Task Page_InEnglish_HasNoChineseOutsideStoredNames()
    {
        var home = await SeedHomeAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        (await supervisor.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        foreach (var page in new[] { CustodyPages.Supervision, $"{CustodyPages.Supervision}?overdue=true&institution={home.Id}", $"{CustodyPages.Supervision}?state=placed" })
        {
            var html = await supervisor.GetStringAsync(page);
            Assert.Contains("Remains and ashes supervision", html);
            PageLanguage.AssertIn(html, "en", page);
        }
    }

    [Fact]
    public async Task UnknownState_ShowsTheErrorSummary()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = await supervisor.GetStringAsync($"{CustodyPages.Supervision}?state=buried");
        Assert.Contains("error-summary", html);
        Assert.Contains("in-storage", html);
    }

    [Theory]
    [InlineData("funeral.liu")]
    [InlineData("cemetery.sun")]
    public async Task OtherOrganisations_AreForbidden(string user)
    {
        var client = await SignedIn.AsAsync(factory, user);
        var response = await client.GetAsync(CustodyPages.Supervision);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("无权访问", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain($"href=\"{CustodyPages.Supervision}\"", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Menu_LinksTheBureauToThePage()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        Assert.Contains($"href=\"{CustodyPages.Supervision}\"", await supervisor.GetStringAsync("/"));
    }

    [Fact]
    public async Task Excel_ListsTheSameRecordsMasked_WithAHeaderInThePageLanguage_AndNoPersonalDataInItsName()
    {
        var home = await SeedHomeAsync();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var page = await supervisor.GetStringAsync($"{CustodyPages.Supervision}?overdue=true&institution={home.Id}");
        var export = WebUtility.HtmlDecode(Regex.Match(page, "href=\"(/api/v1/custody/export\\.xlsx[^\"]*)\"").Groups[1].Value);
        Assert.Contains($"institution={home.Id}", export);

        var response = await supervisor.GetAsync(export);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fileName = response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!;
        Assert.Matches("^custody-overdue-\\d{8}\\.xlsx$", fileName.Trim('"'));
        var rows = XlsxRows.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["逝者", "证件号码", "环节", "殡仪馆", "安放单位", "接运时间", "进入该环节时间", "超期原因", "超期起始"], rows[0]);
        Assert.Equal(3, rows.Count); // the header and the two overdue records
        Assert.Contains(rows, r => r.Contains("超期存放") && r.Contains("存放中"));
        Assert.Contains(rows, r => r.Contains("骨灰去向未落实"));
        var all = string.Join("|", rows.SelectMany(r => r));
        Assert.DoesNotContain(home.OverStorage.CertificateNumber, all);
        Assert.Contains("**********", all);

        (await supervisor.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        var english = XlsxRows.Read(await (await supervisor.GetAsync(export)).Content.ReadAsByteArrayAsync());
        Assert.Equal("Deceased", english[0][0]);
        Assert.Contains(english, r => r.Contains("Over the storage limit"));
    }
}
