using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Pricing.Features.ExportToExcel;

public static class ExportPriceListEndpoint
{
    public static RouteGroupBuilder MapExportPriceList(this RouteGroupBuilder open)
    {
        open.MapGet("/price-lists/{institutionId:guid}/export.xlsx", async (Guid institutionId, string? asOf, PriceListQueries queries, CancellationToken ct) =>
            {
                var list = await queries.GetPriceListAsync(institutionId, PricingTime.ParseAsOf(asOf), ct)
                           ?? throw ProblemException.NotFound(new Message("pricing.price-list.not-found"));
                return TypedResults.File(PricingExcel.PriceList(list), PricingExcel.ContentType, $"price-list-{list.AsOf:yyyyMMdd}.xlsx");
            })
            .WithSummary("Public: the price list as an Excel workbook")
            .Produces(StatusCodes.Status200OK, contentType: PricingExcel.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return open;
    }
}
