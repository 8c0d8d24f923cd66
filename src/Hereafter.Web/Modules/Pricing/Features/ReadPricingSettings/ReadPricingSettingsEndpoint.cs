using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Pricing.Features.ReadPricingSettings;

public static class ReadPricingSettingsEndpoint
{
    public static RouteGroupBuilder MapReadPricingSettings(this RouteGroupBuilder api)
    {
        api.MapGet("/pricing/settings", async (HttpContext http, ReadPricingSettingsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), ct)))
            .WithSummary("Warning thresholds, per-funeral resident subsidy cap and statistics baseline")
            .Produces<PricingSettingsDto>();

        return api;
    }
}
