using System.Net;
using System.Net.Http.Json;
using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Family;
using Hereafter.Web.Tests.Sharing;
using Microsoft.Playwright;
using static Hereafter.Web.Tests.Sharing.FamilyTaskSupport;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Family;

/// <summary>
/// A family member on a phone (390 px) signs in, opens the bank's answer, forgets the undertaking, is sent to it by the
/// error summary, ticks it and releases a sum; the page fits the screen in both languages and its targets are 44 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DepositReleasePhoneTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [ChromiumFact]
    public async Task A_family_member_on_a_phone_releases_a_small_deposit_after_ticking_the_undertaking()
    {
        _ = app.BaseUrl;
        var (_, caseId) = await app.IssueCaseAsync();
        var icbc = await app.OrganisationIdAsync("icbc-guiyang");
        await app.AdmitAsync(caseId, DepositReleaseFactory.Wang);
        await app.OpenAsync(caseId, Ask(CaseTaskItem.BankDeposits, icbc));
        var bank = await app.ClientForAsync("demo-bank");
        var answered = await bank.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/bank/outcome?item=bank-deposits", new
        {
            status = "done", effectiveDate = "2026-12-04",
            accounts = new object[]
            {
                new { type = "活期", accountNumber = "6222021234567890123", balance = 23_456.78m },
                new { type = "定期", accountNumber = "6222021234567890456", balance = 10_000m },
                new { type = "丧葬费", accountNumber = "6222021234567890789", balance = 8_000m },
            },
            releaseOffered = true,
        });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var path = $"/family/cases/{caseId}/deposit-release?bank={icbc}";
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();
        await FamilySignIn.SignInAsync(page, "citizen.wang", path);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "小额存款提取", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".deposit-account")).ToHaveCountAsync(3);
        await Expect(page.Locator(".remaining")).ToHaveTextAsync("33,456.78 元");
        Assert.DoesNotContain("6222021234567890123", await page.ContentAsync());
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await ChromiumFixture.AssertTouchTargetAsync(page.Locator("label[for=undertaking]").Locator(".."));
        await ChromiumFixture.AssertTouchTargetAsync(page.Locator("button.confirm-release"));
        await ChromiumFixture.ScreenshotAsync(page, "family-deposit-release-phone");

        // Without the tick the browser's own check stops the form: the page works without it, so bypass it as a script-less post would.
        await page.Locator("input[name=amount]").FillAsync("5000");
        await page.EvaluateAsync("document.querySelector('form[method=post] input[name=undertaking]').removeAttribute('required')");
        await page.Locator("button.confirm-release").ClickAsync();
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToContainTextAsync("请阅读并勾选承诺书");
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.Locator("#undertaking")).ToBeFocusedAsync();

        await page.Locator("#undertaking").CheckAsync();
        await page.Locator("button.confirm-release").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "已提交提取申请" })).ToBeVisibleAsync();
        await Expect(page.Locator(".released-amount")).ToHaveTextAsync("5,000.00 元");
        await Expect(page.Locator(".remaining")).ToHaveTextAsync("28,456.78 元");
        await ChromiumFixture.AssertFitsPhoneAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "family-deposit-release-done-phone");

        await page.GotoAsync($"/culture/en?returnUrl={Uri.EscapeDataString(path)}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Small-deposit release", Exact = true })).ToBeVisibleAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(page);
    }
}
