using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Pricing.Features.ReportFigures;

/// <summary>The lists behind the dashboard's funeral price figures, with its filter (the warnings' list is <c>GET /price-warnings</c>).</summary>
public static class FuneralPriceListsEndpoints
{
    private const string Filter = "from/to YYYY-MM (China months, default this year to this month), district a six-digit region code (default the whole city)";

    public static RouteGroupBuilder MapFuneralPriceLists(this RouteGroupBuilder api)
    {
        api.MapGet("/pricing/statistics/funerals", async (string? from, string? to, string? district, HttpContext http, FuneralPriceLists lists, CancellationToken ct) =>
            {
                var actor = Actor.Require(http);
                var filter = await lists.FilterAsync(from, to, district, ct);
                return TypedResults.Ok(await lists.FuneralsAsync(actor, filter, ct));
            })
            .WithSummary("Civil affairs: the funerals behind the funeral cost figures, " + Filter)
            .WithDescription("One row per death case billed in the period (bills by service date) by an institution of the district: its month (first service date), "
                + "bill numbers, institutions and total in yuan, costliest first. Audited.")
            .Produces<IReadOnlyList<FuneralCostRow>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/pricing/disclosure", async (string? from, string? to, string? district, bool? published, HttpContext http, FuneralPriceLists lists, CancellationToken ct) =>
            {
                var actor = Actor.Require(http);
                var filter = await lists.FilterAsync(from, to, district, ct);
                return TypedResults.Ok(await lists.InstitutionsAsync(actor, filter, published, ct));
            })
            .WithSummary("Civil affairs: the institutions that must publish a price list (funeral homes, cemeteries, columbaria, service shops) and whether each has one in force at the end of the period, " + Filter)
            .WithDescription("published=false gives those without a list (the gap in the disclosure rate), published=true those with one. Audited.")
            .Produces<IReadOnlyList<DisclosureRow>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }
}
