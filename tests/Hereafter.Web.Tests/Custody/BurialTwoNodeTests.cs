using System.Net;
using System.Net.Http.Json;
using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>Two web nodes over one database: twenty burials of one record sent to both end in one 201.</summary>
public sealed class BurialTwoNodeTests
{
    private sealed class Node : HereafterFactory
    {
        public Node() { }
        private Node(HereafterFactory previous) : base(previous) { }
        public static Node Beside(HereafterFactory first) => new(first);
    }

    [Fact]
    public async Task TwentyBurialsAcrossTwoNodes_OneIsRecorded_AndTheCertificateIsWrittenOffOnce()
    {
        var first = new Node { KeepStorage = true };
        try
        {
            _ = first.Server;
            using var second = Node.Beside(first);
            _ = second.Server;
            var seeded = await first.RecordAtAsync(CustodyState.AshesReleased);
            var number = await BurialTests.CremationCertificateAsync(first, seeded);
            var clients = new[] { await first.ClientForAsync("demo-cemetery"), await second.ClientForAsync("demo-cemetery") };

            var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => clients[i % 2].PostAsJsonAsync("/api/v1/burials", new
            {
                certificateNumber = i % 4 < 2 ? seeded.CertificateNumber : null, cremationCertificateNumber = i % 4 < 2 ? null : number,
                plotOrNiche = $"F区-{i:D2}", buriedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            })));

            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
            Assert.Equal(19, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
            using var scope = second.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            Assert.Equal(1, await db.Set<Burial>().CountAsync(b => b.CustodyId == seeded.CustodyId));
            Assert.Equal(1, await db.Set<CustodyStepEntry>().CountAsync(s => s.CustodyId == seeded.CustodyId && s.Step == CustodyStep.Place));
            Assert.Equal(CustodyState.Placed, await db.Set<CustodyRecord>().Where(r => r.Id == seeded.CustodyId).Select(r => r.State).SingleAsync());
        }
        finally
        {
            first.Dispose();
        }
    }
}
