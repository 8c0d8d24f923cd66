using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Pricing.Features.IssueBill;

public static class IssueBillEndpoint
{
    public static RouteGroupBuilder MapIssueBill(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId:guid}/bills", async (Guid caseId, CreateBillRequest request, HttpContext http, IssueBillHandler handler, CancellationToken ct) =>
            {
                var bill = await handler.HandleAsync(Actor.Require(http), caseId, request, ct);
                return TypedResults.Created($"/api/v1/bills/{bill.Id}", bill);
            })
            .WithSummary("An institution bills a death case: { institutionId, lines: [{ itemId, quantity }], serviceDate? } → priced bill (结算单)")
            .WithDescription("Only items of the institution's published list, at the price in force on the service date (today by default); items free for residents are subsidised automatically for a decedent registered in the city, up to the item's cap and the per-funeral cap. The answer (only this one) carries familyUrl, /bills/{code}: the family's page for this bill, no sign-in; only the code's hash is stored, so print it or hand it over now. 422 for anything outside the list; 403 for another institution's staff.")
            .Produces<BillDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return api;
    }
}
