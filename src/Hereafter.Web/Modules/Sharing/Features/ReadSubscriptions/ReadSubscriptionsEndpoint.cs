using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Sharing.Features.ReadSubscriptions;

public static class ReadSubscriptionsEndpoint
{
    public static RouteGroupBuilder MapReadSubscriptions(this RouteGroupBuilder hooks)
    {
        hooks.MapGet("/", async (HttpContext http, SubscriptionQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(Actor.Require(http), ct)))
            .WithSummary("Your organisation's subscriptions")
            .Produces<IReadOnlyList<SubscriptionDto>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        hooks.MapGet("/{id:guid}", async (Guid id, HttpContext http, SubscriptionQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ReadAsync(Actor.Require(http), id, ct)))
            .WithSummary("One of your organisation's subscriptions")
            .Produces<SubscriptionDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return hooks;
    }
}
