using System.Net;
using System.Net.Http.Json;
using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>火化: refused with every missing item at once; once however many try; frozen by a revocation.</summary>
public sealed class CremationTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private async Task<HereafterDbContext> DbAsync(IServiceScope scope) =>
        await Task.FromResult(scope.ServiceProvider.GetRequiredService<HereafterDbContext>());

    [Fact]
    public async Task ACompleteRecord_IsCremated_WithItsTimelineLine_AndTheMilestone()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        await AddConsentAsync(seeded.CustodyId, CustodySeed.PersonInCharge.IdNumber);
        var home = await factory.ClientForAsync("demo-funeral-home");
        var response = await home.CremateAsync(seeded.CustodyId, furnace: "2号炉");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cremated", (await response.JsonAsync()).GetProperty("state").GetString());

        using var scope = factory.Services.CreateScope();
        var db = await DbAsync(scope);
        var record = await db.Set<CustodyRecord>().SingleAsync(r => r.Id == seeded.CustodyId);
        Assert.Equal("2号炉", record.Furnace);
        Assert.True(await db.Set<CustodyStepEntry>().AnyAsync(s => s.CustodyId == seeded.CustodyId && s.Step == CustodyStep.Cremate && s.Place == "2号炉"));
        Assert.True(await db.Set<OutboxMessage>().AnyAsync(m => m.Type == CustodyEventTypes.Cremated && m.OrderingKey == CustodyEventTypes.OrderingKey(seeded.CustodyId)));
    }

    [Fact]
    public async Task ARefusal_ListsEveryMissingItem_AtOnce()
    {
        // Not arrived, no 确认书.
        var seeded = await factory.RecordAtAsync(CustodyState.PickedUp);
        var home = await factory.ClientForAsync("demo-funeral-home");
        Assert.Equal(["consent-missing", "wrong-state"], await (await home.CremateAsync(seeded.CustodyId)).RefusalsAsync());

        // Not arrived, the person in charge's ID invalid, and the certificate revoked (checked live, before any freeze).
        var second = await factory.RecordAtAsync(CustodyState.PickedUp);
        var badChecksum = CustodySeed.PersonInCharge.IdNumber[..17] + (CustodySeed.PersonInCharge.IdNumber[17] == '0' ? '1' : '0');
        await AddConsentAsync(second.CustodyId, badChecksum);
        await RevokeAsync(second.CertificateNumber);
        await factory.WaitUntilQuietAsync();
        await UnfreezeAsync(second.CustodyId); // as if the revocation's event had not been handled yet
        var response = await home.CremateAsync(second.CustodyId);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(["certificate-not-active", "consent-id-invalid", "wrong-state"], CremationSupport.Refusals(problem));
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("死亡医学证明不在有效状态", detail);
        Assert.Contains("丧事承办人的身份证号码无效", detail);
    }

    [Fact]
    public async Task ARevocationAfterPickup_FreezesTheRecord_WithItsReason_AndBlocksCremation()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        await AddConsentAsync(seeded.CustodyId, CustodySeed.PersonInCharge.IdNumber);
        await RevokeAsync(seeded.CertificateNumber);
        await factory.WaitUntilQuietAsync();

        using (var scope = factory.Services.CreateScope())
        {
            var db = await DbAsync(scope);
            var record = await db.Set<CustodyRecord>().SingleAsync(r => r.Id == seeded.CustodyId);
            Assert.True(record.Frozen);
            Assert.Contains("误开", record.FrozenReason);
            var lines = await db.Set<CustodyStepEntry>().Where(s => s.CustodyId == seeded.CustodyId && s.Step == CustodyStep.Freeze).ToListAsync();
            Assert.Single(lines);
            Assert.Contains("误开", lines[0].Note);
        }
        var home = await factory.ClientForAsync("demo-funeral-home");
        Assert.Equal(["frozen"], await (await home.CremateAsync(seeded.CustodyId)).RefusalsAsync());
    }

    [Fact]
    public async Task TheFreeze_IsIdempotent_AndLeavesPlacedRecordsAlone()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        await RevokeAsync(seeded.CertificateNumber);
        await factory.WaitUntilQuietAsync();
        // Deliver the same event again: nothing more happens.
        using (var scope = factory.Services.CreateScope())
        {
            var db = await DbAsync(scope);
            var message = await db.Set<OutboxMessage>().Where(m => m.Type == "certificates.revoked" && m.OrderingKey == $"certificate:{seeded.CertificateId}").SingleAsync();
            var handler = scope.ServiceProvider.GetServices<IIntegrationEventHandler>().Single(h => h.GetType().Name == "FreezeOnRevocationHandler");
            await handler.HandleAsync(message, CancellationToken.None);
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.Set<CustodyStepEntry>().CountAsync(s => s.CustodyId == seeded.CustodyId && s.Step == CustodyStep.Freeze));
        }

        var placed = await factory.RecordAtAsync(CustodyState.Placed);
        await RevokeAsync(placed.CertificateNumber);
        await factory.WaitUntilQuietAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var db = await DbAsync(scope);
            Assert.False((await db.Set<CustodyRecord>().SingleAsync(r => r.Id == placed.CustodyId)).Frozen);
        }
    }

    [Fact]
    public async Task TwentyConcurrentCremations_GiveOne2xx()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        await AddConsentAsync(seeded.CustodyId, CustodySeed.PersonInCharge.IdNumber);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 4; i++) clients.Add(await factory.ClientForAsync("demo-funeral-home"));
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => clients[i % 4].CremateAsync(seeded.CustodyId, furnace: $"{i}")));
        Assert.Equal(1, responses.Count(r => r.IsSuccessStatusCode));
        Assert.All(responses.Where(r => !r.IsSuccessStatusCode), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));

        using var scope = factory.Services.CreateScope();
        var db = await DbAsync(scope);
        Assert.Equal(1, await db.Set<CustodyStepEntry>().CountAsync(s => s.CustodyId == seeded.CustodyId && s.Step == CustodyStep.Cremate));
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.Type == CustodyEventTypes.Cremated && m.OrderingKey == CustodyEventTypes.OrderingKey(seeded.CustodyId)));
    }

    private async Task AddConsentAsync(Guid custodyId, string idNumber)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        db.Add(new CremationConsent
        {
            CustodyId = custodyId, Name = CustodySeed.PersonInCharge.Name, IdNumber = idNumber, Relationship = "child", Phone = "13800000000",
            SignedAt = DateTimeOffset.UtcNow.AddHours(-1), Channel = "counter", RecordedBy = "测试", RecordedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private async Task RevokeAsync(string number)
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        Assert.Equal(HttpStatusCode.OK, (await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/revocation", new { reason = "误开：患者转院后死亡" })).StatusCode);
    }

    private async Task UnfreezeAsync(Guid custodyId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        await db.Set<CustodyRecord>().Where(r => r.Id == custodyId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Frozen, false).SetProperty(r => r.FrozenReason, (string?)null));
    }
}
