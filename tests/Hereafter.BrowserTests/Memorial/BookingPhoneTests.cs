using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Domain.Time;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Memorial;

/// <summary>
/// A citizen on a phone (390 px) finds tomorrow's slot at 景云山公墓 on the public page, signs in with real name, is sent
/// to the plate field by the error summary, books, sees the pass with a QR code big enough for the gate, and cancels
/// after confirming. Every page fits the screen, labels sit above fields, the buttons are 44 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BookingPhoneTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    [ChromiumFact]
    public async Task A_citizen_on_a_phone_books_a_slot_gets_the_pass_and_cancels_it()
    {
        _ = app.BaseUrl;
        var person = People.Next();
        // The demo data publishes 景云山公墓's next days, open for booking since a week before each.
        var tomorrow = ChinaTime.Today(TimeProvider.System).AddDays(1);
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/memorial");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "预约祭扫", Level = 1 })).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "景云山公墓" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"{tomorrow:yyyy-MM-dd}（{Weekdays[(int)tomorrow.DayOfWeek]}）" }).ClickAsync();
        var card = page.Locator(".memorial-card", new() { HasText = "10:00–12:00" });
        var book = card.GetByRole(AriaRole.Link, new() { Name = "预约这个时段" });
        await Expect(book).ToBeVisibleAsync();
        await AssertTouchTargetAsync(book);
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        var bookUrl = await book.GetAttributeAsync("href") ?? "";

        // Booking needs the real-name sign-in: the link leads there and back.
        await FamilySignIn.SignInAsync(page, person.IdNumber, bookUrl);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "预约祭扫", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".memorial-facts").GetByText("测试" + person.IdNumber[^4..])).ToBeVisibleAsync();
        Assert.DoesNotContain(person.IdNumber, await page.ContentAsync());
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await AssertLabelAboveAsync(page, "partySize");
        await AssertLabelAboveAsync(page, "carPlate");
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "提交预约" });
        await AssertTouchTargetAsync(submit);
        await AssertTouchTargetAsync(page.Locator("#carPlate"));

        // A wrong plate: the summary says so and its link takes the citizen to the field.
        await page.GetByLabel("祭扫人数（含本人）").SelectOptionAsync("2");
        await page.GetByLabel("车牌号（自驾时填写）").FillAsync("ABC");
        await submit.ClickAsync();
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToContainTextAsync("车牌号格式不正确");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.Locator("#carPlate")).ToBeFocusedAsync();

        await page.Locator("#carPlate").FillAsync("贵A12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交预约" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/family/memorial/bookings/", StringComparison.Ordinal));
        await Expect(page.GetByText("预约成功。请保存本页，入园时出示二维码和身份证。")).ToBeVisibleAsync();
        await Expect(page.Locator(".memorial-pass-facts")).ToContainTextAsync("贵A12345");
        await Expect(page.Locator(".memorial-pass-facts")).ToContainTextAsync("2 人");
        var qr = await page.Locator(".memorial-qr svg").BoundingBoxAsync();
        Assert.NotNull(qr);
        // Large enough for a gate scanner at arm's length, and within the screen.
        Assert.True(qr.Width >= 250 && qr.X >= 0 && qr.X + qr.Width <= ChromiumFixture.Phone.Width, $"QR code {qr.Width} px at x {qr.X}");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "memorial-pass-phone");

        // Cancel asks first; the confirmed cancel answers at once.
        var cancel = page.GetByRole(AriaRole.Link, new() { Name = "取消预约" });
        await AssertTouchTargetAsync(cancel);
        await cancel.ClickAsync();
        await Expect(page.GetByText("确定要取消这个预约吗？", new() { Exact = false })).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "确认取消预约" });
        await AssertTouchTargetAsync(confirm);
        await confirm.ClickAsync();
        await Expect(page.GetByText("预约已取消，名额已释放。", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".memorial-qr")).ToHaveCountAsync(0);
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "memorial-pass-cancelled-phone");

        // The list and the pass in English fit too.
        await page.GotoAsync("/culture/en?returnUrl=%2Ffamily%2Fmemorial%2Fbookings");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My visit bookings", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".memorial-card")).ToContainTextAsync("Cancelled");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
    }

    private static async Task AssertTouchTargetAsync(ILocator target)
    {
        var box = await target.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Height >= 44 && box.Width >= 44, $"touch target {box.Width}×{box.Height}");
    }

    private static async Task AssertLabelAboveAsync(IPage page, string id)
    {
        var label = await page.Locator($"label[for={id}]").BoundingBoxAsync();
        var field = await page.Locator($"#{id}").BoundingBoxAsync();
        Assert.NotNull(label);
        Assert.NotNull(field);
        Assert.True(label.Y + label.Height <= field.Y + 1, $"the label of {id} is not above it ({label.Y}+{label.Height} vs {field.Y})");
    }
}
