using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.DeleteSubscription;

/// <summary>Stops and removes one of the organisation's subscriptions with its delivery record.</summary>
public sealed class DeleteSubscriptionHandler(HereafterDbContext db, SubscriptionQueries subscriptions, AuditLog audit)
{
    public async Task HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var subscription = await subscriptions.FindAsync(actor, id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<WebhookRedelivery>().Where(r => r.SubscriptionId == id).ExecuteDeleteAsync(ct);
        await db.Set<WebhookDelivery>().Where(r => r.SubscriptionId == id).ExecuteDeleteAsync(ct);
        await db.Set<WebhookSubscription>().Where(s => s.Id == id).ExecuteDeleteAsync(ct);
        await audit.RecordAsync(actor, "subscription.delete", $"subscription:{subscription.Id}", SubscriptionQueries.AuditPurpose, subscription.CallbackUrl, ct);
        await tx.CommitAsync(ct);
    }
}
