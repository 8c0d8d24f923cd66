using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Modules.Certificates.Features.IssueCertificate;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Sharing;

[Collection(BrowserCollection.Name)]
public sealed class WorklistJourneyTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    /// <summary>Issues through the real handler, then waits (bounded) for the outbox to open the case.</summary>
    private async Task<(string Number, Guid CaseId)> OpenCaseAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var hospital = await db.Set<Organisation>().SingleAsync(o => o.Code == "gy-first-hospital");
        var doctor = new Actor("test:doctor", "王立新医生", hospital.Id, hospital.Name, hospital.Type, new HashSet<string> { Roles.Certifier });
        var issued = await scope.ServiceProvider.GetRequiredService<IssueCertificateHandler>()
            .HandleAsync(doctor, People.HospitalDeath(People.Next()), CancellationToken.None);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            using var poll = app.Services.CreateScope();
            var found = await poll.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<DeathCase>().AsNoTracking()
                .FirstOrDefaultAsync(c => c.CertificateNumber == issued.Number);
            if (found is not null) return (issued.Number, found.Id);
            await Task.Delay(100);
        }
        throw new TimeoutException($"No case was opened for {issued.Number}.");
    }

    private static async Task SignInAsync(IPage page, string userName, string displayName)
    {
        await page.GotoAsync($"/signin?user={userName}");
        await page.GetByLabel("密码").FillAsync(DemoData.Secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator(".who")).ToHaveTextAsync(displayName);
    }

    private static string Masked(string number) => number[..4] + "**********" + number[^4..];

    [ChromiumFact]
    public async Task Police_OnAPhone_GoesFromTheWorklistToThePersonsCopy2_WithoutTypingTheNumber()
    {
        var (number, caseId) = await OpenCaseAsync();

        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var police = await context.NewPageAsync();
        await SignInAsync(police, "officer.huang", "黄晓东（户籍民警）");
        await police.GotoAsync("/worklist");
        var item = police.Locator($"#case-{caseId:N}");
        await item.GetByRole(AriaRole.Link, new() { Name = "查阅第二联" }).ClickAsync();

        await Expect(police.Locator(".copy-name")).ToContainTextAsync("第二联");
        await Expect(police.Locator(".certificate-view")).ToContainTextAsync(number); // the copy shows the number in full
        Assert.Matches("/lookup/[0-9a-f]{32}$", police.Url);                          // the address never does
        Assert.DoesNotContain(number, police.Url);
        var width = await ChromiumFixture.ScrollWidthAsync(police);
        Assert.True(width <= 390, $"copy 2 scrolls sideways on a phone: scrollWidth {width}");
    }

    [ChromiumFact]
    public async Task Police_RecordsTheHouseholdCancellation_AndTheSupervisorSeesIt()
    {
        var (number, caseId) = await OpenCaseAsync();

        await using var policeContext = await chromium.NewContextAsync(app.BaseUrl);
        var police = await policeContext.NewPageAsync();
        await SignInAsync(police, "officer.huang", "黄晓东（户籍民警）");
        await police.GetByRole(AriaRole.Link, new() { Name = "待办事项" }).First.ClickAsync();
        await Expect(police.GetByRole(AriaRole.Heading, new() { Name = "户口注销待办" })).ToBeVisibleAsync();
        var item = police.Locator($"#case-{caseId:N}");
        await Expect(item).ToContainTextAsync(Masked(number));
        await Expect(item.Locator(".work-badges .status").First).ToContainTextAsync("待接收");
        // The person's copy 2 is one tap away, addressed by the certificate's opaque id (never the ID number).
        var copy = await item.GetByRole(AriaRole.Link, new() { Name = "查阅第二联" }).GetAttributeAsync("href");
        Assert.Matches("^/lookup/[0-9a-f]{32}$", copy);
        Assert.DoesNotContain(number, copy);
        await ChromiumFixture.ScreenshotAsync(police, "worklist-desktop");

        await item.Locator("summary").ClickAsync();
        await item.GetByLabel("已办结（户口已注销）").CheckAsync();
        await item.GetByLabel("户口注销日期").FillAsync("2026-11-26");
        await item.GetByLabel("说明").FillAsync("凭共享第二联注销");
        await ChromiumFixture.ScreenshotAsync(police, "worklist-form-desktop");
        await item.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(police.Locator(".notice")).ToContainTextAsync("已办结。户口注销日期：2026-11-26。");
        await Expect(police.Locator($"#case-{caseId:N} .work-badges .status").First).ToContainTextAsync("已办结");
        await ChromiumFixture.ScreenshotAsync(police, "worklist-saved-desktop");

        await using var supervisorContext = await chromium.NewContextAsync(app.BaseUrl);
        var supervisor = await supervisorContext.NewPageAsync();
        await SignInAsync(supervisor, "supervisor.zhou", "周文静（监管）");
        await supervisor.Locator(".menu-wide summary", new() { HasTextString = "身后事" }).ClickAsync();
        await supervisor.Locator(".menu-wide").GetByRole(AriaRole.Link, new() { Name = "身后事档案" }).ClickAsync();
        await Expect(supervisor.Locator(".case-item").First).ToBeVisibleAsync();
        await ChromiumFixture.ScreenshotAsync(supervisor, "supervision-cases-desktop");
        await supervisor.Locator($"a.case-link[href='/supervision/cases/{caseId}']").ClickAsync();
        var policeTask = supervisor.Locator("section.case-task", new() { Has = supervisor.GetByRole(AriaRole.Heading, new() { Name = "公安（户口注销）" }) });
        await Expect(policeTask.Locator(".case-task-head .status").First).ToContainTextAsync("已办结");
        await Expect(policeTask.Locator(".effective-date")).ToHaveTextAsync("2026-11-26");
        await Expect(policeTask.Locator(".history-table")).ToContainTextAsync("黄晓东（户籍民警）");
        await ChromiumFixture.ScreenshotAsync(supervisor, "case-detail-desktop");

        await supervisor.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/supervision/cases", $"/supervision/cases/{caseId}" })
        {
            await supervisor.GotoAsync(path);
            var width = await ChromiumFixture.ScrollWidthAsync(supervisor);
            Assert.True(width <= 390, $"{path} scrolls sideways on a phone: scrollWidth {width}");
        }
        await ChromiumFixture.ScreenshotAsync(supervisor, "case-detail-phone");
    }

    private static async Task AssertFitsAPhoneAsync(IPage page, string path)
    {
        var width = await ChromiumFixture.ScrollWidthAsync(page);
        Assert.True(width <= 390, $"{path} scrolls sideways on a phone: scrollWidth {width}");
    }

    [ChromiumFact]
    public async Task Department_OnAPhone_FixesAMistakeFromTheErrorSummary_AndSaves_OnPagesNoWiderThanTheScreen()
    {
        var (_, caseId) = await OpenCaseAsync();
        var id = caseId.ToString("N");
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "social.wu", "吴海（养老保险）");

        await page.GotoAsync("/worklist");
        var item = page.Locator($"#case-{id}");
        await Expect(item).ToBeVisibleAsync();
        await item.Locator("summary").ClickAsync();
        await Expect(item.GetByLabel("停发月份")).ToBeVisibleAsync();
        await AssertFitsAPhoneAsync(page, "/worklist");
        await ChromiumFixture.ScreenshotAsync(page, "worklist-phone");

        // A return without its reason: the page comes back with the card's summary in view and focused, the card open.
        await item.GetByLabel("退回", new() { Exact = true }).CheckAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var summary = page.Locator($"#case-{id} .error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToBeInViewportAsync();
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("有 1 处需要修改：");
        await Expect(page.Locator($"#note-{id}-error")).ToHaveTextAsync("退回时须填写原因");
        await Expect(page.Locator($"#status-{id}-rejected")).ToBeCheckedAsync();
        await AssertFitsAPhoneAsync(page, "/worklist with an error");
        await ChromiumFixture.ScreenshotAsync(page, "worklist-error-phone");

        // The summary's link leads to the field; the reason is typed there and the outcome saved.
        await summary.GetByRole(AriaRole.Link, new() { Name = "退回时须填写原因" }).ClickAsync();
        var note = page.Locator($"#note-{id}");
        await Expect(note).ToBeFocusedAsync();
        await Expect(note).ToBeInViewportAsync();
        await note.FillAsync("查无参保记录，请核实");
        await page.Locator($"#case-{id}").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("的办理结果：已退回。");
        await Expect(page.Locator($"#case-{id} .work-badges .status").First).ToContainTextAsync("已退回");
        await Expect(page.Locator(".error-summary")).ToHaveCountAsync(0);
        await AssertFitsAPhoneAsync(page, "/worklist after saving");

        // Every other sharing page fits the screen too.
        await page.GotoAsync("/worklist?all=true");
        await AssertFitsAPhoneAsync(page, "/worklist?all=true");
        await using var supervisorContext = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var supervisor = await supervisorContext.NewPageAsync();
        await SignInAsync(supervisor, "supervisor.zhou", "周文静（监管）");
        foreach (var path in new[] { "/worklist", "/supervision/cases", "/supervision/cases?overdue=true", $"/supervision/cases/{caseId}" })
        {
            await supervisor.GotoAsync(path);
            await Expect(supervisor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await AssertFitsAPhoneAsync(supervisor, path);
        }
        await ChromiumFixture.ScreenshotAsync(supervisor, "case-detail-phone-history");

        // A department's tile on the supervisor's list leads to that department's part of the case.
        await supervisor.GotoAsync("/supervision/cases");
        await supervisor.Locator($"a.task-badge[href='/supervision/cases/{caseId}#task-social-security']").ClickAsync();
        var social = supervisor.Locator("#task-social-security");
        await Expect(social.Locator(".case-task-head .status").First).ToContainTextAsync("已退回");
        await Expect(social.Locator(".history-table")).ToContainTextAsync("查无参保记录，请核实");
    }
}
