using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>
/// Two web nodes over one PostgreSQL database, each with its own outbox processor, take certificates through
/// issue → correct → revoke with the steps sent to alternate nodes and many certificates at once: every
/// department sees every certificate's events in the order they happened, every case ends cancelled, and
/// no revoked certificate keeps the person's ID.
/// </summary>
public sealed class TwoNodeEventOrderTests(ITestOutputHelper output)
{
    private const int Sequences = 500;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private sealed class Node : HereafterFactory
    {
        public Node() { }
        private Node(HereafterFactory previous) : base(previous) { }
        public static Node Beside(HereafterFactory first) => new(first);
    }

    [PostgresOnlyFact]
    public async Task TwoNodes_FiveHundredIssueCorrectRevokeSequences_EveryFeedInOrder_EveryCaseCancelled_NoIdReserved()
    {
        var first = new Node { KeepStorage = true };
        try
        {
            _ = first.Server;
            using var second = Node.Beside(first);
            _ = second.Server;
            var nodes = new HereafterFactory[] { first, second };
            var hospitals = new[] { await first.ClientForAsync("demo-hospital"), await second.ClientForAsync("demo-hospital") };
            var people = Enumerable.Range(0, Sequences).Select(_ => People.Next()).ToList();
            var failures = new ConcurrentBag<string>();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(people.Select((p, i) => (p, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, ct) =>
            {
                var (person, i) = item;
                var here = hospitals[i % 2];
                var there = hospitals[(i + 1) % 2];
                var issued = await here.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(person), Web, ct);
                var corrected = await there.CorrectAsync(person, $"贵州省贵阳市乌当区新添大道{i + 1}号");
                var revoked = await here.RevokeAsync(person.IdNumber);
                if (issued.StatusCode != HttpStatusCode.Created || corrected.StatusCode != HttpStatusCode.Created || revoked.StatusCode != HttpStatusCode.OK)
                    failures.Add($"{person.IdNumber}: issue {issued.StatusCode}, correct {corrected.StatusCode}, revoke {revoked.StatusCode}");
            });
            Assert.Empty(failures);
            output.WriteLine($"{Sequences} sequences sent in {clock.Elapsed.TotalSeconds:0.0} s");
            await first.WaitUntilQuietAsync(TimeSpan.FromMinutes(3));
            output.WriteLine($"outbox drained at {clock.Elapsed.TotalSeconds:0.0} s");

            var numbers = people.Select(p => p.IdNumber).ToHashSet();
            string[] expected = ["certificate.issued", "certificate.corrected", "certificate.revoked"];
            foreach (var (clientId, i) in new[] { "demo-police", "demo-social-security", "demo-medical-insurance", "demo-civil-affairs", "demo-housing-fund" }
                         .Select((c, i) => (c, i)))
            {
                var feed = await (await nodes[i % 2].ClientForAsync(clientId)).ReadFeedAsync(500);
                var wrong = feed.Where(e => numbers.Contains(e.GetProperty("certificateNumber").GetString()!))
                    .GroupBy(e => e.GetProperty("certificateNumber").GetString()!)
                    .Select(g => (Number: g.Key, Types: g.Select(e => e.GetProperty("type").GetString()!).ToList()))
                    .Where(g => !g.Types.SequenceEqual(expected))
                    .Select(g => $"{g.Number}: {string.Join(", ", g.Types)}")
                    .ToList();
                Assert.True(wrong.Count == 0, $"{clientId}: {wrong.Count} certificates out of order, e.g. {string.Join("; ", wrong.Take(5))}");
                Assert.Equal(Sequences, feed.Select(e => e.GetProperty("certificateNumber").GetString()!).Where(numbers.Contains).Distinct().Count());
            }

            using var scope = second.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var cases = await db.Set<DeathCase>().Where(c => numbers.Contains(c.CertificateNumber)).Select(c => c.Status).ToListAsync();
            Assert.Equal(Sequences, cases.Count);
            Assert.All(cases, status => Assert.Equal("cancelled", status.ToCode()));
            var certificates = await db.Set<Certificate>().Where(c => numbers.Contains(c.Number))
                .Select(c => new { c.Status, c.ActiveNumber }).ToListAsync();
            Assert.Equal(Sequences, certificates.Count);
            Assert.All(certificates, c => Assert.Equal(CertificateStatus.Revoked, c.Status));
            Assert.All(certificates, c => Assert.Null(c.ActiveNumber));
        }
        finally
        {
            first.Dispose();
        }
    }
}
