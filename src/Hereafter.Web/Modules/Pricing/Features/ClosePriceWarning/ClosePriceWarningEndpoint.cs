using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Pricing.Features.ClosePriceWarning;

public static class ClosePriceWarningEndpoint
{
    public static RouteGroupBuilder MapClosePriceWarning(this RouteGroupBuilder api)
    {
        api.MapPost("/price-warnings/{id:guid}/closure", async (Guid id, CloseWarningRequest request, HttpContext http, ClosePriceWarningHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, request, ct)))
            .WithSummary("Civil affairs closes a warning with a note { note }")
            .Produces<PriceWarningDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
