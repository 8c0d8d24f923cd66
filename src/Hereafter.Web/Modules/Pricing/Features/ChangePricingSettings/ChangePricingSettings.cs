using Hereafter.Domain.Messages;
using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing.Features.ChangePricingSettings;

/// <summary>
/// The bureau's warning thresholds, per-funeral subsidy cap and statistics baseline, kept in the database so every
/// node uses the same values and a change needs no deployment (ADR 0006). A change re-runs the plot scan.
/// </summary>
public sealed class ChangePricingSettingsHandler(HereafterDbContext db, PlotWarningScanner scanner, AuditLog audit, TimeProvider clock)
{
    public async Task<PricingSettingsDto> HandleAsync(Actor actor, PricingSettingsDto request, CancellationToken ct)
    {
        if (!PricingAccess.Decides(actor))
            throw ProblemException.Forbidden(new Message("pricing.settings.forbidden"));
        var thresholds = new WarningThresholds(request.MedianFactor, request.MedianMinimumPlots, request.RisePercent, request.RiseWindowMonths,
            request.AshesGraveMaxArea, request.SingleGraveMaxArea, request.DoubleGraveMaxArea);
        var errors = new FieldErrors();
        errors.AddRange(thresholds.Problems().Select(p => new FieldMessage(p.Key, p.Value)));
        if (request.ResidentSubsidyCapPerFuneral is < 0m or > 100000m || !PriceRules.IsWholeFen(request.ResidentSubsidyCapPerFuneral))
            errors.Add("residentSubsidyCapPerFuneral", new Message("pricing.settings.subsidy-cap-out-of-range"));
        if (request.BaselineAveragePerFuneral is < 0m or > 10000000m || !PriceRules.IsWholeFen(request.BaselineAveragePerFuneral))
            errors.Add("baselineAveragePerFuneral", new Message("pricing.settings.baseline-out-of-range"));
        var label = request.BaselineLabel?.Trim() ?? "";
        RequestValidation.Check(request, "", errors);
        errors.ThrowIfAny();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Set<PricingSettings>().FirstOrDefaultAsync(s => s.Id == 1, ct);
        if (row is null) db.Add(row = PricingSettingsStore.Defaults());
        var before = PricingSettingsStore.ToDto(row);
        row.MedianFactor = request.MedianFactor;
        row.MedianMinimumPlots = request.MedianMinimumPlots;
        row.RisePercent = request.RisePercent;
        row.RiseWindowMonths = request.RiseWindowMonths;
        row.AshesGraveMaxArea = request.AshesGraveMaxArea;
        row.SingleGraveMaxArea = request.SingleGraveMaxArea;
        row.DoubleGraveMaxArea = request.DoubleGraveMaxArea;
        row.ResidentSubsidyCapPerFuneral = request.ResidentSubsidyCapPerFuneral;
        row.BaselineAveragePerFuneral = request.BaselineAveragePerFuneral;
        row.BaselineLabel = label;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = actor.Name;
        await db.SaveChangesAsync(ct);
        var raised = await scanner.ScanAsync(ct);
        await audit.RecordAsync(actor, "pricing.settings", "pricing-settings", "price-regulation",
            $"{before with { UpdatedAt = null, UpdatedBy = null }} → {PricingSettingsStore.ToDto(row) with { UpdatedAt = null, UpdatedBy = null }}; {raised.Count} warnings raised", ct);
        await tx.CommitAsync(ct);
        return PricingSettingsStore.ToDto(row);
    }
}
