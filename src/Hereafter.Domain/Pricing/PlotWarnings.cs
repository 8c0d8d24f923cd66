using System.Globalization;
using Hereafter.Domain.Messages;

namespace Hereafter.Domain.Pricing;

/// <summary>Thresholds of the plot warnings, set by the civil-affairs bureau.</summary>
public sealed record WarningThresholds(
    decimal MedianFactor, int MedianMinimumPlots, decimal RisePercent, int RiseWindowMonths,
    decimal AshesGraveMaxArea, decimal SingleGraveMaxArea, decimal DoubleGraveMaxArea)
{
    /// <summary>1.5 × median; 10 % within 12 months; Guizhou's limits 1 / 4 / 6 m².</summary>
    public static readonly WarningThresholds Default = new(1.5m, 3, 10m, 12, 1m, 4m, 6m);

    /// <summary>Guizhou's area limit for a plot type, or null when the type has none.</summary>
    public decimal? AreaLimit(PlotType plotType) => plotType switch
    {
        PlotType.AshesGrave => AshesGraveMaxArea,
        PlotType.SingleGrave => SingleGraveMaxArea,
        PlotType.DoubleGrave => DoubleGraveMaxArea,
        _ => null,
    };

    /// <summary>Field errors keyed by JSON property name; empty when the thresholds make sense.</summary>
    public IReadOnlyDictionary<string, Message> Problems()
    {
        var p = new Dictionary<string, Message>();
        if (MedianFactor is < 1m or > 10m) p["medianFactor"] = new Message("pricing.settings.median-factor-out-of-range");
        if (MedianMinimumPlots is < 1 or > 1000) p["medianMinimumPlots"] = new Message("pricing.settings.median-minimum-plots-out-of-range");
        if (RisePercent is <= 0m or > 1000m) p["risePercent"] = new Message("pricing.settings.rise-percent-out-of-range");
        if (RiseWindowMonths is < 1 or > 60) p["riseWindowMonths"] = new Message("pricing.settings.rise-window-out-of-range");
        if (AshesGraveMaxArea is <= 0m or > 100m) p["ashesGraveMaxArea"] = new Message("pricing.settings.area-limit-out-of-range");
        if (SingleGraveMaxArea is <= 0m or > 100m) p["singleGraveMaxArea"] = new Message("pricing.settings.area-limit-out-of-range");
        if (DoubleGraveMaxArea is <= 0m or > 100m) p["doubleGraveMaxArea"] = new Message("pricing.settings.area-limit-out-of-range");
        return p;
    }
}

/// <summary>A plot as the warning rules see it: its price in force and its price history.</summary>
public sealed record PlotFacts(
    PlotType PlotType, decimal AreaM2, bool PublicWelfare, PricingTerms Terms, decimal Price, IReadOnlyList<PriceEntry> History);

/// <summary>A broken rule with its evidence: the observed figure and the limit it went past.</summary>
public sealed record WarningFinding(WarningRule Rule, decimal Observed, decimal Threshold, Message Explanation)
{
    /// <summary>The evidence in Chinese, as a price warning stores it.</summary>
    public string Evidence => Explanation.Chinese;
}

/// <summary>墓位价格预警: each rule warns strictly above its threshold, never at it.</summary>
public static class PlotWarnings
{
    /// <summary>A figure as the warnings show it: up to two decimals, none when whole.</summary>
    private static string Figure(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static decimal PricePerSquareMetre(decimal price, decimal area) => area > 0 ? PriceRules.Round(price / area) : 0m;

    /// <summary>The median of price per m² of the plots of one type across the city (null for none).</summary>
    public static decimal? Median(IEnumerable<decimal> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }

    /// <param name="cityPerSquareMetre">Price per m² of every plot of the same type in the city (this one included).</param>
    public static IReadOnlyList<WarningFinding> Evaluate(PlotFacts plot, IReadOnlyCollection<decimal> cityPerSquareMetre, DateOnly asOf, WarningThresholds t)
    {
        var findings = new List<WarningFinding>();
        var price = plot.Price;

        if (plot.PublicWelfare && plot.Terms.Cap is { } cap && price > cap)
            findings.Add(new(WarningRule.AboveGovernmentPrice, price, cap,
                new Message("pricing.warning.above-government-price").With("price", PriceRules.Yuan(price)).With("cap", PriceRules.Yuan(cap))));

        if (plot.Terms.RangeMax is { } ceiling && price > ceiling)
            findings.Add(new(WarningRule.AboveReferenceCeiling, price, ceiling,
                new Message("pricing.warning.above-reference-ceiling").With("price", PriceRules.Yuan(price)).With("ceiling", PriceRules.Yuan(ceiling))));

        if (plot.AreaM2 > 0 && cityPerSquareMetre.Count >= t.MedianMinimumPlots && Median(cityPerSquareMetre) is { } median && median > 0)
        {
            var perM2 = PricePerSquareMetre(price, plot.AreaM2);
            var limit = PriceRules.Round(median * t.MedianFactor);
            if (perM2 > limit)
                findings.Add(new(WarningRule.PricePerSquareMetreAboveMedian, perM2, limit,
                    new Message("pricing.warning.price-per-square-metre-above-median")
                        .With("perSquareMetre", PriceRules.Yuan(perM2)).With("plotType", plot.PlotType.ChineseName())
                        .With("plots", cityPerSquareMetre.Count).With("median", PriceRules.Yuan(median))
                        .With("factor", Figure(t.MedianFactor)).With("limit", PriceRules.Yuan(limit))));
        }

        if (t.AreaLimit(plot.PlotType) is { } maxArea && plot.AreaM2 > maxArea)
            findings.Add(new(WarningRule.AreaAboveLimit, plot.AreaM2, maxArea,
                new Message("pricing.warning.area-above-limit").With("plotType", plot.PlotType.ChineseName())
                    .With("area", Figure(plot.AreaM2)).With("limit", Figure(maxArea))));

        if (Rise(plot.History, price, asOf, t.RiseWindowMonths) is { } rise && rise.Percent > t.RisePercent)
            findings.Add(new(WarningRule.RiseWithinYear, rise.Percent, t.RisePercent,
                new Message("pricing.warning.rise-within-window").With("months", t.RiseWindowMonths)
                    .With("from", PriceRules.Yuan(rise.From)).With("price", PriceRules.Yuan(price))
                    .With("percent", PriceRules.Yuan(rise.Percent)).With("limit", Figure(t.RisePercent))));

        return findings;
    }

    /// <summary>
    /// The rise of <paramref name="price"/> (in force on <paramref name="asOf"/>) over the lowest price in force at any
    /// time within the window before it; null when there was no price in the window. The current price may be among
    /// the candidates: it can only make the rise smaller, never create one.
    /// </summary>
    public static (decimal From, decimal Percent)? Rise(IReadOnlyList<PriceEntry> history, decimal price, DateOnly asOf, int windowMonths)
    {
        var windowStart = asOf.AddMonths(-windowMonths);
        // Prices in force at some moment of [windowStart, asOf): the one in force at the window's start and any starting inside it.
        var candidates = history.Where(e => e.EffectiveFrom > windowStart && e.EffectiveFrom < asOf).Select(e => e.Price).ToList();
        if (PriceRules.InForce(history, windowStart) is { } atStart) candidates.Add(atStart.Price);
        if (candidates.Count == 0) return null;
        var lowest = candidates.Min();
        if (lowest <= 0) return null;
        return (lowest, PriceRules.Round((price - lowest) / lowest * 100m));
    }
}
