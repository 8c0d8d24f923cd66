using System.Net;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>
/// A certificate's integration events are handled in the order they committed, whatever fails and is retried:
/// a revocation never overtakes the issue it revokes, and a poisoned event holds up only its own certificate.
/// </summary>
public sealed class EventOrderTests(TrappedFactory factory) : IClassFixture<TrappedFactory>
{
    [Fact]
    public async Task IssuedFailsOnce_WhileTheRevocationCommitsBehindIt_TheCaseEndsCancelled_AndTheFeedShowsIssuedThenRevoked()
    {
        var person = People.Next();
        factory.Traps.FailOnce(person.IdNumber, CertificateEventTypes.Issued);
        var number = await factory.IssueAsync(person);
        await EventOrderSteps.WaitForAsync(() => Task.FromResult(factory.Traps.Failures(number) == 1), "the issue's first failure");

        // The issue now waits for its retry (seconds away); the revocation commits behind it.
        var hospital = await factory.ClientForAsync("demo-hospital");
        Assert.Equal(HttpStatusCode.OK, (await hospital.RevokeAsync(number)).StatusCode);
        await factory.WaitUntilQuietAsync(TimeSpan.FromSeconds(60));

        foreach (var clientId in new[] { "demo-police", "demo-social-security", "demo-civil-affairs" })
        {
            var feed = await (await factory.ClientForAsync(clientId)).ReadFeedAsync(500);
            Assert.Equal(["certificate.issued", "certificate.revoked"], feed.TypesOf(number));
        }
        var supervisor = await factory.ClientForAsync("demo-civil-affairs");
        var caseId = (await (await factory.ClientForAsync("demo-police")).WaitForEventAsync(number, "certificate.revoked")).GetProperty("caseId").GetGuid();
        var deathCase = await (await supervisor.GetAsync($"/api/v1/cases/{caseId}")).JsonAsync();
        Assert.Equal("cancelled", deathCase.GetProperty("status").GetString());
    }

    [Fact]
    public async Task APoisonedEvent_HoldsUpOnlyItsCertificate_WhileAnotherProceeds_AndTheSupervisorSeesIt()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var police = await factory.ClientForAsync("demo-police");
        var poisoned = People.Next();
        factory.Traps.FailAlways(poisoned.IdNumber);
        await factory.IssueAsync(poisoned);
        await EventOrderSteps.WaitForAsync(() => Task.FromResult(factory.Traps.Failures(poisoned.IdNumber) >= 1), "the poisoned issue's failure");
        Assert.Equal(HttpStatusCode.Created, (await hospital.CorrectAsync(poisoned, "贵州省贵阳市云岩区中华北路1号")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hospital.RevokeAsync(poisoned.IdNumber)).StatusCode);

        // Another certificate, issued, corrected and revoked after it, goes all the way through.
        var healthy = People.Next();
        await factory.IssueAsync(healthy);
        Assert.Equal(HttpStatusCode.Created, (await hospital.CorrectAsync(healthy, "贵州省贵阳市云岩区中华北路2号")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hospital.RevokeAsync(healthy.IdNumber)).StatusCode);
        await police.WaitForEventAsync(healthy.IdNumber, "certificate.revoked", TimeSpan.FromSeconds(60));
        var feed = await police.ReadFeedAsync(500);
        Assert.Equal(["certificate.issued", "certificate.corrected", "certificate.revoked"], feed.TypesOf(healthy.IdNumber));
        Assert.Empty(feed.TypesOf(poisoned.IdNumber));

        // The supervisor sees what is stuck, why, and what waits behind it; nobody else does.
        var supervisor = await factory.ClientForAsync("demo-civil-affairs");
        var health = await (await supervisor.GetAsync("/api/v1/supervision/outbox")).JsonAsync();
        var certificateId = await CertificateIdAsync(poisoned.IdNumber);
        var stuck = Assert.Single(health.GetProperty("stuck").EnumerateArray(),
            e => e.GetProperty("orderingKey").GetString() == CertificateEventTypes.OrderingKey(certificateId));
        Assert.Equal(CertificateEventTypes.Issued, stuck.GetProperty("type").GetString());
        Assert.True(stuck.GetProperty("attempts").GetInt32() >= 1);
        Assert.Contains("Test trap", stuck.GetProperty("lastError").GetString());
        Assert.Equal(2, stuck.GetProperty("waitingBehind").GetInt32());
        Assert.True(health.GetProperty("pending").GetInt32() >= 3);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/api/v1/supervision/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hospital.GetAsync("/api/v1/supervision/outbox")).StatusCode);

        // Once the cause is fixed, the held-up events follow in their order. (The test moves the retry forward
        // instead of waiting out the backoff.)
        factory.Traps.Release(poisoned.IdNumber);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            await db.Set<OutboxMessage>().Where(m => m.ProcessedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null));
        }
        await police.WaitForEventAsync(poisoned.IdNumber, "certificate.revoked", TimeSpan.FromSeconds(60));
        Assert.Equal(["certificate.issued", "certificate.corrected", "certificate.revoked"], (await police.ReadFeedAsync(500)).TypesOf(poisoned.IdNumber));
        var after = await (await supervisor.GetAsync("/api/v1/supervision/outbox")).JsonAsync();
        Assert.DoesNotContain(after.GetProperty("stuck").EnumerateArray(),
            e => e.GetProperty("orderingKey").GetString() == CertificateEventTypes.OrderingKey(certificateId));
    }

    [Fact]
    public async Task ARepeatedCertificateEvent_IsSharedOnce()
    {
        var person = People.Next();
        await factory.IssueAsync(person);
        var hospital = await factory.ClientForAsync("demo-hospital");
        Assert.Equal(HttpStatusCode.OK, (await hospital.RevokeAsync(person.IdNumber)).StatusCode);
        await factory.WaitUntilQuietAsync(TimeSpan.FromSeconds(60));

        // A crash after the handler's commit and before the processed mark is impossible (one transaction);
        // a message delivered again anyway (e.g. restored from a backup) must not tell departments twice.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var key = CertificateEventTypes.OrderingKey(await CertificateIdAsync(person.IdNumber));
            Assert.Equal(2, await db.Set<OutboxMessage>().Where(m => m.OrderingKey == key)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null)));
        }
        await factory.WaitUntilQuietAsync(TimeSpan.FromSeconds(60));
        var feed = await (await factory.ClientForAsync("demo-police")).ReadFeedAsync(500);
        Assert.Equal(["certificate.issued", "certificate.revoked"], feed.TypesOf(person.IdNumber));
        using var check = factory.Services.CreateScope();
        var cases = await check.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<DeathCase>()
            .Where(c => c.CertificateNumber == person.IdNumber).Select(c => c.Status).ToListAsync();
        Assert.Equal(["cancelled"], cases.Select(c => c.ToCode()));
    }

    private async Task<Guid> CertificateIdAsync(string number)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        return await db.Set<Certificate>().Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
    }
}
