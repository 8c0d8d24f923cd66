using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Pricing.Features.ReviewPriceChanges;

public static class ReviewPriceChangesEndpoint
{
    public static RouteGroupBuilder MapReviewPriceChanges(this RouteGroupBuilder api)
    {
        api.MapGet("/price-changes", async (string? status, Guid? institutionId, int? take, HttpContext http, PriceChangeQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(Actor.Require(http), status, institutionId, take ?? 100, ct)))
            .WithSummary("Price changes newest first (status=proposed|approved|rejected): the bureau sees all, an institution its own")
            .Produces<IReadOnlyList<PriceChangeDto>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/price-changes/{id:guid}", async (Guid id, HttpContext http, PriceChangeQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(Actor.Require(http), id, ct)))
            .WithSummary("One price change (the bureau or the institution's staff)")
            .Produces<PriceChangeDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
