using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Platform.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Pricing;

/// <summary>
/// Issue #10 on the price pages at 390 px: no page wider than the screen (public and staff), and a staff form posted
/// with a mistake from far down the page lands on the error summary, whose link leads to the field to fix.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PricingPhoneTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        return await http.GetFromJsonAsync<JsonElement>(path);
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync($"/signin?user={userName}");
        await page.GetByLabel("密码").FillAsync(DemoData.Secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator("form[action='/signout']")).ToBeVisibleAsync();
    }

    private static async Task AssertFitsAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"{path}: {response?.Status}");
        var scrollWidth = await ChromiumFixture.ScrollWidthAsync(page);
        Assert.True(scrollWidth <= 390, $"{path} scrolls sideways at 390 px: scrollWidth {scrollWidth}");
    }

    [ChromiumFact]
    public async Task EveryPublicPricePage_FitsAPhone_InBothLanguages()
    {
        var institutions = (await GetJsonAsync("/api/v1/price-lists")).EnumerateArray().Select(i => i.GetProperty("institutionId").GetString()!).ToArray();
        var first = await GetJsonAsync($"/api/v1/price-lists/{institutions[0]}");
        var item = first.GetProperty("items").EnumerateArray().First().GetProperty("itemId").GetGuid();
        var pages = new List<string>
        {
            "/prices", "/prices?type=cemetery", "/prices/compare", "/prices/compare?item=basic.cremation", "/prices/calculator",
            "/prices/calculator?list=1", $"/prices/calculator?institution={institutions[0]}",
            $"/prices/calculator?calc=1&institution={institutions[0]}&item={item}&q-{item:N}=2&resident=true",
        };
        pages.AddRange(institutions.Select(id => $"/prices/{id}"));

        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();
        foreach (var path in pages) await AssertFitsAsync(page, path);
        await page.GotoAsync("/culture/en?returnUrl=/prices");
        foreach (var path in pages) await AssertFitsAsync(page, path);
        await ChromiumFixture.ScreenshotAsync(page, "prices-calculator-english-phone");
    }

    [ChromiumFact]
    public async Task TheCalculator_WithNothingTicked_SaysSo_AndItsLinkLeadsToTheChoice()
    {
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/prices/calculator");
        await page.GetByRole(AriaRole.Button, new() { Name = "列出服务项目" }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await summary.GetByRole(AriaRole.Link, new() { Name = "请至少选择一个机构。" }).ClickAsync();
        await Expect(page.Locator("fieldset#institution")).ToBeFocusedAsync();
        Assert.True(await ChromiumFixture.ScrollWidthAsync(page) <= 390);
    }

    [ChromiumFact]
    public async Task EveryStaffPricePage_FitsAPhone()
    {
        await using var bureauContext = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var bureau = await bureauContext.NewPageAsync();
        await SignInAsync(bureau, "supervisor.zhou");
        foreach (var path in new[] { "/supervision/prices", "/supervision/prices?all=true", "/supervision/price-warnings",
                     "/supervision/price-warnings?status=closed", "/supervision/price-statistics", "/supervision/price-settings" })
            await AssertFitsAsync(bureau, path);
        await ChromiumFixture.ScreenshotAsync(bureau, "prices-statistics-phone");

        await using var clerkContext = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var clerk = await clerkContext.NewPageAsync();
        await SignInAsync(clerk, "funeral.liu");
        foreach (var path in new[] { "/prices/manage", "/prices/bills/new" }) await AssertFitsAsync(clerk, path);
    }

    [ChromiumFact]
    public async Task ASupervisorOnAPhone_SavesSettingsWithAMistake_FollowsTheSummaryLink_AndFixesIt()
    {
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "supervisor.zhou");
        await page.GotoAsync("/supervision/price-settings");
        var factor = page.GetByLabel("每平方米价格超过同类墓位全市中位数的倍数");
        var before = await factor.InputValueAsync();

        // The mistake is at the top of a long form; the button is far below it.
        await factor.FillAsync("一点五");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "保存" });
        await save.ScrollIntoViewIfNeededAsync();
        await save.ClickAsync();

        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToBeInViewportAsync();
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("有 1 处需要修改：");
        Assert.True(await ChromiumFixture.ScrollWidthAsync(page) <= 390);
        await ChromiumFixture.ScreenshotAsync(page, "prices-settings-error-phone");

        await summary.GetByRole(AriaRole.Link, new() { Name = "须为数字，如 1.5。" }).ClickAsync();
        await Expect(factor).ToBeFocusedAsync();
        await Expect(page.Locator("#medianFactor-error")).ToHaveTextAsync("须为数字，如 1.5。");
        await factor.FillAsync(before);
        await save.ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("已保存");
        await Expect(page.Locator(".error-summary")).ToHaveCountAsync(0);
        Assert.True(await ChromiumFixture.ScrollWidthAsync(page) <= 390);
    }
}
