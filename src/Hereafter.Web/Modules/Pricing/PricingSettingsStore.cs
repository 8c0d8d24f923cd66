using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing;

/// <summary>The bureau's settings row, created with the defaults on first read.</summary>
internal static class PricingSettingsStore
{
    public static PricingSettings Defaults() => new()
    {
        Id = 1,
        MedianFactor = WarningThresholds.Default.MedianFactor,
        MedianMinimumPlots = WarningThresholds.Default.MedianMinimumPlots,
        RisePercent = WarningThresholds.Default.RisePercent,
        RiseWindowMonths = WarningThresholds.Default.RiseWindowMonths,
        AshesGraveMaxArea = WarningThresholds.Default.AshesGraveMaxArea,
        SingleGraveMaxArea = WarningThresholds.Default.SingleGraveMaxArea,
        DoubleGraveMaxArea = WarningThresholds.Default.DoubleGraveMaxArea,
        ResidentSubsidyCapPerFuneral = 1780m,
        BaselineAveragePerFuneral = 0m,
        BaselineLabel = "",
    };

    public static async Task<PricingSettings> ReadAsync(HereafterDbContext db, CancellationToken ct) =>
        await db.Set<PricingSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == 1, ct) ?? Defaults();

    public static WarningThresholds Thresholds(PricingSettings s) =>
        new(s.MedianFactor, s.MedianMinimumPlots, s.RisePercent, s.RiseWindowMonths, s.AshesGraveMaxArea, s.SingleGraveMaxArea, s.DoubleGraveMaxArea);

    public static PricingSettingsDto ToDto(PricingSettings s) =>
        new(s.MedianFactor, s.MedianMinimumPlots, s.RisePercent, s.RiseWindowMonths, s.AshesGraveMaxArea, s.SingleGraveMaxArea,
            s.DoubleGraveMaxArea, s.ResidentSubsidyCapPerFuneral, s.BaselineAveragePerFuneral, s.BaselineLabel, s.UpdatedAt, s.UpdatedBy);
}
