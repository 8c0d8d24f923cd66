using System.Net;
using System.Net.Http.Json;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Reconciliation;

/// <summary>
/// Twenty clerks (or retries) acting on one row at the same moment: each follow-up is a conditional update, so
/// exactly one gets 2xx and the others 409, and its side effects (the StopExecuted event, the department's case
/// task, the statistics) happen once. Runs on both databases; it is the PostgreSQL run that has real parallelism.
/// </summary>
public sealed class FollowUpRaceTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private const int Clerks = 20;

    private static void AssertOneWinner(HttpResponseMessage[] answers)
    {
        var codes = answers.Select(a => a.StatusCode).ToList();
        Assert.Equal(1, codes.Count(c => (int)c is >= 200 and < 300));
        Assert.Equal(Clerks - 1, codes.Count(c => c == HttpStatusCode.Conflict));
    }

    private async Task<(SmallRoll Roll, HttpClient Clerk, Guid Id)> CompletedRollAsync()
    {
        var roll = await SmallRoll.CreateAsync(factory);
        await factory.WaitUntilQuietAsync(); // the death cases are open
        var clerk = await factory.ClientForAsync("demo-social-security");
        var id = await clerk.UploadAcceptedAsync("enterprise-pension", roll.Csv);
        Assert.Equal("completed", (await clerk.WaitFinishedAsync(id)).GetProperty("status").GetString());
        return (roll, clerk, id);
    }

    [Fact]
    public async Task TwentyConcurrentExecutions_OneSucceeds_OneStopExecutedEvent_OneTaskUpdate()
    {
        var (roll, clerk, id) = await CompletedRollAsync();
        var stopFrom = roll.DeathMonth.AddMonths(1).ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, Clerks).Select(_ =>
            clerk.PostAsJsonAsync($"/api/v1/reconciliation/rolls/{id}/stops/2/execution", new { effectiveMonth = stopFrom })));

        AssertOneWinner(answers);
        await factory.WaitUntilQuietAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var key = $"{id:n}:2";
            Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.Type == ReconciliationEventTypes.StopExecuted && m.PayloadJson.Contains(key)));
            var stop = await db.Set<StopResult>().SingleAsync(s => s.JobId == id && s.Row == 2);
            Assert.Equal(stopFrom, stop.ExecutedMonth);
        }
        var civil = await factory.ClientForAsync("demo-civil-affairs");
        var feed = await civil.ReadFeedAsync(500);
        Assert.Single(feed, e => e.GetProperty("certificateNumber").GetString() == roll.CertificateNumbers[0]
                                 && e.GetProperty("type").GetString() == "case.task-updated");
        Guid caseId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            caseId = await db.Set<DeathCase>().Where(c => c.CertificateNumber == roll.CertificateNumbers[0]).Select(c => c.Id).SingleAsync();
        }
        var task = (await (await civil.GetAsync($"/api/v1/cases/{caseId}")).JsonAsync()).GetProperty("tasks").EnumerateArray()
            .Single(t => t.GetProperty("department").GetString() == "social-security");
        Assert.Equal("done", task.GetProperty("status").GetString());
        Assert.Single(task.GetProperty("history").EnumerateArray(), h => h.GetProperty("status").GetString() == "done");
    }

    [Fact]
    public async Task TwentyConcurrentRecoveries_OneIsRecorded_WithTheWinnersAmount()
    {
        var (_, clerk, id) = await CompletedRollAsync();

        var answers = await Task.WhenAll(Enumerable.Range(1, Clerks).Select(n =>
            clerk.PostAsJsonAsync($"/api/v1/reconciliation/rolls/{id}/stops/2/recovery", new { amount = 100m + n, date = "2026-11-20" })));

        AssertOneWinner(answers);
        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).JsonAsync();
        var stored = Assert.Single(await clerk.ItemsAsync(id, "stops"), s => s.GetProperty("row").GetInt64() == 2);
        Assert.Equal(winner.GetProperty("recoveredAmount").GetDecimal(), stored.GetProperty("recoveredAmount").GetDecimal());
    }

    [Fact]
    public async Task TwentyConcurrentReviewDecisions_ConfirmsAndDismissals_OneWins_AtMostOneStop()
    {
        var (_, clerk, id) = await CompletedRollAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, Clerks).Select(n => n % 2 == 0
            ? clerk.PostAsync($"/api/v1/reconciliation/rolls/{id}/review/8/confirmation", null)
            : clerk.PostAsJsonAsync($"/api/v1/reconciliation/rolls/{id}/review/8/dismissal", new { reason = $"核实 {n}" })));

        AssertOneWinner(answers);
        var confirmed = answers.Single(a => a.IsSuccessStatusCode).RequestMessage!.RequestUri!.AbsolutePath.EndsWith("/confirmation", StringComparison.Ordinal);
        var review = Assert.Single(await clerk.ItemsAsync(id, "review"), r => r.GetProperty("row").GetInt64() == 8);
        Assert.Equal(confirmed ? "confirmed" : "dismissed", review.GetProperty("decision").GetString());
        Assert.Equal(confirmed ? 1 : 0, (await clerk.ItemsAsync(id, "stops")).Count(s => s.GetProperty("row").GetInt64() == 8));
    }
}
