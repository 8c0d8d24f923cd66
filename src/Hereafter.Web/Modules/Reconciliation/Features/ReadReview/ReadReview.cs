using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReadReview;

/// <summary>A page of a completed job's review queue, masked; reading it is audited once per page.</summary>
public sealed class ReadReviewHandler(RollAccess rolls)
{
    public Task<PageOf<ReviewDto>> HandleAsync(Actor actor, Guid id, int page, int pageSize, CancellationToken ct) =>
        rolls.ReadPageAsync(actor, id, rolls.Reviews, r => r.Row, RollDtos.Review, page, pageSize, "reconciliation.review-read", ct);
}

public static class ReadReviewEndpoint
{
    public static void MapReadReview(this RouteGroupBuilder api) =>
        api.MapGet("/rolls/{id:guid}/review", async (Guid id, int? page, int? pageSize, HttpContext http, ReadReviewHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, page ?? 1, pageSize ?? 100, ct)))
            .WithSummary("Rows for a person to decide, with the reason and the candidate death; masked")
            .Produces<PageOf<ReviewDto>>();
}
