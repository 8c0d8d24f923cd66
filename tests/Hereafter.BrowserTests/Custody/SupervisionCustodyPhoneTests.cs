using Hereafter.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Custody;

/// <summary>The bureau's page of the loop on a 390 px phone, with the demo's records: no sideways scroll, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionCustodyPhoneTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [ChromiumFact]
    public async Task SupervisionCustody_FitsAPhone_AndItsOverdueRowLeadsToTheRecord()
    {
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await DemoSignIn.AsAsync(context, "supervisor.zhou");
        foreach (var path in new[] { "/supervision/custody", "/supervision/custody?state=placed&overdue=false#records", "/supervision/custody?overdue=false" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).ToHaveTextAsync("遗体与骨灰监管");
            await ChromiumFixture.AssertFitsPhoneAsync(page);
        }

        await page.GotoAsync("/supervision/custody");
        var overdue = page.Locator("tr[data-custody]").Filter(new() { Has = page.Locator(".status-over-storage-limit") }).First;
        await Expect(overdue).ToBeVisibleAsync();
        var href = await overdue.Locator("a").First.GetAttributeAsync("href");
        Assert.Matches("^/custody/[0-9a-f]{32}$", href);
        await ChromiumFixture.ScreenshotAsync(page, "supervision-custody-phone");

        await page.GotoAsync("/culture/en?returnUrl=/supervision/custody");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Remains and ashes supervision");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
    }
}
