using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Sharing.Features.DeleteSubscription;

public static class DeleteSubscriptionEndpoint
{
    public static RouteGroupBuilder MapDeleteSubscription(this RouteGroupBuilder hooks)
    {
        hooks.MapDelete("/{id:guid}", async (Guid id, HttpContext http, DeleteSubscriptionHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.Require(http), id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Stop and remove a subscription")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return hooks;
    }
}
