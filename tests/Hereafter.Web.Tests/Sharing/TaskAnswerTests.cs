using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hereafter.Web.Tests.Sharing.FamilyTaskSupport;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>Departments and banks answer the family's items through the outcome endpoint, choosing the task by <c>?item=</c>.</summary>
public sealed class TaskAnswerTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task ABank_AnswersWithItsAccountsAndAReleaseOffer_TheFamilySeesThem_AnotherBankCannotAnswer()
    {
        var (_, caseId) = await factory.IssueCaseAsync();
        var icbc = await factory.OrganisationIdAsync("icbc-guiyang");
        var gyb = await factory.OrganisationIdAsync("bank-of-guiyang");
        var opened = await factory.OpenAsync(caseId, Ask(CaseTaskItem.BankDeposits, icbc));
        var bank = await factory.ClientForAsync("demo-bank");
        var url = $"/api/v1/cases/{caseId}/tasks/bank/outcome?item=bank-deposits";

        // Another bank was not asked: the task is not its own (as for a funeral home the family did not choose).
        var other = await factory.SecondBankAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync(url, new { status = "received" })).StatusCode);
        await factory.OpenAsync(caseId, Ask(CaseTaskItem.BankDeposits, gyb));

        var answer = new
        {
            status = "done", effectiveDate = "2026-12-04", note = "查询到两个账户",
            accounts = new object[]
            {
                new { type = "活期", accountNumber = "6222 0212 3456 7890 123", balance = 12345.67m },
                new { type = "定期", accountMasked = "****4321", balance = 30000m },
            },
            releaseOffered = true,
        };
        var done = await (await bank.PostAsJsonAsync(url, answer)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("bank-deposits", done.GetProperty("item").GetString());
        Assert.True(done.GetProperty("bank").GetProperty("releaseOffered").GetBoolean());
        Assert.Equal(["****0123", "****4321"], done.GetProperty("bank").GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("accountMasked").GetString()));

        var progress = (await factory.ProgressAsync(caseId)).Where(t => t.Item == CaseTaskItem.BankDeposits).ToList();
        var icbcTask = progress.Single(t => t.OrganisationId == icbc);
        Assert.Equal((opened[0].TaskId, CaseTaskStatus.Done, "中国工商银行贵阳分行"), (icbcTask.TaskId, icbcTask.Status, icbcTask.OrganisationName));
        Assert.True(icbcTask.Bank!.ReleaseOffered);
        Assert.Equal([new DepositAccount("活期", "****0123", 12345.67m), new DepositAccount("定期", "****4321", 30000m)], icbcTask.Bank.Accounts);
        Assert.Equal([CaseTaskStatus.Pending, CaseTaskStatus.Done], icbcTask.History.Select(h => h.Status));
        var gybTask = progress.Single(t => t.OrganisationId == gyb);
        Assert.Equal((CaseTaskStatus.Pending, (BankAnswer?)null), (gybTask.Status, gybTask.Bank));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        Assert.DoesNotContain(await db.Set<CaseTaskAccount>().Select(a => a.AccountMasked).ToListAsync(), a => a.Contains("6222"));
    }

    [Theory]
    [InlineData("""{ "status": "received", "accounts": [ { "type": "活期", "accountNumber": "62220212", "balance": -1 } ] }""", "accounts[0].balance")]
    [InlineData("""{ "status": "received", "accounts": [ { "type": "活期", "accountNumber": "62220212", "balance": 1.234 } ] }""", "accounts[0].balance")]
    [InlineData("""{ "status": "received", "accounts": [ { "type": "活期", "accountNumber": "12a", "balance": 1 } ] }""", "accounts[0].accountNumber")]
    [InlineData("""{ "status": "received", "accounts": [ { "type": "", "accountMasked": "****1234", "balance": 1 } ] }""", "accounts[0].type")]
    public async Task ABankAnswer_WithABadAccount_IsRefused(string body, string field)
    {
        var (_, caseId) = await factory.IssueCaseAsync();
        await factory.OpenAsync(caseId, Ask(CaseTaskItem.BankDeposits, await factory.OrganisationIdAsync("icbc-guiyang")));
        var bank = await factory.ClientForAsync("demo-bank");
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var problem = await (await bank.PostAsync($"/api/v1/cases/{caseId}/tasks/bank/outcome?item=bank-deposits", content)).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task TheOutcomeEndpoint_SelectsTheTaskByItem_AndPublishesEveryAnswer()
    {
        var (_, caseId) = await factory.IssueCaseAsync();
        var opened = await factory.OpenAsync(caseId, Ask(CaseTaskItem.Pension));
        var social = await factory.ClientForAsync("demo-social-security");
        var tasks = $"/api/v1/cases/{caseId}/tasks/social-security/outcome";

        var pension = await (await social.PostAsJsonAsync(tasks + "?item=pension", new { status = "received" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("pension", "received"), (pension.GetProperty("item").GetString(), pension.GetProperty("status").GetString()));
        var progress = await factory.ProgressAsync(caseId);
        Assert.Equal(CaseTaskStatus.Pending, progress.Single(t => t.Department == Department.SocialSecurity && t.Item == CaseTaskItem.Notification).Status);

        var notification = await (await social.PostAsJsonAsync(tasks, new { status = "received" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("notification", notification.GetProperty("item").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await social.PostAsJsonAsync(tasks + "?item=survivor-benefits", new { status = "received" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await social.PostAsJsonAsync(tasks + "?item=astrology", new { status = "received" })).StatusCode);
        // Accounts and a release offer belong to deposit queries only.
        Assert.Equal(HttpStatusCode.BadRequest, (await social.PostAsJsonAsync(tasks + "?item=pension", new { status = "received", releaseOffered = true })).StatusCode);

        // The police answer household cancellation on their notification task, whichever item they name.
        var police = await factory.ClientForAsync("demo-police");
        var cancelled = await (await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/police/outcome?item=household-cancellation",
            new { status = "done", effectiveDate = "2026-12-04" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("notification", cancelled.GetProperty("item").GetString());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var answered = (await db.Set<OutboxMessage>().Where(m => m.Type == CaseTaskAnswered.EventType && m.OrderingKey == CaseTaskAnswered.OrderingKey(caseId)).ToListAsync())
            .OrderBy(m => m.Sequence).Select(Outbox.Read<CaseTaskAnswered>).ToList();
        Assert.Equal([CaseTaskItem.Pension, CaseTaskItem.Notification, CaseTaskItem.Notification], answered.Select(a => a.Item));
        Assert.Equal(opened[0].TaskId, answered[0].TaskId);
        Assert.Equal((Department.Police, CaseTaskStatus.Done), (answered[2].Department, answered[2].Status));
        Assert.All(answered, a => Assert.False(string.IsNullOrEmpty(a.OrganisationName)));
    }
}
