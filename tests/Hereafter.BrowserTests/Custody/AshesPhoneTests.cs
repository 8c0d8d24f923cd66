using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Tests.Custody;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Custody;

/// <summary>
/// The ashes page of the funeral home and the cemetery's burials page on a 390 px phone: forms filled and posted
/// with the keyboard-sized fields, nothing wider than the screen before or after, errors in the summary.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AshesPhoneTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [ChromiumFact]
    public async Task TheFuneralHome_AgreesAndReleases_ThenTheCemeteryRecordsTheBurial_AtPhoneWidth()
    {
        var seeded = await app.RecordAtAsync(CustodyState.Cremated);

        await using (var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone))
        {
            var page = await DemoSignIn.AsAsync(context, "funeral.liu");
            await page.GotoAsync(CustodyPages.Ashes(seeded.CustodyId));
            await ChromiumFixture.AssertFitsPhoneAsync(page);

            await page.Locator("#destinationType").SelectOptionAsync("taken-home");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存协议" }).ClickAsync();
            await Expect(page.Locator(".error-summary")).ToContainTextAsync("骨灰去向承诺书");
            await ChromiumFixture.AssertFitsPhoneAsync(page);

            await page.Locator("#destinationType").SelectOptionAsync("sea-scattering");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存协议" }).ClickAsync();
            await Expect(page.Locator(".notice")).ToContainTextAsync("已保存骨灰安放（葬）协议");

            await page.Locator("#to").FillAsync("王小明");
            await page.GetByRole(AriaRole.Button, new() { Name = "确认交付" }).ClickAsync();
            await Expect(page.Locator(".notice")).ToContainTextAsync("骨灰已交付");
            await ChromiumFixture.AssertFitsPhoneAsync(page);
            await ChromiumFixture.ScreenshotAsync(page, "custody-ashes-phone");
        }

        await using (var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone))
        {
            var page = await DemoSignIn.AsAsync(context, "cemetery.sun");
            await page.GotoAsync(CustodyPages.Burials);
            await ChromiumFixture.AssertFitsPhoneAsync(page);

            await page.Locator("#burial-plotOrNiche").FillAsync("松园-08-12");
            await page.GetByRole(AriaRole.Button, new() { Name = "登记安葬" }).ClickAsync();
            await Expect(page.Locator(".error-summary a[href$='#burial-certificateNumber']")).ToBeVisibleAsync();

            await page.Locator("#burial-certificateNumber").FillAsync(seeded.CertificateNumber);
            await page.Locator("#burial-plotOrNiche").FillAsync("松园-08-12");
            await page.GetByRole(AriaRole.Button, new() { Name = "登记安葬" }).ClickAsync();
            await Expect(page.Locator(".notice")).ToContainTextAsync("已登记安葬");
            await Expect(page.Locator(".ashes-card").First).ToContainTextAsync("松园-08-12");
            await ChromiumFixture.AssertFitsPhoneAsync(page);
            await ChromiumFixture.ScreenshotAsync(page, "custody-burials-phone");
        }
    }
}
