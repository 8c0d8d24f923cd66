using System.Text.Json;
using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>Custody milestones reach the departments' feeds as case events of the same type, once, without medical data.</summary>
public sealed class CustodyMilestoneSharingTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    /// <summary>Writes the milestone to the outbox as the step's handler would, and returns the message id.</summary>
    internal static async Task<Guid> PublishAsync(HereafterFactory factory, CustodySeed.Seeded seeded, string type, string? place, Guid? institutionId = null, string institutionName = "贵阳市殡仪馆")
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        scope.ServiceProvider.GetRequiredService<Outbox>().Add(type,
            new CustodyMilestone(type, seeded.CustodyId, seeded.CertificateId, null, DateTimeOffset.UtcNow.AddMinutes(-5), institutionId ?? seeded.FuneralHomeId, institutionName, place),
            CustodyEventTypes.OrderingKey(seeded.CustodyId));
        await db.SaveChangesAsync();
        return await db.Set<OutboxMessage>().Where(m => m.Type == type).OrderByDescending(m => m.Sequence).Select(m => m.Id).FirstAsync();
    }

    [Theory]
    [InlineData(CustodyEventTypes.PickedUp, CustodyState.PickedUp, "贵阳市第一人民医院")]
    [InlineData(CustodyEventTypes.Cremated, CustodyState.Cremated, "3")]
    [InlineData(CustodyEventTypes.Placed, CustodyState.Placed, "A区-01-001")]
    public async Task Milestone_ReachesCivilAffairsFeed_WithInstitutionAndPlace(string type, CustodyState state, string place)
    {
        var seeded = await factory.RecordAtAsync(state);
        await PublishAsync(factory, seeded, type, place);
        var civil = await factory.ClientForAsync("demo-civil-affairs");
        var e = await civil.WaitForEventAsync(seeded.CertificateNumber, type);
        var data = e.GetProperty("data");
        Assert.Equal(seeded.CustodyId, data.GetProperty("custodyId").GetGuid());
        Assert.Equal("贵阳市殡仪馆", data.GetProperty("institution").GetProperty("name").GetString());
        Assert.Equal(place, data.GetProperty("place").GetString());
        Assert.Equal("civil-affairs", data.GetProperty("task").GetProperty("department").GetString());
        var raw = e.GetRawText();
        Assert.DoesNotContain("I21.", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("心肌梗死", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cremation_AlsoReachesPoliceAndSocialSecurity_WithoutThePlace_PickupDoesNot()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        await PublishAsync(factory, seeded, CustodyEventTypes.PickedUp, "贵阳市第一人民医院");
        await PublishAsync(factory, seeded, CustodyEventTypes.Cremated, "2");
        var police = await factory.ClientForAsync("demo-police");
        var cremated = await police.WaitForEventAsync(seeded.CertificateNumber, CustodyEventTypes.Cremated);
        Assert.False(cremated.GetProperty("data").TryGetProperty("place", out _));
        await (await factory.ClientForAsync("demo-social-security")).WaitForEventAsync(seeded.CertificateNumber, CustodyEventTypes.Cremated);
        await factory.WaitUntilQuietAsync();
        Assert.DoesNotContain(await police.ReadFeedAsync(500), e =>
            e.GetProperty("certificateNumber").GetString() == seeded.CertificateNumber && e.GetProperty("type").GetString() == CustodyEventTypes.PickedUp);
        Assert.DoesNotContain(await (await factory.ClientForAsync("demo-medical-insurance")).ReadFeedAsync(500), e =>
            e.GetProperty("certificateNumber").GetString() == seeded.CertificateNumber && e.GetProperty("type").GetString()!.StartsWith("custody.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARepeatedMessage_WritesNoSecondEvent()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.Placed);
        var messageId = await PublishAsync(factory, seeded, CustodyEventTypes.Placed, "A区-01-001", institutionName: "景云山公墓");
        await (await factory.ClientForAsync("demo-civil-affairs")).WaitForEventAsync(seeded.CertificateNumber, CustodyEventTypes.Placed);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == messageId);
            var handler = scope.ServiceProvider.GetServices<IIntegrationEventHandler>().Single(h => h.EventType == CustodyEventTypes.Placed
                && h.GetType().Namespace!.Contains("Sharing", StringComparison.Ordinal));
            await handler.HandleAsync(message, CancellationToken.None);
            await db.SaveChangesAsync();
        }
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            Assert.Equal(1, await db.Set<SharingEvent>().CountAsync(e => e.SourceMessageId == messageId));
        }
    }
}
