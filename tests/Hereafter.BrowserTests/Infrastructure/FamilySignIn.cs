using Hereafter.Web.Platform.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Infrastructure;

/// <summary>
/// Signs a family member in the way a phone does it: a family page sends the browser to the demo identity provider,
/// the citizen types user name (or any valid ID number) and password, and the browser comes back signed in.
/// </summary>
public static class FamilySignIn
{
    /// <summary>Opens <paramref name="startAt"/> (a family page), signs in as <paramref name="userName"/> and waits until the page is back there.</summary>
    public static async Task SignInAsync(IPage page, string userName, string startAt = "/family/account")
    {
        await page.GotoAsync(startAt);
        await Expect(page.Locator("input[name=username]")).ToBeVisibleAsync();
        await page.Locator("input[name=username]").FillAsync(userName);
        await page.Locator("input[name=password]").FillAsync(DemoData.Secret);
        await page.Locator("form.signin-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == startAt.Split('?')[0]);
    }
}
