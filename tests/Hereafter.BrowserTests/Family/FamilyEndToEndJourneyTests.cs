using System.Text.RegularExpressions;
using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Family;

/// <summary>
/// The whole family journey on phones, through pages only: 张伟 signs in at the identity provider, finds his father's case
/// (admitted at once: he is the certificate's family contact), applies for a deposit query at 工行, the bank's clerk
/// answers on her worklist with the accounts and a release offer, and 张伟 sees the answer and releases a small deposit.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FamilyEndToEndJourneyTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{

    [ChromiumFact]
    public async Task A_family_on_a_phone_goes_from_sign_in_to_the_banks_answer_and_a_release()
    {
        var number = DemoData.IdFor("520102", new DateOnly(1935, 1, 20), 53);
        var caseId = await DemoCases.OpenedForAsync(app, number); // 张德明's case
        await using var familyContext = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var family = await familyContext.NewPageAsync();

        // Sign in at the identity provider and find the case.
        await FamilySignIn.SignInAsync(family, "citizen.zhang", "/family");
        await ChromiumFixture.AssertFitsPhoneAsync(family);
        await family.GetByLabel("证明编号（逝者身份证号码）").FillAsync(number);
        await family.GetByLabel("逝者姓名").FillAsync("张德明");
        await family.GetByLabel("您与逝者的关系").SelectOptionAsync("child");
        await family.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await Expect(family.Locator(".notice")).ToContainTextAsync("您是证明上登记的家属联系人");
        await family.GetByRole(AriaRole.Link, new() { Name = "查看档案并申请办理" }).ClickAsync();
        await family.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/family/cases/{caseId}");
        Assert.DoesNotContain(number, family.Url);

        // One application: a deposit query at 工行, paid out to 张伟's own account.
        await family.GotoAsync($"/family/cases/{caseId}/apply");
        await family.GetByRole(AriaRole.Checkbox, new() { Name = "存款查询" }).CheckAsync();
        await family.GetByRole(AriaRole.Checkbox, new() { Name = "中国工商银行贵阳分行" }).CheckAsync();
        await family.GetByLabel("开户银行").FillAsync("中国建设银行贵阳分行");
        await family.GetByLabel("账号").FillAsync("6217 0024 0000 1234 567");
        await family.GetByLabel("户名").FillAsync("张伟");
        await ChromiumFixture.AssertFitsPhoneAsync(family);
        await family.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await family.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/family/cases/{caseId}");
        var deposits = family.Locator(".progress-task", new() { HasText = "存款查询" });
        await Expect(deposits).ToContainTextAsync("待接收");

        // The bank's clerk answers on her phone: two accounts, release offered.
        await using (var bankContext = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone))
        {
            var bank = await DemoSignIn.AsAsync(bankContext, "bank.icbc");
            await bank.GotoAsync("/worklist");
            var key = $"{caseId:N}-bank-deposits";
            var card = bank.Locator($"#case-{key}");
            await Expect(card).ToContainTextAsync("张伟");
            await Expect(card).Not.ToContainTextAsync("慢性阻塞性肺疾病"); // a bank never sees the cause of death
            await card.Locator("summary").ClickAsync();
            await card.GetByLabel("已办结").CheckAsync();
            await bank.Locator($"#acct-{key}-0-type").SelectOptionAsync("活期");
            await bank.Locator($"#acct-{key}-0-accountNumber").FillAsync("6222020200112233445");
            await bank.Locator($"#acct-{key}-0-balance").FillAsync("12345.67");
            await bank.Locator($"#acct-{key}-1-type").SelectOptionAsync("定期");
            await bank.Locator($"#acct-{key}-1-accountNumber").FillAsync("6222020200119999");
            await bank.Locator($"#acct-{key}-1-balance").FillAsync("30000");
            await bank.Locator($"#release-{key}").CheckAsync();
            await ChromiumFixture.AssertFitsPhoneAsync(bank);
            await card.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(bank.Locator(".notice")).ToContainTextAsync("已办结");
        }

        // 张伟 sees the answer (masked accounts) and a notification, then releases 20,000 yuan.
        await family.ReloadAsync();
        await Expect(deposits).ToContainTextAsync("****3445");
        await Expect(deposits).ToContainTextAsync("****9999");
        await ChromiumFixture.AssertFitsPhoneAsync(family);
        await family.GotoAsync("/family/notifications");
        await Expect(family.Locator(".notification-list li").First).ToBeVisibleAsync(new() { Timeout = 15000 });
        await family.GotoAsync($"/family/cases/{caseId}");
        var release = deposits.GetByRole(AriaRole.Link, new() { Name = "办理小额存款提取" });
        await Expect(release).ToHaveAttributeAsync("href", new Regex($"/family/cases/{caseId}/deposit-release\\?bank="));
        await release.ClickAsync();
        await Expect(family.GetByRole(AriaRole.Heading, new() { Name = "小额存款提取", Exact = true })).ToBeVisibleAsync();
        await family.Locator("input[name=amount]").FillAsync("20000");
        await family.Locator("#undertaking").CheckAsync();
        await ChromiumFixture.AssertFitsPhoneAsync(family);
        await family.Locator("button.confirm-release").ClickAsync();
        await Expect(family.GetByRole(AriaRole.Heading, new() { Name = "已提交提取申请" })).ToBeVisibleAsync();
        await Expect(family.Locator(".released-amount")).ToHaveTextAsync("20,000.00 元");
        await ChromiumFixture.AssertFitsPhoneAsync(family);
        await ChromiumFixture.ScreenshotAsync(family, "family-release-done-phone");
    }
}
