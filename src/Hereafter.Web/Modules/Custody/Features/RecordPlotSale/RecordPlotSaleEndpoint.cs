using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Custody.Features.RecordPlotSale;

public static class RecordPlotSaleEndpoint
{
    public static IEndpointRouteBuilder MapRecordPlotSale(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/plot-sales", async (PlotSaleRequest request, HttpContext http, RecordPlotSaleHandler handler, CancellationToken ct) =>
            {
                var recorded = await handler.HandleAsync(Actor.Require(http), request, ct);
                return TypedResults.Created($"/api/v1/plot-sales/{recorded.Id}", recorded);
            })
            .WithTags("Custody").RequireAuthorization().DisableAntiforgery()
            .WithSummary("A cemetery or columbarium records a plot or niche sale: { certificateNumber | cremationCertificateNumber, plotOrNiche, soldAt } → 201")
            .WithDescription("Only against an active death certificate or a 火化证明 not written off (409 otherwise); a plot already sold is 409.")
            .Produces<PlotSaleRecorded>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
