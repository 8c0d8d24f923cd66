using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Platform.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Family;

[Collection(BrowserCollection.Name)]
public sealed class FamilySignInJourneyTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [ChromiumFact]
    public async Task A_family_member_on_a_phone_signs_in_at_the_identity_provider_and_comes_back_signed_in()
    {
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/family/account");
        // Sent to the provider's page, which fits the phone and lists the demo citizens.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "居民实名登录" })).ToBeVisibleAsync();
        Assert.True(await ChromiumFixture.ScrollWidthAsync(page) <= 390, "the identity provider's sign-in page scrolls sideways on a phone");
        await ChromiumFixture.ScreenshotAsync(page, "family-signin-phone");

        await page.Locator("input[name=username]").FillAsync("citizen.zhang");
        await page.Locator("input[name=password]").FillAsync("wrong");
        await page.Locator("form.signin-form button[type=submit]").ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("用户名或密码不正确");

        await page.Locator("input[name=password]").FillAsync(DemoData.Secret);
        await page.Locator("form.signin-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/family/account");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "您已登录" })).ToBeVisibleAsync();
        await Expect(page.Locator(".citizen-identity")).ToContainTextAsync("张伟");
        Assert.DoesNotContain(DemoCitizens.Zhang.IdNumber, await page.ContentAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.GotoAsync("/family/account");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "居民实名登录" })).ToBeVisibleAsync();
    }
}
