using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.RedeliverEvent;

/// <summary>Queues one of the department's events for delivery to a subscription again, before the next new event.</summary>
public sealed class RedeliverEventHandler(HereafterDbContext db, SubscriptionQueries subscriptions, OutboxSignal signal, TimeProvider clock)
{
    public async Task HandleAsync(Actor actor, Guid id, Guid eventId, CancellationToken ct)
    {
        var subscription = await subscriptions.FindAsync(actor, id, ct);
        var exists = await db.Set<SharingEvent>().AnyAsync(e => e.Id == eventId && e.Department == subscription.Department && (e.OrganisationId == null || e.OrganisationId == subscription.OrganisationId) && e.FeedPosition != null, ct);
        if (!exists) throw ProblemException.NotFound(new Message("sharing.event.not-found"));
        db.Add(new WebhookRedelivery { SubscriptionId = id, EventId = eventId, RequestedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        signal.Notify();
    }
}
