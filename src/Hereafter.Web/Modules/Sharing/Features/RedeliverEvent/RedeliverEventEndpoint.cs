using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Sharing.Features.RedeliverEvent;

public static class RedeliverEventEndpoint
{
    public static RouteGroupBuilder MapRedeliverEvent(this RouteGroupBuilder hooks)
    {
        hooks.MapPost("/{id:guid}/deliveries/{eventId:guid}/redeliver",
                async (Guid id, Guid eventId, HttpContext http, RedeliverEventHandler handler, CancellationToken ct) =>
                {
                    await handler.HandleAsync(Actor.Require(http), id, eventId, ct);
                    return TypedResults.Accepted($"/api/v1/subscriptions/{id}/deliveries");
                })
            .WithSummary("Queue one of your department's events for delivery again (before the next new event)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return hooks;
    }
}
