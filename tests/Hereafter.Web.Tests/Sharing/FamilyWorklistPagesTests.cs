using System.Net;
using System.Text.Json.Nodes;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>The tasks a family asked for, on the worklists of the departments and banks asked and on civil affairs' case page.</summary>
public sealed class FamilyWorklistPagesTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private const string FullAccount = "6222020200112233445";

    /// <summary>What the family module sends with a request: the applicant (ID already masked), the payout account in full.</summary>
    private static TaskRequest Asked(CaseTaskItem item, Guid? bank = null, string account = "6212260200009876789", JsonObject? extra = null)
    {
        var details = new JsonObject
        {
            ["applicationId"] = Guid.NewGuid().ToString(),
            ["applicant"] = new JsonObject
            {
                ["name"] = "王丽", ["idNumberMasked"] = "5201**********0024", ["phone"] = "13800000002", ["relationship"] = "spouse",
            },
            ["payoutAccount"] = new JsonObject { ["bank"] = "中国工商银行", ["accountNumber"] = account, ["holderName"] = "王丽" },
        };
        foreach (var (key, value) in extra ?? []) details[key] = value?.DeepClone();
        return new TaskRequest(item, bank, details);
    }

    private static string Key(Guid caseId, string item) => $"{caseId:N}-{item}";

    [Fact]
    public async Task Bank_AnswersItsDepositQuery_WithTwoAccountsAndAReleaseOffer_OnItsWorklist()
    {
        var (_, caseId) = await factory.IssueCaseAsync();
        var icbc = await factory.OrganisationIdAsync("icbc-guiyang");
        await factory.OpenAsync(caseId, Asked(CaseTaskItem.BankDeposits, icbc));
        var clerk = await SignedIn.AsAsync(factory, "bank.icbc");
        var key = Key(caseId, "bank-deposits");

        var page = await clerk.GetStringAsync("/worklist");
        Assert.Contains($"value=\"outcome-{key}\"", page);
        Assert.Contains("存款查询", page);
        Assert.Contains("申请人", page);
        Assert.Contains("5201**********0024", page);
        Assert.Contains("配偶", page);
        Assert.Contains("****6789", page);
        Assert.DoesNotContain("6212260200009876789", page);
        Assert.Contains("name=\"accounts[2].balance\"", page); // three rows without script
        Assert.Contains("name=\"releaseOffered\"", page);

        var saved = await HtmlForms.SubmitAsync(clerk, "/worklist", page, $"outcome-{key}", new Dictionary<string, string>
        {
            ["status"] = "done", ["effectiveDate"] = "2026-12-01",
            ["accounts[0].type"] = "活期", ["accounts[0].accountNumber"] = FullAccount, ["accounts[0].balance"] = "12,345.67",
            ["accounts[1].type"] = "定期", ["accounts[1].accountNumber"] = "6222 0202 0011 9999", ["accounts[1].balance"] = "30000",
            ["accounts[2].type"] = "活期", ["accounts[2].accountNumber"] = "", ["accounts[2].balance"] = "",
            ["releaseOffered"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var html = await saved.Content.ReadAsStringAsync();
        Assert.Contains("的办理结果：已办结。", html);
        Assert.DoesNotContain(FullAccount, html);
        Assert.Contains("****3445", html);
        Assert.Contains("已向家属提供", html);

        var task = (await factory.ProgressAsync(caseId)).Single(t => t.Item == CaseTaskItem.BankDeposits);
        Assert.Equal(CaseTaskStatus.Done, task.Status);
        Assert.True(task.Bank!.ReleaseOffered);
        Assert.Equal([("活期", "****3445", 12345.67m), ("定期", "****9999", 30000m)], task.Bank.Accounts.Select(a => (a.Type, a.AccountMasked, a.Balance)));
    }

    [Fact]
    public async Task Bank_RowMistakes_AreListedPerRow_AndNothingIsSaved()
    {
        var (_, caseId) = await factory.IssueCaseAsync();
        var icbc = await factory.OrganisationIdAsync("icbc-guiyang");
        await factory.OpenAsync(caseId, Asked(CaseTaskItem.BankDeposits, icbc));
        var clerk = await SignedIn.AsAsync(factory, "bank.icbc");
        var key = Key(caseId, "bank-deposits");

        // Row 1 has no readable balance: the page's own check, linked to that row's field, the row kept as typed.
        var notANumber = await (await HtmlForms.SubmitAsync(clerk, "/worklist", $"outcome-{key}", new Dictionary<string, string>
        {
            ["status"] = "done", ["accounts[1].accountNumber"] = FullAccount, ["accounts[1].balance"] = "一万",
        })).Content.ReadAsStringAsync();
        Assert.Contains($"<a href=\"/worklist#acct-{key}-1-balance\" data-field=\"acct-{key}-1-balance\">金额须为数字，如 1234.50</a>", notANumber);
        Assert.Contains("value=\"一万\"", notANumber);

        // Row 0 blank (ignored), row 2's number too short: the handler's accounts[1] is the form's row 2.
        var shortNumber = await (await HtmlForms.SubmitAsync(clerk, "/worklist", $"outcome-{key}", new Dictionary<string, string>
        {
            ["status"] = "received",
            ["accounts[0].type"] = "活期", ["accounts[1].type"] = "活期", ["accounts[2].type"] = "定期",
            ["accounts[1].accountNumber"] = FullAccount, ["accounts[1].balance"] = "10",
            ["accounts[2].accountNumber"] = "12", ["accounts[2].balance"] = "5",
        })).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/worklist#acct-{key}-2-accountNumber\"", shortNumber);
        Assert.Contains($"id=\"acct-{key}-2-accountNumber-error\"", shortNumber);
        Assert.Contains("有 1 处需要修改：", shortNumber);
        Assert.DoesNotContain("已保存", shortNumber);

        var task = (await factory.ProgressAsync(caseId)).Single(t => t.Item == CaseTaskItem.BankDeposits);
        Assert.Equal(CaseTaskStatus.Pending, task.Status);
        Assert.Null(task.Bank);
    }

    [Fact]
    public async Task BankClerk_SeesOnlyItsOwnBanksTasks_AndNeverACauseOfDeath()
    {
        var (number, caseId) = await factory.IssueCaseAsync();
        var icbc = await factory.OrganisationIdAsync("icbc-guiyang");
        var gyb = await factory.OrganisationIdAsync("bank-of-guiyang");
        await factory.OpenAsync(caseId, Asked(CaseTaskItem.BankDeposits, icbc), Asked(CaseTaskItem.BankDeposits, gyb, account: "6210000000001111"));

        var icbcPage = await (await SignedIn.AsAsync(factory, "bank.icbc")).GetStringAsync("/worklist?all=true");
        Assert.Contains($"value=\"outcome-{Key(caseId, "bank-deposits")}\"", icbcPage);
        Assert.Contains("****6789", icbcPage);
        Assert.DoesNotContain("****1111", icbcPage);
        Assert.DoesNotContain("急性心肌梗死", icbcPage);
        Assert.DoesNotContain("I21.9", icbcPage);
        Assert.DoesNotContain(number, icbcPage);

        var gybPage = await (await SignedIn.AsAsync(factory, "bank.gyb")).GetStringAsync("/worklist?all=true");
        Assert.Contains("****1111", gybPage);
        Assert.DoesNotContain("****6789", gybPage);
        Assert.DoesNotContain("急性心肌梗死", gybPage);

        // The other bank's task cannot be answered from icbc's page either: posting its item answers icbc's own task only.
        var gybTask = (await factory.ProgressAsync(caseId)).Single(t => t.OrganisationId == gyb);
        Assert.Equal(CaseTaskStatus.Pending, gybTask.Status);
    }

    [Fact]
    public async Task SocialSecurity_SeesPensionAndSurvivorBenefitsAsSeparateCards_AndAnswersOne()
    {
        var (_, caseId) = await factory.IssueCaseAsync();
        await factory.OpenAsync(caseId, Asked(CaseTaskItem.Pension),
            Asked(CaseTaskItem.SurvivorBenefits, extra: new JsonObject { ["contributionYears"] = 25 }));
        var social = await SignedIn.AsAsync(factory, "social.wu");

        var page = await social.GetStringAsync("/worklist");
        Assert.Contains($"value=\"outcome-{caseId:N}\"", page); // the case's own notification task
        Assert.Contains($"value=\"outcome-{Key(caseId, "pension")}\"", page);
        Assert.Contains($"value=\"outcome-{Key(caseId, "survivor-benefits")}\"", page);
        Assert.Contains("养老保险停发及个人账户支付", page);
        Assert.Contains("遗属待遇（丧葬补助金、抚恤金）", page);
        Assert.Contains("缴费年限（年）", page);
        Assert.DoesNotContain("name=\"releaseOffered\"", page);

        var saved = await HtmlForms.SubmitAsync(social, "/worklist", page, $"outcome-{Key(caseId, "survivor-benefits")}",
            new Dictionary<string, string> { ["status"] = "done", ["effectiveDate"] = "2026-12", ["amount"] = "23456.00" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("的办理结果：已办结。停发月份：2026-12。", await saved.Content.ReadAsStringAsync());

        var tasks = await factory.ProgressAsync(caseId);
        var survivor = tasks.Single(t => t.Item == CaseTaskItem.SurvivorBenefits);
        Assert.Equal((CaseTaskStatus.Done, 23456.00m), (survivor.Status, survivor.Amount!.Value));
        Assert.Equal(CaseTaskStatus.Pending, tasks.Single(t => t.Item == CaseTaskItem.Pension).Status);
        Assert.Equal(CaseTaskStatus.Pending, tasks.Single(t => t.Item == CaseTaskItem.Notification && t.Department == Department.SocialSecurity).Status);
    }

    [Fact]
    public async Task DepositRelease_ShowsTheConfirmedAmountAndTheUndertaking_AndTheBankMarksItDone()
    {
        var (_, caseId) = await factory.IssueCaseAsync();
        var icbc = await factory.OrganisationIdAsync("icbc-guiyang");
        await factory.OpenAsync(caseId, Asked(CaseTaskItem.DepositRelease, icbc, extra: new JsonObject
        {
            ["amount"] = 30000.5m, ["closeAccounts"] = true,
            ["undertaking"] = new JsonObject { ["version"] = 1, ["text"] = "本人承诺所提供材料真实", ["at"] = "2026-12-01T02:00:00+00:00" },
        }));
        var clerk = await SignedIn.AsAsync(factory, "bank.icbc");
        var key = Key(caseId, "deposit-release");

        var page = await clerk.GetStringAsync("/worklist");
        Assert.Contains("小额存款提取", page);
        Assert.Contains("30,000.50", page);
        Assert.Contains("本人承诺所提供材料真实", page);
        Assert.Contains("2026-12-01 10:00", page);
        Assert.Contains("value=\"30000.50\"", page); // the amount to pay starts at the amount confirmed

        var saved = await HtmlForms.SubmitAsync(clerk, "/worklist", page, $"outcome-{key}",
            new Dictionary<string, string> { ["status"] = "done", ["effectiveDate"] = "2026-12-02", ["amount"] = "30000.50" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var task = (await factory.ProgressAsync(caseId)).Single(t => t.Item == CaseTaskItem.DepositRelease);
        Assert.Equal((CaseTaskStatus.Done, 30000.50m), (task.Status, task.Amount!.Value));
    }

    [Fact]
    public async Task CivilAffairs_CaseDetail_ListsTheFamilysItems_WithTheBank_AndCountsOverdueItems()
    {
        var (_, caseId) = await factory.IssueCaseAsync();
        var icbc = await factory.OrganisationIdAsync("icbc-guiyang");
        var opened = await factory.OpenAsync(caseId, Asked(CaseTaskItem.Pension), Asked(CaseTaskItem.BankDeposits, icbc));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var bankTask = opened.Single(t => t.Item == CaseTaskItem.BankDeposits).TaskId;
            await db.Set<CaseTask>().Where(t => t.Id == bankTask)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.AcknowledgeBy, DateTimeOffset.UtcNow.AddDays(-1)));
        }
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");

        var detail = await supervisor.GetStringAsync($"/supervision/cases/{caseId}");
        Assert.Contains("id=\"task-social-security\"", detail);
        Assert.Contains("id=\"task-social-security-pension\"", detail);
        Assert.Contains($"id=\"task-bank-bank-deposits-{icbc:N}\"", detail);
        Assert.Contains("存款查询", detail);
        Assert.Contains("中国工商银行贵阳分行", detail);
        Assert.Contains("家属申请的事项", detail);

        var overdue = await supervisor.GetStringAsync("/supervision/cases?overdue=true");
        Assert.Contains($"href=\"/supervision/cases/{caseId}#task-bank-bank-deposits-{icbc:N}\"", overdue);
    }
}
