using System.Net;
using System.Net.Http.Json;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pricing;
using Hereafter.Web.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hereafter.Web.Tests.Sharing.FamilyTaskSupport;

namespace Hereafter.Web.Tests.Family;

/// <summary>
/// <c>POST /api/v1/family/cases/{caseId}/deposit-releases</c> end to end: a real case, the family's deposit query to a bank,
/// the bank's answer through the outcome endpoint, a citizen's bearer token from the demo identity provider, and the
/// bank's deposit-release task the release opens.
/// </summary>
public sealed class DepositReleaseApiTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task AReleaseWithinTheLimit_Is201_AndTheBankGetsItsDepositReleaseTask()
    {
        var (caseId, icbc) = await AnsweredCaseAsync(releaseOffered: true, ("活期", 30_000m), ("丧葬费", 8_000m));
        var wang = await factory.CitizenClientAsync("citizen.wang");

        var body = await (await wang.PostAsJsonAsync(Url(caseId), new { bankId = icbc, amount = 10_000.5m, undertaking = true }))
            .ExpectJsonAsync(HttpStatusCode.Created);

        Assert.Equal(icbc, body.GetProperty("bankId").GetGuid());
        Assert.Equal(10_000.5m, body.GetProperty("amount").GetDecimal());
        Assert.Equal(10_000.5m, body.GetProperty("releasedTotal").GetDecimal());
        Assert.Equal(19_999.5m, body.GetProperty("remaining").GetDecimal());
        var task = Assert.Single(await factory.ProgressAsync(caseId), t => t.Item == CaseTaskItem.DepositRelease);
        Assert.Equal((icbc, CaseTaskStatus.Pending), (task.OrganisationId, task.Status));
        Assert.Equal(body.GetProperty("taskId").GetGuid(), task.TaskId);
    }

    [Fact]
    public async Task ASecondPart_AtTheSameBank_ReopensItsTask_WithTheNewAmount()
    {
        var (caseId, icbc) = await AnsweredCaseAsync(releaseOffered: true, ("活期", 30_000m));
        var wang = await factory.CitizenClientAsync("citizen.wang");
        var bank = await factory.ClientForAsync("demo-bank");
        await (await wang.PostAsJsonAsync(Url(caseId), new { bankId = icbc, amount = 10_000m, undertaking = true })).ExpectJsonAsync(HttpStatusCode.Created);
        (await bank.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/bank/outcome?item=deposit-release",
            new { status = "done", effectiveDate = "2026-12-03", amount = 10_000m })).EnsureSuccessStatusCode();

        var second = await (await wang.PostAsJsonAsync(Url(caseId), new { bankId = icbc, amount = 5_000m, undertaking = true }))
            .ExpectJsonAsync(HttpStatusCode.Created);

        var task = Assert.Single(await factory.ProgressAsync(caseId), t => t.Item == CaseTaskItem.DepositRelease);
        Assert.Equal(second.GetProperty("taskId").GetGuid(), task.TaskId);
        Assert.Equal(CaseTaskStatus.Pending, task.Status);
        Assert.Equal(2, task.History.Count(h => h.Status == CaseTaskStatus.Pending));
        using var scope = factory.Services.CreateScope();
        var details = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<Hereafter.Web.Modules.Sharing.Data.CaseTask>()
            .Where(t => t.Id == task.TaskId).Select(t => t.Details).SingleAsync();
        var json = System.Text.Json.JsonDocument.Parse(details!).RootElement;
        Assert.Equal(5_000m, json.GetProperty("amount").GetDecimal());
        Assert.Equal(15_000m, json.GetProperty("releasedTotal").GetDecimal());
    }

    [Fact]
    public async Task OverTheLimit_Is422_WithWhatRemains()
    {
        var (caseId, icbc) = await AnsweredCaseAsync(releaseOffered: true, ("活期", 70_000m));
        var wang = await factory.CitizenClientAsync("citizen.wang");
        await (await wang.PostAsJsonAsync(Url(caseId), new { bankId = icbc, amount = 42_000m, undertaking = true })).ExpectJsonAsync(HttpStatusCode.Created);

        var problem = await (await wang.PostAsJsonAsync(Url(caseId), new { bankId = icbc, amount = 9_000m, undertaking = true }))
            .ExpectJsonAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("family.deposit-release.over-limit", problem.GetProperty("code").GetString());
        Assert.Equal(8_000m, problem.GetProperty("remaining").GetDecimal());
        Assert.Contains("8000.00", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AboveTheBalance_Is422_WithoutTheUndertaking_Is400()
    {
        var (caseId, icbc) = await AnsweredCaseAsync(releaseOffered: true, ("活期", 2_000m), ("抚恤金", 20_000m));
        var wang = await factory.CitizenClientAsync("citizen.wang");

        var above = await (await wang.PostAsJsonAsync(Url(caseId), new { bankId = icbc, amount = 2_000.01m, undertaking = true }))
            .ExpectJsonAsync(HttpStatusCode.UnprocessableEntity);
        var noUndertaking = await (await wang.PostAsJsonAsync(Url(caseId), new { bankId = icbc, amount = 100m, undertaking = false }))
            .ExpectJsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal("family.deposit-release.above-balance", above.GetProperty("code").GetString());
        Assert.Equal(2_000m, above.GetProperty("remaining").GetDecimal());
        Assert.Equal("family.deposit-release.undertaking-required", noUndertaking.GetProperty("errorCodes").GetProperty("undertaking")[0].GetString());
    }

    [Fact]
    public async Task ABankThatDidNotOfferRelease_Is409()
    {
        var (caseId, icbc) = await AnsweredCaseAsync(releaseOffered: false, ("活期", 2_000m));
        var wang = await factory.CitizenClientAsync("citizen.wang");
        var problem = await (await wang.PostAsJsonAsync(Url(caseId), new { bankId = icbc, amount = 100m, undertaking = true }))
            .ExpectJsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("family.deposit-release.not-offered", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ACaseNotAdmitted_Is404_AndNoToken_Is401()
    {
        var (caseId, icbc) = await AnsweredCaseAsync(releaseOffered: true, ("活期", 2_000m));
        var li = await factory.CitizenClientAsync("citizen.li");
        var request = new { bankId = icbc, amount = 100m, undertaking = true };

        var notAdmitted = await (await li.PostAsJsonAsync(Url(caseId), request)).ExpectJsonAsync(HttpStatusCode.NotFound);
        var anonymous = await factory.CreateClient().PostAsJsonAsync(Url(caseId), request);
        var staff = await (await factory.ClientForAsync("demo-bank")).PostAsJsonAsync(Url(caseId), request);

        Assert.Equal("family.case.not-found", notAdmitted.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.True(staff.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"a bank's token answered {staff.StatusCode}");
    }

    [Fact]
    public Task TwentyConcurrentRequests_OfFiveThousand_AcceptExactlyTen() => RaceAsync();

    [PostgresOnlyFact]
    public async Task TwentyConcurrentRequests_OnPostgres_AcceptExactlyTen_AndLeaveAnotherBankUntouched()
    {
        var (caseId, _) = await RaceAsync();
        var gyb = await factory.OrganisationIdAsync("bank-of-guiyang");
        await factory.OpenAsync(caseId, Ask(CaseTaskItem.BankDeposits, gyb));
        await AnswerAsync(await factory.SecondBankAsync(), caseId, true, ("活期", 50_000m));
        var wang = await factory.CitizenClientAsync("citizen.wang");
        var other = await (await wang.PostAsJsonAsync(Url(caseId), new { bankId = gyb, amount = 50_000m, undertaking = true })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(50_000m, other.GetProperty("releasedTotal").GetDecimal());
    }

    /// <summary>20 requests of 5,000 yuan at one bank (100,000 asked, 100,000 in the accounts), all sent at once.</summary>
    private async Task<(Guid CaseId, Guid BankId)> RaceAsync()
    {
        var (caseId, icbc) = await AnsweredCaseAsync(releaseOffered: true, ("活期", 60_000m), ("定期", 40_000m));
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => factory.CitizenClientAsync("citizen.wang")));
        using var start = new ManualResetEventSlim();
        var running = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (await clients[i % clients.Length].PostAsJsonAsync(Url(caseId), new { bankId = icbc, amount = 5_000m, undertaking = true })).StatusCode;
        })).ToList();
        start.Set();
        var statuses = await Task.WhenAll(running);

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.UnprocessableEntity));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        Assert.Equal(5_000_000, (await db.Set<DepositLedger>().SingleAsync(l => l.CaseId == caseId && l.BankId == icbc)).ReleasedFen);
        var amounts = await db.Set<DepositRelease>().Where(r => r.CaseId == caseId && r.BankId == icbc).Select(r => r.Amount).ToListAsync();
        Assert.Equal((10, 50_000m), (amounts.Count, amounts.Sum()));
        return (caseId, icbc);
    }

    private static string Url(Guid caseId) => $"/api/v1/family/cases/{caseId}/deposit-releases";

    /// <summary>A case with 王丽 admitted, her deposit query to ICBC, and ICBC's answer.</summary>
    private async Task<(Guid CaseId, Guid BankId)> AnsweredCaseAsync(bool releaseOffered, params (string Type, decimal Balance)[] accounts)
    {
        var (_, caseId) = await factory.IssueCaseAsync();
        var icbc = await factory.OrganisationIdAsync("icbc-guiyang");
        await factory.AdmitAsync(caseId, DepositReleaseFactory.Wang);
        await factory.OpenAsync(caseId, Ask(CaseTaskItem.BankDeposits, icbc));
        await AnswerAsync(await factory.ClientForAsync("demo-bank"), caseId, releaseOffered, accounts);
        return (caseId, icbc);
    }

    private static async Task AnswerAsync(HttpClient bank, Guid caseId, bool releaseOffered, params (string Type, decimal Balance)[] accounts)
    {
        var answer = new
        {
            status = "done", effectiveDate = "2026-12-04", note = "查询到账户",
            accounts = accounts.Select((a, i) => new { type = a.Type, accountNumber = $"62220212345678{i:D2}", balance = a.Balance }).ToArray(),
            releaseOffered,
        };
        await (await bank.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/bank/outcome?item=bank-deposits", answer)).ExpectJsonAsync(HttpStatusCode.OK);
    }
}
