using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Domain.Custody;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Tests.Custody;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Custody;

/// <summary>The 遗体火化确认书 at phone width: the counter's page, and the person in charge signing on their own phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CremationConsentPhoneTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [ChromiumFact]
    public async Task TheCounterPage_FitsAPhone_AndThePersonInCharge_SignsOnTheirPhone()
    {
        _ = app.BaseUrl;
        var seeded = await app.RecordAtAsync(CustodyState.InStorage);

        // The funeral home's counter, on a phone-sized screen.
        await using var counter = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var staff = await DemoSignIn.AsAsync(counter, "funeral.liu");
        await staff.GotoAsync(CustodyPages.Consent(seeded.CustodyId));
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "遗体火化确认书", Level = 1 })).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(staff);

        // A wrong entry: the error summary links to the fields, and the page still fits.
        await staff.GetByLabel("丧事承办人姓名").FillAsync(CustodySeed.PersonInCharge.Name);
        await staff.GetByLabel("身份证号码").FillAsync("52011219300101000X");
        await staff.GetByRole(AriaRole.Button, new() { Name = "记录确认书" }).ClickAsync();
        await Expect(staff.Locator(".error-summary")).ToBeVisibleAsync();
        await Expect(staff.Locator(".error-summary a[data-field=idNumber]")).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(staff);

        await staff.GetByLabel("丧事承办人姓名").FillAsync(CustodySeed.PersonInCharge.Name);
        await staff.GetByLabel("身份证号码").FillAsync(CustodySeed.PersonInCharge.IdNumber);
        await staff.GetByLabel("与逝者关系").SelectOptionAsync("child");
        await staff.GetByLabel("联系电话").FillAsync("13912345678");
        await staff.GetByLabel("签署时间").FillAsync(ChinaTime.ToChina(DateTimeOffset.UtcNow.AddMinutes(-10)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await staff.GetByRole(AriaRole.Button, new() { Name = "记录确认书" }).ClickAsync();
        await Expect(staff.GetByText("确认书已记录。")).ToBeVisibleAsync();
        await Expect(staff.GetByText("柜台录入纸质确认书")).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(staff);

        // The person in charge scans the code: the link it holds, opened on their own phone.
        var link = new Uri(await staff.Locator(".custody-link a").GetAttributeAsync("href") ?? "").PathAndQuery;
        await using var own = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var phone = await own.NewPageAsync();
        await FamilySignIn.SignInAsync(phone, "citizen.wang", startAt: link);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "签署遗体火化确认书", Level = 1 })).ToBeVisibleAsync();
        await Expect(phone.Locator(".custody-facts").GetByText("王丽")).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(phone);
        await phone.GetByLabel("与逝者关系").SelectOptionAsync("child");
        await phone.GetByRole(AriaRole.Button, new() { Name = "签署确认书" }).ClickAsync();
        await Expect(phone.GetByText("您已签署遗体火化确认书，殡仪馆已收到。")).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(phone);

        // The counter sees the phone signature, which replaced the paper one.
        await staff.GotoAsync(CustodyPages.Consent(seeded.CustodyId)); // not a reload: that would post the paper form again
        await Expect(staff.GetByText("本人手机签署")).ToBeVisibleAsync();
        await Expect(staff.Locator(".custody-facts").GetByText("王丽")).ToBeVisibleAsync();
    }
}
