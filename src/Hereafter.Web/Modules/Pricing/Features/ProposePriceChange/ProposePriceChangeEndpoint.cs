using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Pricing.Features.ProposePriceChange;

public static class ProposePriceChangeEndpoint
{
    public static RouteGroupBuilder MapProposePriceChange(this RouteGroupBuilder api)
    {
        api.MapPost("/institutions/{institutionId:guid}/price-changes",
                async (Guid institutionId, ProposePriceChangeRequest request, HttpContext http, ProposePriceChangeHandler handler, CancellationToken ct) =>
                {
                    var created = await handler.HandleAsync(Actor.Require(http), institutionId, request, ct);
                    return TypedResults.Created($"/api/v1/price-changes/{created.Id}", created);
                })
            .WithSummary("Institution staff propose a price: { itemId, newPrice, effectiveFrom (yyyy-MM-dd), reason } → 201 { id }")
            .WithDescription("422 when it can never be approved (a government-guided price above its cap); 400 without a written reason when outside the reference range (with one, it is accepted and raises a warning); 403 for another institution's staff.")
            .Produces<PriceChangeCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return api;
    }
}
