using System.Net;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>
/// Two operators, a double scan or a stale page never make two pickups of one person: the database's unique open-person
/// key lets one of twenty concurrent pickups commit, and every other one is told 409 with the winner's id.
/// </summary>
public sealed class PickupRaceTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task TwentyConcurrentPickups_OfOnePerson_MakeOneRecord()
    {
        var number = await factory.IssueAsync();
        var clients = new[] { await factory.ClientForAsync("demo-funeral-home"), await factory.ClientForAsync("demo-funeral-home-2") };
        await AssertOneWinnerAsync(factory, number, clients);
    }

    private sealed class Node : HereafterFactory
    {
        public Node() { }
        private Node(HereafterFactory previous) : base(previous) { }
        public static Node Beside(HereafterFactory first) => new(first);
    }

    [PostgresOnlyFact]
    public async Task TwentyConcurrentPickups_OnTwoNodes_MakeOneRecord()
    {
        var first = new Node { KeepStorage = true };
        try
        {
            _ = first.Server;
            using var second = Node.Beside(first);
            _ = second.Server;
            var number = await first.IssueAsync();
            var clients = new[] { await first.ClientForAsync("demo-funeral-home"), await second.ClientForAsync("demo-funeral-home") };
            await AssertOneWinnerAsync(first, number, clients);
        }
        finally
        {
            first.Dispose();
        }
    }

    private static async Task AssertOneWinnerAsync(HereafterFactory factory, string number, HttpClient[] clients)
    {
        using var start = new SemaphoreSlim(0);
        var tries = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.WaitAsync();
            return await clients[i % clients.Length].PickUpAsync(number);
        }).ToList();
        start.Release(20);
        var responses = await Task.WhenAll(tries);

        var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var winner = (await created.JsonAsync()).Id();
        foreach (var refused in responses.Where(r => r != created))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal(winner, (await refused.JsonAsync()).Id());
        }
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        Assert.Equal(winner, Assert.Single(await db.Set<CustodyRecord>().Where(r => r.CertificateNumber == number).Select(r => r.Id).ToListAsync()));
        Assert.Single(await db.Set<CustodyStepEntry>().Where(s => s.CustodyId == winner).ToListAsync());
    }
}
