using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Pricing.Features.ScanPriceWarnings;

public static class ScanPriceWarningsEndpoint
{
    public static RouteGroupBuilder MapScanPriceWarnings(this RouteGroupBuilder api)
    {
        api.MapPost("/price-warnings/scan", async (HttpContext http, ScanPriceWarningsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), ct)))
            .WithSummary("Civil affairs runs the plot warning scan now (it also runs on every approval and threshold change); returns the warnings opened")
            .Produces<IReadOnlyList<PriceWarningDto>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }
}
