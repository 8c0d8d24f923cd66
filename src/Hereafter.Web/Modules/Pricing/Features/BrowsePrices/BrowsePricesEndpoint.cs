using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Pricing.Features.BrowsePrices;

public static class BrowsePricesEndpoint
{
    public static RouteGroupBuilder MapBrowsePrices(this RouteGroupBuilder open)
    {
        open.MapGet("/price-lists", async (string? district, string? type, PriceListQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListInstitutionsAsync(district, type, ct)))
            .WithSummary("Public: institutions that publish a price list, by district and type (funeral-home|cemetery|columbarium|service-shop)")
            .Produces<IReadOnlyList<InstitutionSummary>>();

        open.MapGet("/price-lists/{institutionId:guid}", async (Guid institutionId, string? asOf, PriceListQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetPriceListAsync(institutionId, PricingTime.ParseAsOf(asOf), ct)
                                ?? throw ProblemException.NotFound(new Message("pricing.price-list.not-found"))))
            .WithSummary("Public: one institution's standardized price list (basic services first, then non-basic, goods, plots), priced as in force today or on asOf=yyyy-MM-dd; warning marks items under an open price warning")
            .Produces<PriceListDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        open.MapGet("/price-items/{itemId:guid}/history", async (Guid itemId, PriceListQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetItemHistoryAsync(itemId, ct) ?? throw ProblemException.NotFound(new Message("pricing.item.not-found"))))
            .WithSummary("Public: every price of an item with its effective date, newest first")
            .Produces<IReadOnlyList<PriceHistoryEntry>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        open.MapGet("/price-comparisons", async (PriceListQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListComparableItemsAsync(ct)))
            .WithSummary("Public: standard items that can be compared across institutions")
            .Produces<IReadOnlyList<ComparableItem>>();

        open.MapGet("/price-comparisons/{code}", async (string code, string? asOf, PriceListQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.CompareItemAsync(code, PricingTime.ParseAsOf(asOf), ct) ?? throw ProblemException.NotFound(new Message("pricing.comparison.not-found"))))
            .WithSummary("Public: one item (standard code such as basic.cremation, or exact name) across institutions, cheapest first")
            .Produces<ItemComparison>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        open.MapPost("/price-calculations", async (CalculationRequest request, PriceListQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.CalculateAsync(request, ct)))
            .WithSummary("Public: the calculator: { lines: [{ itemId, quantity }], resident, date? } priced as in force with resident subsidies")
            .Produces<CalculationResult>()
            .ProducesValidationProblem();

        return open;
    }
}
