using System.Net;
using System.Net.Http.Json;
using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Family;

/// <summary>王丽 on a phone applies once for her father's after-death tasks and follows the answers.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FamilyApplyJourneyTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    /// <summary>王建国's case (a demo certificate whose family contact is 王丽), with 王丽 admitted to it.</summary>
    private async Task<Guid> WangsFathersCaseAsync()
    {
        var caseId = await DemoCases.OpenedForAsync(app, DemoData.IdFor("520102", new DateOnly(1942, 5, 14), 131));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var wang = DemoCitizens.Wang;
        if (!await db.Set<FamilyAdmission>().AnyAsync(a => a.CaseId == caseId && a.CitizenSubject == wang.Subject))
        {
            db.Add(new FamilyAdmission
            {
                Id = Guid.NewGuid(), CaseId = caseId, CitizenSubject = wang.Subject, CitizenName = wang.Name, CitizenIdNumber = wang.IdNumber,
                CitizenPhone = wang.Phone, Relationship = Relationship.Child, Status = AdmissionStatus.Admitted, CreatedAt = DateTimeOffset.UtcNow,
                DecidedAt = DateTimeOffset.UtcNow, DecidedBy = "family contact",
            });
            await db.SaveChangesAsync();
        }
        return caseId;
    }

    /// <summary>Chinese text on an English page outside an element marked <c>lang="zh-CN"</c> (stored names) or a code.</summary>
    private static Task<string[]> ChineseOnEnglishPageAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
            const out = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const el = walker.currentNode.parentElement;
                if (!el || el.closest('script, style, .mono, [lang^="zh"]')) continue;
                if (/[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]/.test(walker.currentNode.textContent)) out.push(walker.currentNode.textContent.trim());
            }
            return out;
        }
        """);


    [ChromiumFact]
    public async Task Wang_AppliesOnAPhone_SeesTheEstimateFirst_ThenEachDepartmentsAnswer()
    {
        var caseId = await WangsFathersCaseAsync();
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();
        await FamilySignIn.SignInAsync(page, "citizen.wang", $"/family/cases/{caseId}/apply");

        await Expect(page.Locator(".apply-prefilled")).ToContainTextAsync("王丽");
        await Expect(page.Locator(".apply-prefilled")).ToContainTextAsync("王建国");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "养老保险停发及个人账户支付" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "遗属待遇（丧葬补助金、抚恤金）" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "存款查询" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "中国工商银行贵阳分行" }).CheckAsync();
        await page.GetByLabel("逝者缴费年限（年）").FillAsync("16");
        await page.GetByRole(AriaRole.Button, new() { Name = "计算" }).ClickAsync();

        await Expect(page.Locator(".benefit-estimate")).ToContainTextAsync("10 个月");
        await Expect(page.Locator(".benefit-estimate")).ToContainTextAsync("42,771.96");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "养老保险停发及个人账户支付" })).ToBeCheckedAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "family-apply-estimate-phone");

        await page.GetByLabel("开户银行").FillAsync("中国工商银行贵阳分行");
        await page.GetByLabel("账号").FillAsync("6222 0212 3456 7890 123");
        await page.GetByLabel("户名").FillAsync("王丽");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/family/cases/{caseId}");
        await Expect(page.Locator(".notice")).ToContainTextAsync("已提交申请");
        var pension = page.Locator(".progress-task", new() { HasText = "养老保险停发及个人账户支付" });
        await Expect(pension).ToContainTextAsync("待接收");
        await ChromiumFixture.AssertFitsPhoneAsync(page);

        using (var social = await app.ClientForAsync("demo-social-security"))
        {
            var answered = await social.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/social-security/outcome?item=pension",
                new { status = "done", effectiveDate = "2026-12", amount = 8650.40m, note = "个人账户余额已支付" });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
        using (var bank = await app.ClientForAsync("demo-bank"))
        {
            var answered = await bank.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/bank/outcome?item=bank-deposits", new
            {
                status = "done", effectiveDate = "2026-12-04",
                accounts = new[] { new { type = "活期", accountNumber = "6222021234567890123", balance = 23456.78m } }, releaseOffered = true,
            });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        await page.ReloadAsync();
        await Expect(pension).ToContainTextAsync("已办结");
        await Expect(pension).ToContainTextAsync("8,650.40");
        var deposits = page.Locator(".progress-task", new() { HasText = "存款查询" });
        await Expect(deposits).ToContainTextAsync("****0123");
        await Expect(deposits.GetByRole(AriaRole.Link, new() { Name = "办理小额存款提取" }))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"/family/cases/{caseId}/deposit-release\\?bank="));
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "family-progress-phone");

        await page.GotoAsync("/family/notifications");
        await Expect(page.Locator(".notification-list li").First).ToBeVisibleAsync(new() { Timeout = 15000 });
        await ChromiumFixture.AssertFitsPhoneAsync(page);

        await page.GotoAsync($"/culture/en?returnUrl=/family/cases/{caseId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Progress");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        Assert.Empty(await ChineseOnEnglishPageAsync(page));
        await page.GotoAsync($"/family/cases/{caseId}/apply");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        Assert.Empty(await ChineseOnEnglishPageAsync(page));
        await page.GotoAsync("/family/notifications");
        Assert.Empty(await ChineseOnEnglishPageAsync(page));
    }
}
