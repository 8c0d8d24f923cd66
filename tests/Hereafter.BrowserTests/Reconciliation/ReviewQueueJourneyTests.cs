using System.Text;
using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Modules.Certificates.Features.IssueCertificate;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Reconciliation;

/// <summary>A pension clerk on a phone uploads a roll, opens its review row, sees the one character that differs, decides, and the tiles follow.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewQueueJourneyTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private Task<People.Person> IssueAsync() => HospitalCertificates.IssueAsync(app);

    private static async Task AssertFitsAsync(IPage page)
    {
        var width = await ChromiumFixture.ScrollWidthAsync(page);
        Assert.True(width <= 390, $"{page.Url} scrolls sideways on a phone: scrollWidth {width}");
    }

    [ChromiumFact]
    public async Task Clerk_OnAPhone_DecidesAReviewRow_SeeingTheDifferingCharacter_AndTheTilesUpdate()
    {
        var dead = await IssueAsync();
        var other = dead.Name[1] == '健' ? '建' : '健';
        var roll = $"身份证号,姓名,月发放金额,已发放至\n{dead.IdNumber},{dead.Name[0]}{other}{dead.Name[2]},500.00,2099-12\n";

        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin?user=social.wu");
        await page.GetByLabel("密码").FillAsync(DemoData.Secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator(".who")).ToHaveTextAsync("吴海（养老保险）");

        await page.GotoAsync("/reconciliation");
        await AssertFitsAsync(page);
        await Expect(page.Locator("#template-link")).ToBeVisibleAsync();
        await page.Locator("#programme").SelectOptionAsync(new SelectOptionValue { Value = "enterprise-pension" });
        await Expect(page.Locator("#programme option[value=enterprise-pension]")).ToHaveTextAsync("企业职工基本养老保险");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "名册.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(roll) });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并比对" }).ClickAsync();
        await Expect(page.Locator("#job-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 60_000 });
        await Expect(page.Locator("#review-count")).ToHaveTextAsync("1");
        await Expect(page.Locator("#exact-stops")).ToHaveTextAsync("0");
        await AssertFitsAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "reconciliation-job-phone");

        // The review row's card leads to its decision page.
        var decide = page.Locator("#review-2").GetByRole(AriaRole.Link, new() { Name = "对照核实并决定" });
        await ChromiumFixture.AssertTouchTargetAsync(decide);
        await decide.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "第 2 行：需人工核实" })).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await Expect(page.Locator("#compare-name td").Nth(0).Locator("mark")).ToHaveTextAsync(other.ToString());
        await Expect(page.Locator("#compare-name td").Nth(1).Locator("mark")).ToHaveTextAsync(dead.Name[1].ToString());
        await Expect(page.Locator("#compare-name td").Nth(0)).ToHaveTextAsync($"{dead.Name[0]}{other}{dead.Name[2]}");
        await Expect(page.Locator("#differences")).ToContainTextAsync($"第 2 位 {other}");
        await Expect(page.Locator("#compare-id td").Nth(0)).ToContainTextAsync("**********");
        foreach (var cell in await page.Locator("#compare-id td").AllAsync())
        {
            var box = await cell.BoundingBoxAsync();
            Assert.True(box is not null && box.X + box.Width <= 390, $"an ID number is cut at the screen's edge: {box?.X}+{box?.Width}");
        }
        await ChromiumFixture.ScreenshotAsync(page, "reconciliation-review-row-phone");

        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "确认为同一人" });
        await ChromiumFixture.AssertTouchTargetAsync(confirm);
        await confirm.ClickAsync();

        await Expect(page.Locator(".notice")).ToContainTextAsync("第 2 行已确认为同一人");
        await Expect(page.Locator("#review-count")).ToHaveTextAsync("0");
        await Expect(page.Locator("#exact-stops")).ToHaveTextAsync("1");
        await Expect(page.Locator("#review-2 .status")).ToContainTextAsync("已确认为同一人");
        await Expect(page.Locator("#stop-2")).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "reconciliation-decided-phone");
    }

    [ChromiumFact]
    public async Task Supervisor_OnAPhone_ReadsTheStatistics_WithoutSidewaysScrolling()
    {
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin?user=supervisor.zhou");
        await page.GetByLabel("密码").FillAsync(DemoData.Secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator(".who")).ToHaveTextAsync("周文静（监管）");
        await page.GotoAsync("/supervision/reconciliation");
        await AssertFitsAsync(page);
        var rows = page.Locator("#statistics-table tbody tr[data-programme]");
        if (await rows.CountAsync() > 0)
        {
            // A programme's name reads on one or two lines, not one character per line.
            var box = await rows.First.Locator("td.programme").BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Height < 100, $"the programme cell is {box.Height} px tall");
        }
        await ChromiumFixture.ScreenshotAsync(page, "reconciliation-statistics-phone");
    }
}
