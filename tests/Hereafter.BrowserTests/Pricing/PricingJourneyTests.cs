using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Platform.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Pricing;

/// <summary>The issue's two browser journeys: a member of the public on a phone, and a price change from proposal to the public page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PricingJourneyTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";

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

    private static async Task AssertNoSidewaysScrollAsync(IPage page, int width)
    {
        var scrollWidth = await ChromiumFixture.ScrollWidthAsync(page);
        Assert.True(scrollWidth <= width, $"{page.Url} scrolls sideways: scrollWidth {scrollWidth} > {width}");
    }

    [ChromiumFact]
    public async Task APersonOnAPhone_FindsACemetery_SeesTheWarnedPlot_AndUsesTheCalculator()
    {
        // A cemetery with a plot under an open warning, as the public API reports it.
        JsonElement? cemetery = null;
        JsonElement warnedPlot = default;
        foreach (var i in (await GetJsonAsync("/api/v1/price-lists?type=cemetery")).EnumerateArray())
        {
            var list = await GetJsonAsync($"/api/v1/price-lists/{i.GetProperty("institutionId").GetString()}");
            var plot = list.GetProperty("items").EnumerateArray()
                .FirstOrDefault(p => p.GetProperty("category").GetString() == "plot" && p.GetProperty("warning").GetBoolean());
            if (plot.ValueKind != JsonValueKind.Object) continue;
            (cemetery, warnedPlot) = (list, plot);
            break;
        }
        Assert.True(cemetery.HasValue, "the demo data has a cemetery with a plot under warning");
        var name = cemetery.Value.GetProperty("name").GetString()!;

        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "价格公示" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "殡葬服务价格公示", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("机构类型").SelectOptionAsync(new SelectOptionValue { Label = "公墓" });
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("type=cemetery"));
        await AssertNoSidewaysScrollAsync(page, 390);
        await ChromiumFixture.ScreenshotAsync(page, "prices-directory-phone");

        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "墓位", Level = 2 })).ToBeVisibleAsync();
        var plotCard = page.Locator($"#item-{warnedPlot.GetProperty("itemId").GetString()}");
        await plotCard.ScrollIntoViewIfNeededAsync();
        await Expect(plotCard.Locator(".warning-mark")).ToBeVisibleAsync();
        await Expect(plotCard.Locator(".warning-mark")).ToHaveAttributeAsync("aria-label", "价格预警：民政部门正在核查该价格");
        await Expect(plotCard).ToContainTextAsync("墓位使用费");
        await Expect(plotCard).ToContainTextAsync("维护管理费");
        await Expect(page.Locator(".price-notice")).ToContainTextAsync("12358");
        await AssertNoSidewaysScrollAsync(page, 390);
        await ChromiumFixture.ScreenshotAsync(page, "prices-cemetery-phone");

        // The calculator: a plot and what else the cemetery offers, for a resident.
        await page.GetByRole(AriaRole.Link, new() { Name = "用计算器估算费用" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "殡葬费用计算器", Level = 1 })).ToBeVisibleAsync();
        var items = cemetery.Value.GetProperty("items").EnumerateArray().ToArray();
        var picked = items.Where(i => i.GetProperty("category").GetString() != "plot").Take(1).Append(warnedPlot).ToArray();
        foreach (var item in picked)
            await page.Locator($"#pick-{Guid.Parse(item.GetProperty("itemId").GetString()!):N}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "计算费用" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "估算结果" })).ToBeVisibleAsync();

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var expected = await (await http.PostAsJsonAsync("/api/v1/price-calculations", new
        {
            lines = picked.Select(i => new { itemId = i.GetProperty("itemId").GetString(), quantity = 1 }).ToArray(),
            resident = true,
        })).Content.ReadFromJsonAsync<JsonElement>();
        await Expect(page.Locator(".calc-total")).ToHaveTextAsync(Yuan(expected.GetProperty("total").GetDecimal()));
        await Expect(page.Locator(".calc-payable-amount")).ToHaveTextAsync(Yuan(expected.GetProperty("payable").GetDecimal()));
        await AssertNoSidewaysScrollAsync(page, 390);
        await ChromiumFixture.ScreenshotAsync(page, "prices-calculator-phone");
    }

    [ChromiumFact]
    public async Task AClerkProposesAChange_TheBureauApproves_AndThePublicPageShowsTheNewPrice()
    {
        // 贵阳市殡仪馆 (funeral.liu): an item whose new price stays inside its cap or reference range.
        var home = (await GetJsonAsync("/api/v1/price-lists")).EnumerateArray().Single(i => i.GetProperty("name").GetString() == "贵阳市殡仪馆");
        var institutionId = home.GetProperty("institutionId").GetString()!;
        var list = await GetJsonAsync($"/api/v1/price-lists/{institutionId}");
        var item = list.GetProperty("items").EnumerateArray().First(i =>
            i.GetProperty("category").GetString() == "non-basic" && !i.GetProperty("warning").GetBoolean()
            && (i.TryGetProperty("rangeMax", out var max) && max.ValueKind == JsonValueKind.Number
                ? max.GetDecimal() > i.GetProperty("price").GetDecimal() + 1 && i.GetProperty("price").GetDecimal() - 1 >= i.GetProperty("rangeMin").GetDecimal()
                : i.GetProperty("pricingMode").GetString() == "market"));
        var itemId = item.GetProperty("itemId").GetString()!;
        var itemName = item.GetProperty("name").GetString()!;
        var newPrice = item.GetProperty("price").GetDecimal() - 1;

        // The public page before: the old price (and now in this node's output cache).
        await using var publicContext = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync($"/prices/{institutionId}");
        await Expect(visitor.Locator($"#item-{itemId} .price-amount")).ToContainTextAsync(Yuan(item.GetProperty("price").GetDecimal()));

        await using var clerkContext = await chromium.NewContextAsync(app.BaseUrl);
        var clerk = await clerkContext.NewPageAsync();
        await SignInAsync(clerk, "funeral.liu");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "价格申报" }).First.ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "价格申报", Level = 1 })).ToBeVisibleAsync();
        await clerk.GetByLabel("项目").SelectOptionAsync(itemId);
        await clerk.GetByLabel("新价格（元）").FillAsync(newPrice.ToString(CultureInfo.InvariantCulture));
        // The effective date defaults to today (China time), so the price is in force as soon as it is approved.
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Expect(clerk.GetByLabel("执行日期")).ToHaveValueAsync(today);
        await clerk.GetByLabel("调整理由").FillAsync("物价回落，下调收费");
        await ChromiumFixture.ScreenshotAsync(clerk, "prices-propose-desktop");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();
        await Expect(clerk.Locator(".notice")).ToContainTextAsync($"已提交：{itemName} 调整为 {Yuan(newPrice)}，执行日期 {today}");
        await Expect(clerk.Locator(".proposal-card").First).ToContainTextAsync("待审核");
        await ChromiumFixture.ScreenshotAsync(clerk, "prices-proposed-desktop");

        await using var bureauContext = await chromium.NewContextAsync(app.BaseUrl);
        var bureau = await bureauContext.NewPageAsync();
        await SignInAsync(bureau, "supervisor.zhou");
        // The bureau starts at its dashboard; the price review is in the menu's 殡葬价格 group.
        await Expect(bureau).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/supervision$"));
        await bureau.Locator(".menu-wide summary", new() { HasTextString = "殡葬价格" }).ClickAsync();
        await bureau.Locator(".menu-wide").GetByRole(AriaRole.Link, new() { Name = "调价审核" }).ClickAsync();
        var card = bureau.Locator(".proposal-card", new() { HasText = itemName }).Filter(new() { HasText = Yuan(newPrice) });
        await Expect(card).ToContainTextAsync("贵阳市殡仪馆");
        await ChromiumFixture.ScreenshotAsync(bureau, "prices-review-desktop");
        await card.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
        await Expect(bureau.Locator(".notice")).ToContainTextAsync($"已批准：贵阳市殡仪馆 {itemName} 调整为 {Yuan(newPrice)}，{today} 起执行。");
        await ChromiumFixture.ScreenshotAsync(bureau, "prices-approved-desktop");

        await visitor.ReloadAsync();
        var row = visitor.Locator($"#item-{itemId}");
        await Expect(row.Locator(".price-amount")).ToContainTextAsync(Yuan(newPrice));
        await Expect(row).ToContainTextAsync($"执行日期 {today}");
        await Expect(row).ToContainTextAsync($"由 {Yuan(item.GetProperty("price").GetDecimal())} 调整");
        await ChromiumFixture.ScreenshotAsync(visitor, "prices-after-approval-phone");
    }
}
