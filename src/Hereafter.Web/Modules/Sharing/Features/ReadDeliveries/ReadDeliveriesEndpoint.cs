using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Sharing.Features.ReadDeliveries;

public static class ReadDeliveriesEndpoint
{
    public static RouteGroupBuilder MapReadDeliveries(this RouteGroupBuilder hooks)
    {
        hooks.MapGet("/{id:guid}/deliveries", async (Guid id, int? limit, HttpContext http, SubscriptionQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.DeliveriesAsync(Actor.Require(http), id, limit, ct)))
            .WithSummary("Delivery attempts, newest first: event, attempt number, time, HTTP status, error, delivered or next retry; and the last error")
            .Produces<DeliveriesDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return hooks;
    }
}
