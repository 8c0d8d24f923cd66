using System.Globalization;
using System.Text.RegularExpressions;
using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Domain.Time;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Custody;

/// <summary>
/// The closed loop across three organisations, through pages only: the funeral home's dispatcher picks the body up by
/// the certificate's number, records the arrival, is refused cremation until the person in charge's 遗体火化确认书 is
/// entered, cremates, issues and hands over the 火化证明, records the agreement for a plot at 景云山公墓 and releases the
/// ashes; the cemetery records the burial against the 火化证明; the bureau's supervisor reads the whole timeline.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClosedLoopJourneyTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private static string MinutesAgo(int minutes) =>
        ChinaTime.ToChina(DateTimeOffset.UtcNow.AddMinutes(-minutes)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    [ChromiumFact]
    public async Task From_pickup_at_the_funeral_home_to_the_cemeterys_burial_and_the_bureaus_timeline()
    {
        var deceased = await HospitalCertificates.IssueAsync(app);
        var inCharge = People.Next("2");
        string recordPath;
        string cremationNumber;

        // The funeral home, on a phone: pickup and arrival.
        await using (var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone))
        {
            var home = await DemoSignIn.AsAsync(context, "funeral.liu");
            await home.GotoAsync("/custody");
            await home.Locator("#Pickup-Presented").FillAsync(deceased.IdNumber);
            await home.Locator("#Pickup-PickedUpAt").FillAsync(MinutesAgo(90));
            await home.Locator("#Pickup-FromAddress").FillAsync("贵阳市第一人民医院太平间");
            await home.GetByRole(AriaRole.Button, new() { Name = "登记接运" }).ClickAsync();
            await Expect(home.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记接运。" })).ToBeVisibleAsync();
            recordPath = new Uri(home.Url).AbsolutePath;
            Assert.Matches("^/custody/[0-9a-f]{32}$", recordPath);
            Assert.DoesNotContain(deceased.IdNumber, home.Url);
            await home.GetByRole(AriaRole.Button, new() { Name = "登记到馆" }).ClickAsync();
            await Expect(home.Locator(".custody-state .status-in-storage")).ToBeVisibleAsync();

            // Cremation without the consent is refused, saying what is missing.
            await home.GetByRole(AriaRole.Link, new() { Name = "火化与火化证明" }).ClickAsync();
            await home.GetByLabel("火化时间").FillAsync(MinutesAgo(20));
            await home.GetByLabel("火化炉号").FillAsync("3");
            await home.GetByRole(AriaRole.Button, new() { Name = "记录火化" }).ClickAsync();
            await Expect(home.Locator(".error-summary")).ToContainTextAsync("缺少丧事承办人签署的遗体火化确认书");
            await ChromiumFixture.AssertFitsPhoneAsync(home);

            // The person in charge's signed paper, entered at the counter.
            await home.GotoAsync(recordPath);
            await home.GetByRole(AriaRole.Link, new() { Name = "遗体火化确认书" }).ClickAsync();
            await home.GetByLabel("丧事承办人姓名").FillAsync(inCharge.Name);
            await home.GetByLabel("身份证号码").FillAsync(inCharge.IdNumber);
            await home.GetByLabel("与逝者关系").SelectOptionAsync("child");
            await home.GetByLabel("联系电话").FillAsync("13912345678");
            await home.GetByLabel("签署时间").FillAsync(MinutesAgo(40));
            await home.GetByRole(AriaRole.Button, new() { Name = "记录确认书" }).ClickAsync();
            await Expect(home.GetByText("确认书已记录。")).ToBeVisibleAsync();
            await ChromiumFixture.AssertFitsPhoneAsync(home);

            // Cremation, the 火化证明 and its collection.
            await home.GotoAsync(recordPath);
            await home.GetByRole(AriaRole.Link, new() { Name = "火化与火化证明" }).ClickAsync();
            await home.GetByLabel("火化时间").FillAsync(MinutesAgo(20));
            await home.GetByLabel("火化炉号").FillAsync("3");
            await home.GetByRole(AriaRole.Button, new() { Name = "记录火化" }).ClickAsync();
            await home.GetByRole(AriaRole.Button, new() { Name = "出具火化证明" }).ClickAsync();
            var number = home.Locator(".custody-facts dd[translate=no]").First;
            await Expect(number).ToHaveTextAsync(new Regex(@"-\d{4}-\d{6}$"));
            cremationNumber = (await number.TextContentAsync())!.Trim();
            await home.Locator("#collect-name").FillAsync(inCharge.Name);
            await home.Locator("#collect-idNumber").FillAsync(inCharge.IdNumber);
            await home.Locator("#collect-relationship").SelectOptionAsync("child");
            await home.GetByRole(AriaRole.Button, new() { Name = "登记领取" }).ClickAsync();
            await Expect(home.Locator(".custody-facts", new() { HasText = "领取人" })).ToContainTextAsync(inCharge.Name);
            await ChromiumFixture.AssertFitsPhoneAsync(home);

            // The agreement for a plot at 景云山公墓, and the ashes handed to the person in charge.
            await home.GotoAsync(recordPath);
            await home.GetByRole(AriaRole.Link, new() { Name = "骨灰去向与交付" }).ClickAsync();
            await home.Locator("#destinationType").SelectOptionAsync("cemetery-plot");
            await home.Locator("#institutionId").SelectOptionAsync(new SelectOptionValue { Label = "景云山公墓" });
            await home.Locator("#plotOrNiche").FillAsync("松园-08-12");
            await home.GetByRole(AriaRole.Button, new() { Name = "保存协议" }).ClickAsync();
            await Expect(home.Locator(".notice")).ToContainTextAsync("已保存骨灰安放（葬）协议");
            await home.Locator("#releasedAt").FillAsync(MinutesAgo(5));
            await home.Locator("#to").FillAsync(inCharge.Name);
            await home.GetByRole(AriaRole.Button, new() { Name = "确认交付" }).ClickAsync();
            await Expect(home.Locator(".notice")).ToContainTextAsync("骨灰已交付");
            await ChromiumFixture.AssertFitsPhoneAsync(home);
        }

        // The cemetery records the burial against the 火化证明: the loop closes.
        await using (var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone))
        {
            var cemetery = await DemoSignIn.AsAsync(context, "cemetery.sun");
            await cemetery.GotoAsync("/custody/burials");
            await cemetery.Locator("#burial-cremationCertificateNumber").FillAsync(cremationNumber);
            await cemetery.Locator("#burial-plotOrNiche").FillAsync("松园-08-12");
            await cemetery.Locator("#burial-buriedAt").FillAsync(MinutesAgo(1));
            await cemetery.GetByRole(AriaRole.Button, new() { Name = "登记安葬" }).ClickAsync();
            await Expect(cemetery.Locator(".notice")).ToContainTextAsync("已登记安葬");
            await ChromiumFixture.AssertFitsPhoneAsync(cemetery);
        }

        // The bureau's supervisor finds the placed record and reads every step, with the deceased masked.
        await using (var context = await chromium.NewContextAsync(app.BaseUrl))
        {
            var bureau = await DemoSignIn.AsAsync(context, "supervisor.zhou");
            await bureau.GotoAsync("/supervision/custody?state=placed");
            await bureau.Locator($"a[href='{recordPath}']").First.ClickAsync();
            await bureau.WaitForURLAsync(url => new Uri(url).AbsolutePath == recordPath);
            await Expect(bureau.Locator(".custody-state .status-placed")).ToBeVisibleAsync();
            var timeline = bureau.Locator(".custody-timeline");
            foreach (var step in new[] { "接运", "到馆入库", "签署遗体火化确认书", "火化", "出具火化证明", "领取火化证明", "签订骨灰安放（葬）协议", "骨灰交付", "安放（葬）" })
                await Expect(timeline).ToContainTextAsync(step);
            await Expect(timeline).ToContainTextAsync("景云山公墓");
            await Expect(timeline).ToContainTextAsync(cremationNumber);
            Assert.DoesNotContain(deceased.IdNumber, await bureau.ContentAsync());
            await ChromiumFixture.ScreenshotAsync(bureau, "custody-supervisor-timeline");
        }
    }
}
