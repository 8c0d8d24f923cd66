using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Auth;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [ChromiumFact]
    public async Task SignIn_OnDesktop_ShowsTheStaffName_WithoutReloadingThePage()
    {
        var staff = await app.SeedStaffAsync(displayName: "刘桌面");
        await using var context = await chromium.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/signin");
        await ChromiumFixture.ScreenshotAsync(page, "signin-desktop");
        // Survives only if the enhanced form swaps the page in place instead of a full load.
        await page.EvaluateAsync("window.__sameDocument = true");
        await SignInAsync(page, staff.UserName, staff.Password);

        await Expect(page.Locator(".who")).ToHaveTextAsync("刘桌面");
        Assert.Equal(app.BaseUrl + "/", page.Url);
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "the sign-in form should post as a Blazor enhanced form");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "登录", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".who")).ToHaveCountAsync(0);
    }

    [ChromiumFact]
    public async Task SignIn_WithWrongPassword_ShowsTheErrorInPlace()
    {
        var staff = await app.SeedStaffAsync();
        await using var context = await chromium.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/signin");
        await SignInAsync(page, staff.UserName, "wrong-" + staff.Password);

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码错误");
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("密码")).ToHaveValueAsync("");
        await Expect(page.GetByLabel("用户名")).ToHaveValueAsync(staff.UserName);
    }

    [ChromiumFact]
    public async Task SignIn_OnAPhone_FitsTheScreenAndReturnsToTheRequestedPage()
    {
        var staff = await app.SeedStaffAsync(displayName: "孙手机", organisationName: "手机区人民医院");
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/signin?ReturnUrl=%2Fforbidden");
        await ChromiumFixture.ScreenshotAsync(page, "signin-phone");
        Assert.True(await ChromiumFixture.ScrollWidthAsync(page) <= 390, $"sign-in page scrolls sideways on a phone: scrollWidth {await ChromiumFixture.ScrollWidthAsync(page)}");
        var form = await page.Locator("form.signin-form").BoundingBoxAsync();
        Assert.NotNull(form);
        Assert.True(form.X >= 0 && form.X + form.Width <= 390, $"form spans {form.X}..{form.X + form.Width}");

        await SignInAsync(page, staff.UserName, staff.Password);

        await Expect(page.Locator(".who")).ToHaveTextAsync("孙手机");
        Assert.Equal(app.BaseUrl + "/forbidden", page.Url);
        Assert.True(await ChromiumFixture.ScrollWidthAsync(page) <= 390, "page after sign-in scrolls sideways on a phone");
    }

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

}
