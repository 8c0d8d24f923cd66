using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Pricing.Features.ReportStatistics;

public static class ReportStatisticsEndpoint
{
    public static RouteGroupBuilder MapReportStatistics(this RouteGroupBuilder api)
    {
        api.MapGet("/pricing/statistics", async (string? from, string? to, Guid? institutionId, string? district, HttpContext http, ReportStatisticsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), new StatisticsQuery(from, to, institutionId, district), ct)))
            .WithSummary("Civil affairs: average and median bill per funeral, basic vs non-basic share, by institution and month (from/to yyyy-MM), against the baseline. "
                + "With district (six-digit region code) the period is read as the dashboard reads it and only the district's institutions' bills count: the dashboard's funeral figures")
            .Produces<StatisticsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }
}
