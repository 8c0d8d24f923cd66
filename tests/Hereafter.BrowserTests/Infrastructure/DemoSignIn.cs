using Hereafter.Web.Platform.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Infrastructure;

/// <summary>Signs a browser context in through the real sign-in page as one of the demo accounts seeded in Development.</summary>
public static class DemoSignIn
{
    /// <summary>A new page of <paramref name="context"/>, signed in as <paramref name="userName"/> and showing where that person starts (the home page; the dashboard for civil affairs).</summary>
    public static async Task<IPage> AsAsync(IBrowserContext context, string userName)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/signin?user={Uri.EscapeDataString(userName)}");
        await page.GetByLabel("密码").FillAsync(DemoData.Secret);
        await page.Locator("form.signin-form button[type=submit]").ClickAsync();
        await Expect(page.Locator(".who")).ToBeAttachedAsync();
        return page;
    }
}
