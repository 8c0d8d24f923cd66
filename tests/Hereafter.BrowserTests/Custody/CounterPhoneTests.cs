using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Modules.Certificates.Features.IssueCertificate;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Custody;

/// <summary>
/// The funeral home's counter on a phone (390 px): a pickup posted empty lands on the error summary whose link leads to
/// the field; a typed number opens the record; the arrival is recorded there; neither page scrolls sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CounterPhoneTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private Task<People.Person> IssueAsync() => HospitalCertificates.IssueAsync(app);

    [ChromiumFact]
    public async Task Dispatcher_OnAPhone_PicksUpByNumber_AndRecordsTheArrival()
    {
        var person = await IssueAsync();
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await DemoSignIn.AsAsync(context, "funeral.liu");

        await page.GotoAsync("/custody");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        var submit = page.Locator("form button[type=submit]", new() { HasText = "登记接运" });
        await ChromiumFixture.AssertTouchTargetAsync(submit);
        await submit.ClickAsync();
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await summary.GetByRole(AriaRole.Link, new() { Name = "请扫描证明上的二维码或输入证明编号" }).ClickAsync();
        await Expect(page.Locator("#Pickup-Presented")).ToBeFocusedAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(page);

        await page.Locator("#Pickup-Presented").FillAsync(person.IdNumber);
        await page.Locator("#Pickup-FromAddress").FillAsync("贵阳市第一人民医院太平间");
        await submit.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记接运。" })).ToBeVisibleAsync();
        Assert.Matches("/custody/[0-9a-f]{32}", page.Url);
        await ChromiumFixture.AssertFitsPhoneAsync(page);

        var arrive = page.Locator("form button[type=submit]", new() { HasText = "登记到馆" });
        await ChromiumFixture.AssertTouchTargetAsync(arrive);
        await arrive.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记到馆" })).ToBeVisibleAsync();
        await Expect(page.Locator(".custody-state .status-in-storage")).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "custody-record-phone");

        await page.GotoAsync("/custody");
        await Expect(page.Locator(".custody-card .status-in-storage").First).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "custody-counter-phone");
    }
}
