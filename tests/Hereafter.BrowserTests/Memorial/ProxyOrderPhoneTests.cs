using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Tests.Memorial;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Memorial;

/// <summary>
/// Proxy sweeping on phones (390 px): a family member orders cleaning and flowers at 景云山公墓's published prices,
/// the cemetery's clerk completes the order with a photo chosen in the file field, and the family sees the photo.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProxyOrderPhoneTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [ChromiumFact]
    public async Task A_family_orders_proxy_sweeping_the_cemetery_completes_it_with_a_photo_and_the_family_sees_it()
    {
        _ = app.BaseUrl;
        await using var familyContext = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var family = await familyContext.NewPageAsync();
        await FamilySignIn.SignInAsync(family, "citizen.wang", MemorialPages.NewProxyOrder);

        await Expect(family.GetByRole(AriaRole.Heading, new() { Name = "预订代祭扫", Exact = true })).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(family);
        await family.Locator(".proxy-site", new() { HasText = "景云山公墓" }).ClickAsync();
        await Expect(family.Locator(".proxy-option")).ToHaveCountAsync(4);
        await ChromiumFixture.AssertFitsPhoneAsync(family);
        await AssertTouchTargetAsync(family.Locator(".proxy-option label").First);

        // Forgetting the options and the name: the summary lists both and leads to the options.
        await family.Locator("#graveLocation").FillAsync("松园 3 排 12 号");
        await family.Locator("#wantedDate").FillAsync(DateTime.UtcNow.AddHours(8).AddDays(3).ToString("yyyy-MM-dd"));
        await family.Locator("form.proxy-form button[type=submit]").ClickAsync();
        var summary = family.Locator(".error-summary");
        await Expect(summary).ToContainTextAsync("请至少选择一项代祭扫服务");
        await Expect(summary).ToContainTextAsync("请填写逝者姓名");
        await ChromiumFixture.AssertFitsPhoneAsync(family);

        await family.Locator(".proxy-option", new() { HasText = "清洁墓碑" }).Locator("input").CheckAsync();
        await family.Locator(".proxy-option", new() { HasText = "献花" }).Locator("input").CheckAsync();
        await family.Locator("#deceasedName").FillAsync("张三丰");
        await family.Locator("#message").FillAsync("爸爸，我们都很好。");
        await ChromiumFixture.ScreenshotAsync(family, "proxy-order-form-phone");
        await family.Locator("form.proxy-form button[type=submit]").ClickAsync();
        await Expect(family.Locator(".notice[role=status]")).ToContainTextAsync("订单已提交");
        await Expect(family.Locator(".proxy-total")).ToContainTextAsync("200.00 元");
        await Expect(family.Locator(".proxy-facts .status-ordered")).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(family);
        var orderPath = new Uri(family.Url).AbsolutePath;
        var orderId = Guid.Parse(orderPath.Split('/').Last());

        await using var staffContext = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
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

        await family.ReloadAsync();
        await Expect(family.Locator(".proxy-facts .status-completed")).ToBeVisibleAsync();
        await Expect(family.Locator(".proxy-facts").Last).ToContainTextAsync("墓碑已清洗，鲜花已献上。");
        var photo = family.Locator(".proxy-photos img");
        await Expect(photo).ToHaveCountAsync(1);
        await photo.ScrollIntoViewIfNeededAsync();
        // The browser loaded the stored photo with the family's own session: upright (taller than wide) and within the screen.
        await family.WaitForFunctionAsync("() => { const i = document.querySelector('.proxy-photos img'); return i.complete && i.naturalWidth > 0; }");
        var size = await photo.EvaluateAsync<int[]>("i => [i.naturalWidth, i.naturalHeight, i.getBoundingClientRect().width]");
        Assert.Equal([600, 800], size[..2]);
        Assert.True(size[2] <= 390, $"photo is {size[2]} px wide on a 390 px screen");
        await ChromiumFixture.AssertFitsPhoneAsync(family);
        await ChromiumFixture.ScreenshotAsync(family, "proxy-order-done-phone");

        await family.GotoAsync($"/culture/en?returnUrl={Uri.EscapeDataString(orderPath)}");
        await Expect(family.GetByRole(AriaRole.Heading, new() { Name = "Proxy-sweeping orders", Exact = true })).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(family);
    }

    private static async Task AssertTouchTargetAsync(ILocator target)
    {
        var box = await target.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Height >= 44, $"touch target {box.Width}×{box.Height}");
    }
}
