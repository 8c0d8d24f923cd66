using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Domain.Time;
using Hereafter.Web.Tests.Memorial;
using Microsoft.Playwright;
using static Hereafter.Web.Tests.Memorial.MemorialFiguresSeed;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Memorial;

/// <summary>
/// On a 390 px phone: a citizen reads the standards pages from the home page; the bureau edits one (preview, save, history);
/// the supervisor reads the booking figures as cards. Nothing scrolls sideways, in Chinese or English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StandardsPhoneTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [ChromiumFact]
    public async Task TheStandards_AreReadFromTheHomePage_OnAPhone()
    {
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "丧事简办" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("丧事简办");
        await ChromiumFixture.AssertFitsPhoneAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "节地生态安葬奖补" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("节地生态安葬奖补");
        await Expect(page.Locator("article.standard-body table")).ToBeVisibleAsync();
        await Expect(page.Locator("article.standard-body h2").First).ToHaveTextAsync("奖补对象");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "standards-phone");

        await page.GotoAsync("/culture/en?returnUrl=/standards/jiedi-shengtai-anzang");
        await Expect(page.Locator(".standard-updated")).ToContainTextAsync("Updated");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
    }

    [ChromiumFact]
    public async Task TheBureau_PreviewsAndSavesAVersion_OnAPhone()
    {
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await DemoSignIn.AsAsync(context, "supervisor.zhou");
        await page.GotoAsync("/standards/manage");
        await Expect(page.Locator("h1")).ToHaveTextAsync("丧事简办标准管理");
        await ChromiumFixture.AssertFitsPhoneAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "丧事简办倡议" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("编辑标准页面");
        var body = page.GetByLabel("正文");
        await body.FillAsync(await body.InputValueAsync() + "\n\n## 五、联系我们\n- 市民服务热线 **12345**");
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Expect(page.Locator(".standard-preview h2").Last).ToHaveTextAsync("五、联系我们");
        await ChromiumFixture.AssertFitsPhoneAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator(".alert-success")).ToHaveTextAsync("已保存为第 2 版。");
        await Expect(page.Locator("li[data-version]")).ToHaveCountAsync(2);
        await ChromiumFixture.AssertFitsPhoneAsync(page);

        await page.GotoAsync("/standards/sangshi-jianban");
        await Expect(page.Locator("article.standard-body")).ToContainTextAsync("市民服务热线 12345");
    }

    [ChromiumFact]
    public async Task TheFigures_AreCardsOnAPhone()
    {
        var site = await app.SiteAsync("测试公墓（手机）");
        var day = new DateOnly(2045, 4, 4);
        await app.DayAsync(site, day, new Slot(100, new Booking(3, CheckedIn: true), new Booking(2)), new Slot(60, new Booking(4, Cancelled: true)));
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await DemoSignIn.AsAsync(context, "supervisor.zhou");

        await page.GotoAsync("/supervision/memorial?from=2045-04-01&to=2045-04-07");
        await Expect(page.Locator("h1")).ToHaveTextAsync("预约祭扫统计");
        var row = page.Locator($"section[data-site='{site}'] tr[data-date='2045-04-04']");
        await Expect(row.Locator("td[data-figure='people']")).ToHaveTextAsync("160");
        // On a phone each figure carries its column's name above it (the table's header is for screen readers only).
        Assert.Equal("\"可约人数\"", await row.Locator("td[data-figure='people']").EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));
        await Expect(row.Locator("td[data-figure='visitors']")).ToContainTextAsync("3");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "supervision-memorial-phone");

        await page.GotoAsync("/culture/en?returnUrl=" + Uri.EscapeDataString("/supervision/memorial?from=2045-04-01&to=2045-04-07"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tomb-sweeping booking figures");
        await ChromiumFixture.AssertFitsPhoneAsync(page);

        // Without dates: today's period, whatever the booking days.
        await page.GotoAsync("/supervision/memorial");
        await Expect(page.Locator("#from")).ToHaveValueAsync(ChinaTime.Today(TimeProvider.System).AddDays(-14).ToString("yyyy-MM-dd"));
        await ChromiumFixture.AssertFitsPhoneAsync(page);
    }
}
