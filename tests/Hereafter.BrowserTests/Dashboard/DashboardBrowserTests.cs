using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Modules.Dashboard.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Dashboard;

/// <summary>
/// The bureau's dashboard on a projector-sized desktop and on a 390 px phone: the charts are drawn (server-side SVG,
/// no script), sized to the screen, each with its table; the filter's fields are 44 px and nothing scrolls sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [ChromiumFact]
    public async Task TheDashboard_IsReadable_OnADesktop_AndOnAPhone()
    {
        _ = app.BaseUrl;
        foreach (var (viewport, name) in new[] { (ChromiumFixture.Desktop, "desktop"), (ChromiumFixture.Phone, "phone") })
        {
            await using var context = await chromium.NewContextAsync(app.BaseUrl, viewport);
            var page = await DemoSignIn.AsAsync(context, "supervisor.zhou");
            await page.GotoAsync(DashboardPages.Home);

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "监管驾驶舱", Level = 1 })).ToBeVisibleAsync();
            var charts = page.Locator("svg[role=img]");
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "每月签发的证明及其时效" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "各部门任务及按时签收" })).ToBeVisibleAsync();
            var count = await charts.CountAsync();
            Assert.True(count >= 2, $"{count} charts");
            for (var i = 0; i < count; i++)
            {
                var box = await charts.Nth(i).BoundingBoxAsync();
                Assert.NotNull(box);
                Assert.True(box.Width > 200 && box.X >= 0 && box.X + box.Width <= viewport.Width, $"chart {i} is {box.Width} px at x {box.X} on {viewport.Width} px");
            }
            await Expect(page.Locator("figure.chart table caption").First).ToHaveTextAsync("每月签发的证明及其时效");
            await ChromiumFixture.AssertTouchTargetAsync(page.Locator("#district"));
            await ChromiumFixture.AssertTouchTargetAsync(page.GetByRole(AriaRole.Button, new() { Name = "查询" }));
            if (viewport.Width == ChromiumFixture.Phone.Width) await ChromiumFixture.AssertFitsPhoneAsync(page);
            await ChromiumFixture.ScreenshotAsync(page, $"dashboard-{name}");
        }
    }
}
