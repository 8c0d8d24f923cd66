using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Reconciliation;

/// <summary>Two web nodes over one database, each with its own worker: every roll is run once, whichever node received it.</summary>
public sealed class TwoNodeTests
{
    private sealed class Node : HereafterFactory
    {
        public Node() { }
        private Node(HereafterFactory previous) : base(previous) { }
        public static Node Beside(HereafterFactory first) => new(first);
        protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["Reconciliation:PollMilliseconds"] = "100" };
    }

    [Fact]
    public async Task RollsUploadedOnEitherNode_AreEachRunOnce_WithTheSameResults()
    {
        var first = new Node { KeepStorage = true };
        try
        {
            _ = first.Server;
            using var second = Node.Beside(first);
            _ = second.Server;
            var roll = await SmallRoll.CreateAsync(first);
            var clients = new[] { await first.ClientForAsync("demo-social-security"), await second.ClientForAsync("demo-social-security") };
            var ids = new List<Guid>();
            for (var i = 0; i < 6; i++) ids.Add(await clients[i % 2].UploadAcceptedAsync("enterprise-pension", roll.Csv));

            var expected = (string?)null;
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            {
                var client = clients[(i + 1) % 2]; // read on the other node than the one that received it
                var job = await client.WaitFinishedAsync(id);
                Assert.Equal("completed", job.GetProperty("status").GetString());
                var stops = await client.GetStringAsync($"/api/v1/reconciliation/rolls/{id}/stops.csv");
                expected ??= stops;
                Assert.Equal(expected, stops);
            }
            using var scope = first.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var attempts = await db.Set<RollJob>().Where(j => ids.Contains(j.Id)).Select(j => j.Attempt).ToListAsync();
            Assert.Equal(Enumerable.Repeat(1, 6), attempts);
        }
        finally
        {
            first.Dispose();
        }
    }
}
