namespace Hereafter.Domain.Pricing;

/// <summary>How an item may be priced (定价方式 and its limits).</summary>
public sealed record PricingTerms(PricingMode PricingMode, decimal? Cap, decimal? RangeMin, decimal? RangeMax);

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

/// <param name="Explanation">Why the price is refused or needs a reason; null when it is acceptable.</param>
public sealed record ProposalCheck(ProposalVerdict Verdict, Messages.Message? Explanation)
{
    /// <summary>The explanation in Chinese.</summary>
    public string? Message => Explanation?.Chinese;

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
        if (newPrice < 0) return new(ProposalVerdict.Refused, new Messages.Message("pricing.price.negative"));
        if (!IsWholeFen(newPrice)) return new(ProposalVerdict.Refused, new Messages.Message("pricing.price.more-than-two-decimals"));
        if (terms.PricingMode == PricingMode.GovernmentGuided && terms.Cap is { } cap && newPrice > cap)
            return new(ProposalVerdict.Refused,
                new Messages.Message("pricing.price.above-government-cap").With("cap", Yuan(cap)).With("price", Yuan(newPrice)));
        if (terms.PricingMode == PricingMode.ReferenceRange && IsOutsideRange(terms, newPrice))
        {
            var withReason = (reason?.Trim().Length ?? 0) >= MinimumReasonLength;
            var outside = new Messages.Message(withReason ? "pricing.price.outside-range-with-reason" : "pricing.price.outside-range-reason-required")
                .With("price", Yuan(newPrice))
                .With("min", terms.RangeMin is { } min ? Yuan(min) : "—").With("max", terms.RangeMax is { } max ? Yuan(max) : "—");
            return withReason
                ? new(ProposalVerdict.OutsideRangeWithReason, outside)
                : new(ProposalVerdict.ReasonRequired, outside.With("minLength", MinimumReasonLength));
        }
        return new(ProposalVerdict.Acceptable, null);
    }

    /// <summary>An amount of yuan as the messages show it: two decimals.</summary>
    public static string Yuan(decimal amount) => amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

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
