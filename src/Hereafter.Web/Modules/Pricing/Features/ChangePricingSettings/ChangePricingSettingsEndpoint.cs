using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Pricing.Features.ChangePricingSettings;

public static class ChangePricingSettingsEndpoint
{
    public static RouteGroupBuilder MapChangePricingSettings(this RouteGroupBuilder api)
    {
        api.MapPut("/pricing/settings", async (PricingSettingsDto request, HttpContext http, ChangePricingSettingsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), request, ct)))
            .WithSummary("Civil affairs changes the thresholds, subsidy cap and baseline (all fields); the plot warning scan runs again")
            .Produces<PricingSettingsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }
}
