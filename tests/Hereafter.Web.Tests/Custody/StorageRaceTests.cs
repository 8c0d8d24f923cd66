using System.Net;
using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>
/// A double click or two operators on one record: of twenty concurrent arrivals (or extensions) one is recorded and the
/// others are refused (the record's version token, or the state's or the limit's rule once the winner committed).
/// </summary>
public sealed class StorageRaceTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task TwentyConcurrentArrivals_RecordOne()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.PickedUp);
        var funeral = await factory.ClientForAsync("demo-funeral-home");
        await AssertOneWinnerAsync(seeded.CustodyId, CustodyStep.Arrive, i => funeral.ArriveAsync(seeded.CustodyId, DateTimeOffset.UtcNow.AddMinutes(-i)));
    }

    [Fact]
    public async Task TwentyConcurrentExtensions_RecordOne()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        var funeral = await factory.ClientForAsync("demo-funeral-home");
        // The same extension sent twenty times (a double click): a try that reads the record after the winner committed is
        // told 400, its limit being no longer later than the current one; a try that raced it is told 409.
        // Whole seconds: PostgreSQL keeps microseconds, and a tick more would be a genuinely later limit.
        var now = DateTimeOffset.UtcNow;
        var until = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddDays(5);
        await AssertOneWinnerAsync(seeded.CustodyId, CustodyStep.ExtendStorage, _ => funeral.ExtendAsync(seeded.CustodyId, until, "等候家属"),
            HttpStatusCode.Conflict, HttpStatusCode.BadRequest);
    }

    private async Task AssertOneWinnerAsync(Guid id, CustodyStep step, Func<int, Task<HttpResponseMessage>> attempt, params HttpStatusCode[] refusals)
    {
        using var start = new SemaphoreSlim(0);
        var tries = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.WaitAsync();
            return await attempt(i);
        }).ToList();
        start.Release(20);
        var responses = await Task.WhenAll(tries);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var allowed = refusals.Length > 0 ? refusals : [HttpStatusCode.Conflict];
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Contains(r.StatusCode, allowed));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        Assert.Single(await db.Set<CustodyStepEntry>().Where(s => s.CustodyId == id && s.Step == step).ToListAsync());
    }
}
