using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Pricing.Features.RejectPriceChange;

public static class RejectPriceChangeEndpoint
{
    public static RouteGroupBuilder MapRejectPriceChange(this RouteGroupBuilder api)
    {
        api.MapPost("/price-changes/{id:guid}/rejection", async (Guid id, DecisionRequest? request, HttpContext http, RejectPriceChangeHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, request, ct)))
            .WithSummary("Civil affairs rejects a proposed price { reason } (required)")
            .Produces<PriceChangeDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
