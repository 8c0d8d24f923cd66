using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Pricing.Features.ReviewPriceWarnings;

public static class ReviewPriceWarningsEndpoint
{
    public static RouteGroupBuilder MapReviewPriceWarnings(this RouteGroupBuilder api)
    {
        api.MapGet("/price-warnings", async (string? status, Guid? institutionId, int? take, HttpContext http, PriceWarningQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(Actor.Require(http), status, institutionId, take ?? 200, ct)))
            .WithSummary("Price warnings with their evidence, newest first (status=open|closed): the bureau sees all, an institution its own")
            .Produces<IReadOnlyList<PriceWarningDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/price-warnings/{id:guid}", async (Guid id, HttpContext http, PriceWarningQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(Actor.Require(http), id, ct)))
            .WithSummary("One price warning with its evidence")
            .Produces<PriceWarningDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
