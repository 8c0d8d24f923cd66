using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Pricing.Features.ReadBills;

public static class ReadBillsEndpoint
{
    public static RouteGroupBuilder MapReadBills(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{caseId:guid}/bills", async (Guid caseId, HttpContext http, BillQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListForCaseAsync(Actor.Require(http), caseId, ct)))
            .WithSummary("The bills of a case: civil affairs sees all, an institution the bills it issued")
            .Produces<IReadOnlyList<BillDto>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/bills", async (Guid? institutionId, int? take, HttpContext http, BillQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListRecentAsync(Actor.Require(http), institutionId, take ?? 50, ct)))
            .WithSummary("Recent bills: an institution its own, civil affairs any (optionally one institution)")
            .Produces<IReadOnlyList<BillDto>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/bills/{id:guid}", async (Guid id, HttpContext http, BillQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ReadAsync(Actor.Require(http), id, ct)))
            .WithSummary("One bill (the issuing institution or civil affairs)")
            .Produces<BillDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
