using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Family;

/// <summary>
/// The 50,000-yuan limit holds under concurrency: 20 releases of 5,000 yuan at one bank for one deceased, all at once,
/// end with exactly 10 accepted and 50,000 released. PostgreSQL runs them in parallel transactions; SQLite has one
/// writer, so the same test there shows the limit holds when the releases queue.
/// </summary>
public sealed class DepositReleaseConcurrencyTests(DepositReleaseFactory factory) : IClassFixture<DepositReleaseFactory>
{
    [Fact]
    public Task TwentyConcurrentReleases_OfFiveThousand_AcceptExactlyTen() => RaceAsync();

    [PostgresOnlyFact]
    public async Task TwentyConcurrentReleases_OnPostgres_AcceptExactlyTen_AndLeaveAnotherBankUntouched()
    {
        var (caseId, _) = await RaceAsync();
        var other = factory.Banks.Asked(caseId, Guid.NewGuid(), BankTasks.Offered(("活期", 50_000m)), "贵阳银行营业部");
        Assert.Equal(50_000m, (await factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, other, 50_000m)).ReleasedTotal);
    }

    private async Task<(Guid CaseId, Guid BankId)> RaceAsync()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var bank = factory.Banks.Asked(caseId, Guid.NewGuid(), BankTasks.Offered(("活期", 60_000m), ("定期", 40_000m)));
        using var start = new ManualResetEventSlim();
        var running = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            try { return (await factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, bank, 5_000m)).Amount > 0 ? 201 : 0; }
            catch (ProblemException e) { return e.Status; }
        })).ToList();
        start.Set();
        var statuses = await Task.WhenAll(running);

        Assert.Equal(10, statuses.Count(s => s == 201));
        Assert.Equal(10, statuses.Count(s => s == 422));
        Assert.Equal(5_000_000, (await factory.LedgerAsync(caseId, bank))!.ReleasedFen);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var releases = await db.Set<DepositRelease>().Where(r => r.CaseId == caseId && r.BankId == bank).Select(r => r.Amount).ToListAsync();
        Assert.Equal(10, releases.Count);
        Assert.Equal(50_000m, releases.Sum());
        return (caseId, bank);
    }
}
