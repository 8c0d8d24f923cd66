using Hereafter.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Site;

/// <summary>The grouped menu (ADR 0021): one line for the supervisor's dozen pages, one 菜单 button on a phone, and
/// links and language switches big enough to tap (44 × 44 px).</summary>
[Collection(BrowserCollection.Name)]
public sealed class MenuTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private const double TouchTarget = 44;

    [ChromiumFact]
    public async Task Supervisor_OnADesktop_SeesFourGroupsOnOneLine_AndOpensOne()
    {
        await using var context = await chromium.NewContextAsync(app.BaseUrl);
        var page = await DemoSignIn.AsAsync(context, "supervisor.zhou");
        var menu = page.Locator(".menu-wide");
        foreach (var group in new[] { "证明", "身后事", "应停未停", "殡葬价格" })
            await Expect(menu.Locator("summary", new() { HasTextString = group })).ToBeVisibleAsync();
        var line = await menu.BoundingBoxAsync();
        Assert.NotNull(line);
        Assert.True(line.Height < 2 * TouchTarget, $"the menu takes {line.Height} px: more than one line");
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "调价审核" })).Not.ToBeVisibleAsync();

        await menu.Locator("summary", new() { HasTextString = "殡葬价格" }).ClickAsync();
        var review = menu.GetByRole(AriaRole.Link, new() { Name = "调价审核" });
        await Expect(review).ToBeVisibleAsync();
        await AssertTappableAsync(review, "调价审核");
        await review.ClickAsync();
        await page.WaitForURLAsync("**/supervision/prices");
        // The group of the page shown is marked.
        await Expect(page.Locator(".menu-wide summary.current")).ToHaveTextAsync("殡葬价格");
    }

    [ChromiumFact]
    public async Task Doctor_OnAPhone_FindsTheMenuBehindOneButton()
    {
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await DemoSignIn.AsAsync(context, "doctor.wang");
        await Expect(page.Locator(".menu-wide")).Not.ToBeVisibleAsync();
        var button = page.Locator(".menu-phone > summary");
        await Expect(button).ToHaveTextAsync("菜单");
        await AssertTappableAsync(button, "菜单");
        var newCertificate = page.Locator(".menu-phone").GetByRole(AriaRole.Link, new() { Name = "填写新证明" });
        await Expect(newCertificate).Not.ToBeVisibleAsync();
        Assert.True(await ChromiumFixture.ScrollWidthAsync(page) <= ChromiumFixture.Phone.Width);

        await button.ClickAsync();
        foreach (var link in await page.Locator(".menu-phone nav a").AllAsync())
            await AssertTappableAsync(link, await link.TextContentAsync() ?? "");
        Assert.True(await ChromiumFixture.ScrollWidthAsync(page) <= ChromiumFixture.Phone.Width, "the open menu scrolls sideways");
        await newCertificate.ClickAsync();
        await page.WaitForURLAsync("**/certificates/new");
    }

    [ChromiumFact]
    public async Task LanguageAndAccountLinks_AreBigEnoughToTap_OnAPhone()
    {
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        foreach (var link in await page.Locator(".topbar a").AllAsync())
            await AssertTappableAsync(link, await link.TextContentAsync() ?? "");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    private static async Task AssertTappableAsync(ILocator target, string name)
    {
        var box = await target.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width >= TouchTarget && box.Height >= TouchTarget, $"'{name.Trim()}' is {box.Width:0.#} × {box.Height:0.#} px, less than 44 × 44");
    }

}
