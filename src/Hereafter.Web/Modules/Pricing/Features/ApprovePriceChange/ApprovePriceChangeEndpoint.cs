using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Pricing.Features.ApprovePriceChange;

public static class ApprovePriceChangeEndpoint
{
    public static RouteGroupBuilder MapApprovePriceChange(this RouteGroupBuilder api)
    {
        api.MapPost("/price-changes/{id:guid}/approval", async (Guid id, DecisionRequest? request, HttpContext http, ApprovePriceChangeHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, request, ct)))
            .WithSummary("Civil affairs approves a proposed price { reason? }: it enters the price history from its effective date (today if that has passed)")
            .Produces<PriceChangeDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return api;
    }
}
