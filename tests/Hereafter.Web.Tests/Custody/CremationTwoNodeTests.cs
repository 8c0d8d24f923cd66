using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>Two web nodes over one database (PostgreSQL in CI): a cremation and a 火化证明 happen once whichever node is asked.</summary>
public sealed class CremationTwoNodeTests
{
    private sealed class Node : HereafterFactory
    {
        public Node() { }
        private Node(HereafterFactory previous) : base(previous) { }
        public static Node Beside(HereafterFactory first) => new(first);
    }

    [Fact]
    public async Task TwentyTriesOnTwoNodes_CremateOnce_AndIssueOneCertificate()
    {
        var first = new Node { KeepStorage = true };
        try
        {
            _ = first.Server;
            using var second = Node.Beside(first);
            _ = second.Server;
            var seeded = await first.RecordAtAsync(CustodyState.InStorage);
            using (var scope = first.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
                db.Add(new CremationConsent
                {
                    CustodyId = seeded.CustodyId, Name = CustodySeed.PersonInCharge.Name, IdNumber = CustodySeed.PersonInCharge.IdNumber, Relationship = "child",
                    Phone = "13800000000", SignedAt = DateTimeOffset.UtcNow.AddHours(-1), Channel = "counter", RecordedBy = "测试", RecordedAt = DateTimeOffset.UtcNow,
                });
                await db.SaveChangesAsync();
            }
            var clients = new List<HttpClient>();
            for (var i = 0; i < 4; i++) clients.Add(await (i % 2 == 0 ? first : second).ClientForAsync("demo-funeral-home"));

            var cremations = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => clients[i % 4].CremateAsync(seeded.CustodyId, furnace: $"{i}")));
            Assert.Equal(1, cremations.Count(r => r.IsSuccessStatusCode));
            Assert.All(cremations.Where(r => !r.IsSuccessStatusCode), r => Assert.Equal(System.Net.HttpStatusCode.Conflict, r.StatusCode));

            var issues = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => clients[i % 4].PostAsync($"/api/v1/custody/{seeded.CustodyId}/cremation-certificate", null)));
            Assert.Equal(1, issues.Count(r => r.IsSuccessStatusCode));
            Assert.All(issues.Where(r => !r.IsSuccessStatusCode), r => Assert.Equal(System.Net.HttpStatusCode.Conflict, r.StatusCode));

            using var check = first.Services.CreateScope();
            var rows = check.ServiceProvider.GetRequiredService<HereafterDbContext>();
            Assert.Equal(1, await rows.Set<CustodyStepEntry>().CountAsync(s => s.CustodyId == seeded.CustodyId && s.Step == CustodyStep.Cremate));
            Assert.Equal(1, await rows.Set<CremationCertificate>().CountAsync(c => c.CustodyId == seeded.CustodyId));
        }
        finally
        {
            first.Dispose();
        }
    }
}
