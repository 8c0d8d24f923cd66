using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Sharing.Features.ReadChangeFeed;

public static class ReadChangeFeedEndpoint
{
    public static RouteGroupBuilder MapReadChangeFeed(this RouteGroupBuilder api)
    {
        api.MapGet("/events", async (string? after, int? limit, HttpContext http, ReadChangeFeedHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), after, limit, ct)))
            .WithSummary("Change feed: your department's events in commit order. Pass nextCursor as after= to page; no gaps, no repeats.")
            .WithDescription("Event types: certificate.issued, certificate.corrected, certificate.revoked, case.task-updated, case.task-requested, custody.picked-up, custody.cremated, custody.placed. Each event has id (stable across redeliveries), type, occurredAt, caseId, certificateNumber and data limited to what your department may see.")
            .Produces<FeedPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }
}
