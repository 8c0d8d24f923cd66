using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Features.ReportStatistics;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Pricing.Features.ExportToExcel;

public static class ExportStatisticsEndpoint
{
    public static RouteGroupBuilder MapExportStatistics(this RouteGroupBuilder api)
    {
        api.MapGet("/pricing/statistics/export.xlsx", async (string? from, string? to, Guid? institutionId, string? district, HttpContext http, ReportStatisticsHandler handler, CancellationToken ct) =>
            {
                var stats = await handler.HandleAsync(Actor.Require(http), new StatisticsQuery(from, to, institutionId, district), ct);
                return TypedResults.File(PricingExcel.Statistics(stats), PricingExcel.ContentType, $"funeral-costs-{stats.From}-{stats.To}.xlsx");
            })
            .WithSummary("Civil affairs: the statistics as an Excel workbook")
            .Produces(StatusCodes.Status200OK, contentType: PricingExcel.ContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }
}
