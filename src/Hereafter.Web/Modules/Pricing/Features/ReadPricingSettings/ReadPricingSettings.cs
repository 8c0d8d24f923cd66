using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Modules.Pricing.Features.ReadPricingSettings;

/// <summary>The bureau's warning thresholds, per-funeral subsidy cap and statistics baseline as they stand (the defaults until changed).</summary>
public sealed class ReadPricingSettingsHandler(HereafterDbContext db)
{
    public async Task<PricingSettingsDto> HandleAsync(Actor actor, CancellationToken ct)
    {
        _ = actor;
        return PricingSettingsStore.ToDto(await PricingSettingsStore.ReadAsync(db, ct));
    }
}
