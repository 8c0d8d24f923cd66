using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Memorial;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Memorial;

/// <summary>
/// The memorial services on phones (390 px), as one journey: a citizen finds tomorrow's slot at 景云山公墓 on the public
/// page, signs in with real name, is sent to the plate field by the error summary, books and gets the pass with a QR code
/// big enough for the gate; from the pass orders proxy sweeping at the cemetery's published prices; the cemetery's clerk
/// completes the order with a photo chosen in the file field; the citizen sees the photo upright on the order page, then
/// goes back through the family home to the booking and cancels it after confirming. Every page fits the screen, labels
/// sit above fields, the buttons are 44 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MemorialPhoneJourneyTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    [ChromiumFact]
    public async Task A_citizen_on_a_phone_books_a_visit_orders_proxy_sweeping_sees_the_photo_and_cancels_the_visit()
    {
        _ = app.BaseUrl;
        var person = People.Next();
        // The demo data publishes 景云山公墓's next days, open for booking since a week before each.
        var tomorrow = ChinaTime.Today(TimeProvider.System).AddDays(1);
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();

        // 1. The public page, a site, a day, a slot.
        await page.GotoAsync("/memorial");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "预约祭扫", Level = 1 })).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "景云山公墓" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"{tomorrow:yyyy-MM-dd}（{Weekdays[(int)tomorrow.DayOfWeek]}）" }).ClickAsync();
        var card = page.Locator(".memorial-card", new() { HasText = "10:00–12:00" });
        var book = card.GetByRole(AriaRole.Link, new() { Name = "预约这个时段" });
        await Expect(book).ToBeVisibleAsync();
        await ChromiumFixture.AssertTouchTargetAsync(book);
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        var bookUrl = await book.GetAttributeAsync("href") ?? "";

        // 2. Booking needs the real-name sign-in: the link leads there and back.
        await FamilySignIn.SignInAsync(page, person.IdNumber, bookUrl);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "预约祭扫", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".memorial-facts").GetByText("测试" + person.IdNumber[^4..])).ToBeVisibleAsync();
        Assert.DoesNotContain(person.IdNumber, await page.ContentAsync());
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await ChromiumFixture.AssertLabelAboveAsync(page, "partySize");
        await ChromiumFixture.AssertLabelAboveAsync(page, "carPlate");
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "提交预约" });
        await ChromiumFixture.AssertTouchTargetAsync(submit);
        await ChromiumFixture.AssertTouchTargetAsync(page.Locator("#carPlate"));

        // A wrong plate: the summary says so and its link takes the citizen to the field.
        await page.GetByLabel("祭扫人数（含本人）").SelectOptionAsync("2");
        await page.GetByLabel("车牌号（自驾时填写）").FillAsync("ABC");
        await submit.ClickAsync();
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToContainTextAsync("车牌号格式不正确");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.Locator("#carPlate")).ToBeFocusedAsync();

        // 3. The pass.
        await page.Locator("#carPlate").FillAsync("贵A12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交预约" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/family/memorial/bookings/", StringComparison.Ordinal));
        var passPath = new Uri(page.Url).AbsolutePath;
        await Expect(page.GetByText("预约成功。请保存本页，入园时出示二维码和身份证。")).ToBeVisibleAsync();
        await Expect(page.Locator(".memorial-pass-facts")).ToContainTextAsync("贵A12345");
        await Expect(page.Locator(".memorial-pass-facts")).ToContainTextAsync("2 人");
        var qr = await page.Locator(".memorial-qr svg").BoundingBoxAsync();
        Assert.NotNull(qr);
        // Large enough for a gate scanner at arm's length, and within the screen.
        Assert.True(qr.Width >= 250 && qr.X >= 0 && qr.X + qr.Width <= ChromiumFixture.Phone.Width, $"QR code {qr.Width} px at x {qr.X}");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "memorial-pass-phone");

        // 4. From the pass to proxy sweeping: the site, then the options at its published prices.
        await page.GetByRole(AriaRole.Link, new() { Name = "预订代祭扫" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "预订代祭扫", Exact = true })).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await page.Locator(".proxy-site", new() { HasText = "景云山公墓" }).ClickAsync();
        await Expect(page.Locator(".proxy-option")).ToHaveCountAsync(4);
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await ChromiumFixture.AssertTouchTargetAsync(page.Locator(".proxy-option label").First);

        // Forgetting the options and the name: the summary lists both.
        await page.Locator("#graveLocation").FillAsync("松园 3 排 12 号");
        await page.Locator("#wantedDate").FillAsync(tomorrow.AddDays(2).ToString("yyyy-MM-dd"));
        await page.Locator("form.proxy-form button[type=submit]").ClickAsync();
        await Expect(summary).ToContainTextAsync("请至少选择一项代祭扫服务");
        await Expect(summary).ToContainTextAsync("请填写逝者姓名");
        await ChromiumFixture.AssertFitsPhoneAsync(page);

        await page.Locator(".proxy-option", new() { HasText = "清洁墓碑" }).Locator("input").CheckAsync();
        await page.Locator(".proxy-option", new() { HasText = "献花" }).Locator("input").CheckAsync();
        await page.Locator("#deceasedName").FillAsync("张三丰");
        await page.Locator("#message").FillAsync("爸爸，我们都很好。");
        await ChromiumFixture.ScreenshotAsync(page, "proxy-order-form-phone");
        await page.Locator("form.proxy-form button[type=submit]").ClickAsync();
        await Expect(page.Locator(".notice[role=status]")).ToContainTextAsync("订单已提交");
        await Expect(page.Locator(".proxy-total")).ToContainTextAsync("200.00 元");
        await Expect(page.Locator(".proxy-facts .status-ordered")).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        var orderPath = new Uri(page.Url).AbsolutePath;
        var orderId = Guid.Parse(orderPath.Split('/').Last());

        // 5. The cemetery's clerk completes the order on a phone with a photo taken sideways (EXIF orientation 6).
        await using (var staffContext = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone))
        {
            var staff = await DemoSignIn.AsAsync(staffContext, "cemetery.sun");
            await staff.GotoAsync(MemorialPages.ProxyOrders);
            await Expect(staff.Locator(".proxy-card", new() { HasText = "张*丰" })).ToBeVisibleAsync();
            await ChromiumFixture.AssertFitsPhoneAsync(staff);
            await staff.Locator($"a[href='{MemorialPages.SiteProxyOrder(orderId)}']").ClickAsync();
            await Expect(staff.Locator(".proxy-facts")).ToContainTextAsync("张三丰");
            await staff.Locator("#photos").SetInputFilesAsync(new FilePayload
            {
                Name = "headstone.jpg", MimeType = "image/jpeg", Buffer = ProxyImages.WithExifGps(ProxyImages.Jpeg(800, 600), orientation: 6),
            });
            await staff.Locator("#note").FillAsync("墓碑已清洗，鲜花已献上。");
            await ChromiumFixture.AssertFitsPhoneAsync(staff);
            await staff.Locator("form.proxy-form button[type=submit]").ClickAsync();
            await Expect(staff.Locator(".notice[role=status]")).ToContainTextAsync("已完成");
            await Expect(staff.Locator(".proxy-photos img")).ToHaveCountAsync(1);
            await ChromiumFixture.AssertFitsPhoneAsync(staff);
        }

        // 6. The citizen sees the photo: loaded with the citizen's own session, upright (taller than wide), within the screen.
        await page.ReloadAsync();
        await Expect(page.Locator(".proxy-facts .status-completed")).ToBeVisibleAsync();
        await Expect(page.Locator(".proxy-facts").Last).ToContainTextAsync("墓碑已清洗，鲜花已献上。");
        var photo = page.Locator(".proxy-photos img");
        await Expect(photo).ToHaveCountAsync(1);
        await photo.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.proxy-photos img'); return i.complete && i.naturalWidth > 0; }");
        var size = await photo.EvaluateAsync<int[]>("i => [i.naturalWidth, i.naturalHeight, i.getBoundingClientRect().width]");
        Assert.Equal([600, 800], size[..2]);
        Assert.True(size[2] <= ChromiumFixture.Phone.Width, $"photo is {size[2]} px wide on a {ChromiumFixture.Phone.Width} px screen");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "proxy-order-done-phone");

        // 7. Back through the family home to the booking; cancel asks first, the confirmed cancel answers at once.
        await page.GetByRole(AriaRole.Link, new() { Name = "返回代祭扫" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "返回家属办事" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "纪念服务", Level = 2 })).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await page.Locator($".family-card[href='{MemorialPages.MyBookings}']").ClickAsync();
        await page.Locator($"a[href='{passPath}']").ClickAsync();
        var cancel = page.GetByRole(AriaRole.Link, new() { Name = "取消预约" });
        await ChromiumFixture.AssertTouchTargetAsync(cancel);
        await cancel.ClickAsync();
        await Expect(page.GetByText("确定要取消这个预约吗？", new() { Exact = false })).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "确认取消预约" });
        await ChromiumFixture.AssertTouchTargetAsync(confirm);
        await confirm.ClickAsync();
        await Expect(page.GetByText("预约已取消，名额已释放。", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".memorial-qr")).ToHaveCountAsync(0);
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "memorial-pass-cancelled-phone");

        // 8. In English the bookings list and the order fit too.
        await page.GotoAsync("/culture/en?returnUrl=%2Ffamily%2Fmemorial%2Fbookings");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My visit bookings", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".memorial-card")).ToContainTextAsync("Cancelled");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await page.GotoAsync(orderPath);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Proxy-sweeping orders", Exact = true })).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(page);
    }
}
