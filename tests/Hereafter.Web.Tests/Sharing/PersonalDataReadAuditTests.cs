using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>Change-feed pages and webhook deliveries carry personal data: each is one audit entry naming its certificates.</summary>
public sealed class PersonalDataReadAuditTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EachFeedPage_IsOneAuditEntry_NamingTheCertificatesInIt()
    {
        using var factory = new WebhookFactory();
        await factory.WaitUntilQuietAsync();
        var police = await factory.ClientForAsync("demo-police");
        // Start after everything already in the feed: only the pages read below count.
        var head = (await (await police.GetAsync("/api/v1/events?limit=500")).JsonAsync()).GetProperty("nextCursor").GetString()!;
        while (true)
        {
            var page = await (await police.GetAsync($"/api/v1/events?after={head}&limit=500")).JsonAsync();
            if (page.GetProperty("events").GetArrayLength() == 0) break;
            head = page.GetProperty("nextCursor").GetString()!;
        }
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++) numbers.Add(await factory.IssueAsync());
        await factory.WaitUntilQuietAsync();

        var before = await FeedEntriesAsync(factory);
        var first = await (await police.GetAsync($"/api/v1/events?after={head}&limit=2")).JsonAsync();
        var second = await (await police.GetAsync($"/api/v1/events?after={first.GetProperty("nextCursor").GetString()}&limit=2")).JsonAsync();
        var empty = await (await police.GetAsync($"/api/v1/events?after={second.GetProperty("nextCursor").GetString()}&limit=2")).JsonAsync();
        Assert.Equal(0, empty.GetProperty("events").GetArrayLength());

        var entries = (await FeedEntriesAsync(factory)).Skip(before.Count).ToList();
        Assert.Equal(2, entries.Count); // one per page with events; the empty poll reads nobody's data
        var pages = new[] { first, second };
        for (var i = 0; i < 2; i++)
        {
            var e = entries[i];
            Assert.Equal("feed:police", e.Subject);
            Assert.False(string.IsNullOrEmpty(e.OrganisationName));
            Assert.NotEqual(Guid.Empty, e.OrganisationId);
            // Exactly the certificates of that page, each once.
            var inPage = pages[i].GetProperty("events").EnumerateArray().Select(ev => ev.GetProperty("certificateNumber").GetString()!).Distinct().Order();
            var named = e.Details[(e.Details.IndexOf("certificates: ", StringComparison.Ordinal) + "certificates: ".Length)..].Split(", ").Order();
            Assert.Equal(inPage, named);
        }
        Assert.All(numbers, n => Assert.Contains(entries, e => e.Details.Contains(n, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task EachWebhookDelivery_IsOneAuditEntry_NamingItsCertificate_ForTheReceivingOrganisation()
    {
        using var factory = new WebhookFactory();
        await using var receiver = await WebhookReceiver.StartAsync();
        await factory.WaitUntilQuietAsync(); // the demo certificates' events are not part of this test
        var police = await factory.ClientForAsync("demo-police");
        var (subscription, _) = await police.SubscribeAsync(receiver.Url("police"), types: ["certificate.issued"]);

        var numbers = new List<string>();
        for (var i = 0; i < 3; i++) numbers.Add(await factory.IssueAsync());
        await WebhookTestHelpers.UntilAsync(() => receiver.AcceptedIds("police").Count >= 3, Wait, () => "not delivered");

        List<AuditEntry> entries = [];
        var until = DateTime.UtcNow + Wait;
        while (entries.Count < 3 && DateTime.UtcNow < until)
        {
            entries = await DeliveryEntriesAsync(factory, subscription);
            if (entries.Count < 3) await Task.Delay(100); // attempts are recorded in small batches after the receiver answers
        }
        await Task.Delay(500);
        entries = await DeliveryEntriesAsync(factory, subscription);

        Assert.Equal(receiver.Accepted("police").Count, entries.Count);
        Assert.Equal(numbers.Order(), entries.Select(e => e.Subject["certificate:".Length..]).Order());
        var policeOrganisation = entries[0].OrganisationId;
        Assert.All(entries, e =>
        {
            Assert.StartsWith("certificate:", e.Subject);
            Assert.Equal(policeOrganisation, e.OrganisationId);
            Assert.Equal($"webhook:{subscription}", e.ActorId);
            Assert.False(string.IsNullOrEmpty(e.OrganisationName));
            Assert.Contains("delivered (HTTP 204)", e.Details);
            Assert.Equal("death-notification:police", e.Purpose);
        });
        foreach (var d in receiver.Accepted("police"))
            Assert.Contains(entries, e => e.Details.Contains(d.EventId, StringComparison.Ordinal)
                                           && e.Subject == "certificate:" + d.Json.GetProperty("certificateNumber").GetString());

        var supervisor = await factory.ClientForAsync("demo-civil-affairs");
        Assert.True((await (await supervisor.GetAsync("/api/v1/audit/verify")).JsonAsync()).GetProperty("valid").GetBoolean());
    }

    private static async Task<List<AuditEntry>> FeedEntriesAsync(HereafterFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        return await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == "feed.read").OrderBy(e => e.Sequence).ToListAsync();
    }

    private static async Task<List<AuditEntry>> DeliveryEntriesAsync(HereafterFactory factory, Guid subscription)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var actor = $"webhook:{subscription}";
        return await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == "webhook.deliver" && e.ActorId == actor)
            .OrderBy(e => e.Sequence).ToListAsync();
    }
}
