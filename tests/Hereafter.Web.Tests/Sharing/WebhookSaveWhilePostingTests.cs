using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>
/// The dispatcher records what it delivered while it goes on posting (the next batch read ahead, each save beside the
/// posts). With a save after every two deliveries, and the receiver failing once in the middle of the run, every
/// event still arrives in feed order, every attempt is one row and one audit entry, and the cursor ends on the last
/// event: nothing recorded twice, nothing skipped, the chain intact.
/// </summary>
public sealed class WebhookSaveWhilePostingTests
{
    private sealed class SaveOftenFactory : WebhookFactory
    {
        protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>(base.ExtraSettings())
        {
            ["Webhooks:SaveEveryEvents"] = "2",
            ["Webhooks:SaveEveryMilliseconds"] = "1",
            ["Webhooks:BatchSize"] = "5",
        };
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SavingBesideThePosts_RecordsEachAttemptOnce_InOrder_AndTheCursorEndsOnTheLastEvent()
    {
        const int count = 24;
        using var factory = new SaveOftenFactory();
        await using var receiver = await WebhookReceiver.StartAsync();
        await factory.WaitUntilQuietAsync(); // the demo certificates' events are not part of this test
        receiver.Down = true;
        var police = await factory.ClientForAsync("demo-police");
        var (subscription, _) = await police.SubscribeAsync(receiver.Url("police"), types: ["certificate.issued"]);
        var before = (await police.ReadFeedAsync(limit: 500)).Select(e => e.GetProperty("id").GetString()!).ToHashSet();

        var numbers = await factory.IssueManyAsync(count);
        await WebhookTestHelpers.UntilAsync(() => receiver.Rejected("police").Count >= 1, Wait, () => "nothing tried while down");
        receiver.Down = false;
        // Down once more in the middle of the run: the failure waits for the save under way, then retries the same event.
        await WebhookTestHelpers.UntilAsync(() => receiver.AcceptedIds("police").Count >= count / 2, Wait, () => "half not delivered");
        receiver.Down = true;
        await Task.Delay(150);
        receiver.Down = false;
        await WebhookTestHelpers.UntilAsync(() => receiver.AcceptedIds("police").Count >= count, Wait,
            () => $"{receiver.AcceptedIds("police").Count} of {count} delivered");

        var feed = (await police.ReadFeedAsync(limit: 500)).Select(e => e.GetProperty("id").GetString()!).Where(e => !before.Contains(e)).ToList();
        Assert.Equal(count, feed.Count);
        Assert.Equal(feed, receiver.AcceptedIds("police"));
        Assert.Equal(numbers.Order(), receiver.Accepted("police").Select(d => d.Json.GetProperty("certificateNumber").GetString()!).Distinct().Order());

        // The last save lands after the last post: wait for the cursor, then compare every record with what the receiver saw.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var last = (await db.Set<SharingEvent>().Where(e => e.Department == Department.Police).MaxAsync(e => e.FeedPosition))!.Value;
        var until = DateTime.UtcNow + Wait;
        while (await db.Set<WebhookSubscription>().Where(s => s.Id == subscription).Select(s => s.DeliveredThrough).FirstAsync() != last
               && DateTime.UtcNow < until)
            await Task.Delay(100);
        var saved = await db.Set<WebhookSubscription>().AsNoTracking().FirstAsync(s => s.Id == subscription);
        Assert.Equal(last, saved.DeliveredThrough);
        Assert.Null(saved.LeaseOwner);

        var rows = await db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == subscription).ToListAsync();
        var posted = receiver.All.Where(d => d.Path == "/police").ToList();
        Assert.Equal(posted.Count, rows.Count);
        Assert.Equal(receiver.Accepted("police").Count, rows.Count(r => r.Delivered));
        Assert.Equal(rows.Count, rows.Select(r => (r.EventId, r.Attempt, r.At)).Distinct().Count());
        Assert.All(feed, id => Assert.Contains(rows, r => r.EventId.ToString() == id && r.Delivered));
        var delivered = rows.Where(r => r.Delivered).OrderBy(r => r.Id).Select(r => r.EventId.ToString()).Distinct().ToList();
        Assert.Equal(feed, delivered);

        var actor = $"webhook:{subscription}";
        Assert.Equal(rows.Count, await db.Set<AuditEntry>().CountAsync(e => e.Action == "webhook.deliver" && e.ActorId == actor));
        var supervisor = await factory.ClientForAsync("demo-civil-affairs");
        Assert.True((await (await supervisor.GetAsync("/api/v1/audit/verify")).JsonAsync()).GetProperty("valid").GetBoolean());
    }
}
