namespace Hereafter.Domain.Pricing;

/// <summary>How an item may be priced (定价方式 and its limits).</summary>
public sealed record PricingTerms(string PricingMode, decimal? Cap, decimal? RangeMin, decimal? RangeMax);

/// <summary>The verdict on a proposed price.</summary>
public enum ProposalVerdict
{
    /// <summary>Within the rules; approvable.</summary>
    Acceptable,
    /// <summary>Outside the reference range with a written reason: approvable, raises a warning.</summary>
    OutsideRangeWithReason,
    /// <summary>Outside the reference range without a reason: a 400, the reason field is missing.</summary>
    ReasonRequired,
    /// <summary>Can never be approved (a government-guided price above its cap, a negative price): a 422.</summary>
    Refused,
}

public sealed record ProposalCheck(ProposalVerdict Verdict, string? Message)
{
    public bool OutsideReferenceRange => Verdict is ProposalVerdict.OutsideRangeWithReason or ProposalVerdict.ReasonRequired;
}

/// <summary>Rules for a price change (明码标价): caps, reference ranges, written reasons.</summary>
public static class PriceRules
{
    /// <summary>Shortest reason accepted for a price outside its reference range.</summary>
    public const int MinimumReasonLength = 4;

    public static decimal Round(decimal yuan) => Math.Round(yuan, 2, MidpointRounding.AwayFromZero);

    /// <summary>Whether a price has at most two decimal places (fen).</summary>
    public static bool IsWholeFen(decimal yuan) => yuan == Round(yuan);

    public static ProposalCheck Check(PricingTerms terms, decimal newPrice, string? reason)
    {
        if (newPrice < 0) return new(ProposalVerdict.Refused, "价格不能为负数。");
        if (!IsWholeFen(newPrice)) return new(ProposalVerdict.Refused, "价格最多保留两位小数（分）。");
        if (terms.PricingMode == PricingModes.GovernmentGuided && terms.Cap is { } cap && newPrice > cap)
            return new(ProposalVerdict.Refused,
                $"政府指导价项目不得高于上限 {cap:0.00} 元，拟定价格 {newPrice:0.00} 元永远不能获批。");
        if (terms.PricingMode == PricingModes.ReferenceRange && IsOutsideRange(terms, newPrice))
        {
            var range = $"{terms.RangeMin?.ToString("0.00") ?? "—"}–{terms.RangeMax?.ToString("0.00") ?? "—"} 元";
            return (reason?.Trim().Length ?? 0) >= MinimumReasonLength
                ? new(ProposalVerdict.OutsideRangeWithReason, $"拟定价格 {newPrice:0.00} 元超出参考区间 {range}，已书面说明理由，将产生预警。")
                : new(ProposalVerdict.ReasonRequired, $"拟定价格 {newPrice:0.00} 元超出参考区间 {range}，必须书面说明理由（至少 {MinimumReasonLength} 个字）。");
        }
        return new(ProposalVerdict.Acceptable, null);
    }

    public static bool IsOutsideRange(PricingTerms terms, decimal price) =>
        (terms.RangeMin is { } min && price < min) || (terms.RangeMax is { } max && price > max);

    /// <summary>The price in force on <paramref name="date"/>: the latest entry effective on or before it; null before the first.</summary>
    public static PriceEntry? InForce(IEnumerable<PriceEntry> history, DateOnly date)
    {
        PriceEntry? best = null;
        foreach (var e in history)
            if (e.EffectiveFrom <= date && (best is null || e.EffectiveFrom > best.EffectiveFrom)) best = e;
        return best;
    }

    /// <summary>The price in force just before the one in force on <paramref name="date"/> (for "changed from").</summary>
    public static PriceEntry? Previous(IEnumerable<PriceEntry> history, DateOnly date)
    {
        var list = history.Where(e => e.EffectiveFrom <= date).OrderByDescending(e => e.EffectiveFrom).Take(2).ToList();
        return list.Count == 2 ? list[1] : null;
    }
}

/// <summary>One price of an item from a date on.</summary>
public sealed record PriceEntry(decimal Price, DateOnly EffectiveFrom);
