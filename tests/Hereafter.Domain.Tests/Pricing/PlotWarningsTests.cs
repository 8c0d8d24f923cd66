using Hereafter.Domain.Pricing;

namespace Hereafter.Domain.Tests.Pricing;

public class PlotWarningsTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly WarningThresholds T = WarningThresholds.Default;

    /// <summary>A plot priced since long ago, with no rule near its threshold unless a test says so.</summary>
    private static PlotFacts Plot(decimal price, decimal area = 1m, PlotType type = PlotType.AshesGrave, bool publicWelfare = false,
        decimal? cap = null, decimal? rangeMax = null, IReadOnlyList<PriceEntry>? history = null) =>
        new(type, area, publicWelfare,
            new PricingTerms(cap is null ? PricingMode.ReferenceRange : PricingMode.GovernmentGuided, cap, null, rangeMax),
            price, history ?? [new PriceEntry(price, Today.AddYears(-3))]);

    private static IReadOnlyList<WarningRule> Rules(PlotFacts plot, IReadOnlyCollection<decimal>? city = null, WarningThresholds? t = null) =>
        PlotWarnings.Evaluate(plot, city ?? [], Today, t ?? T).Select(f => f.Rule).ToList();

    [Fact]
    public void PublicWelfarePlot_AtGovernmentPrice_NoWarning_OneFenAbove_Warns()
    {
        Assert.Empty(Rules(Plot(6000m, publicWelfare: true, cap: 6000m)));
        Assert.Empty(Rules(Plot(5999.99m, publicWelfare: true, cap: 6000m)));
        var findings = PlotWarnings.Evaluate(Plot(6000.01m, publicWelfare: true, cap: 6000m), [], Today, T);
        var f = Assert.Single(findings);
        Assert.Equal(WarningRule.AboveGovernmentPrice, f.Rule);
        Assert.Equal(6000.01m, f.Observed);
        Assert.Equal(6000m, f.Threshold);
        Assert.Contains("高于政府定价 6000.00 元", f.Evidence);
    }

    [Fact]
    public void CommercialPlot_AboveItsCapField_IsNotAGovernmentPriceWarning()
    {
        Assert.Empty(Rules(Plot(7000m, publicWelfare: false, cap: 6000m)));
    }

    [Fact]
    public void Plot_AtReferenceCeiling_NoWarning_OneFenAbove_Warns()
    {
        Assert.Empty(Rules(Plot(80000m, area: 4m, type: PlotType.SingleGrave, rangeMax: 80000m)));
        Assert.Empty(Rules(Plot(79999.99m, area: 4m, type: PlotType.SingleGrave, rangeMax: 80000m)));
        Assert.Equal([WarningRule.AboveReferenceCeiling], Rules(Plot(80000.01m, area: 4m, type: PlotType.SingleGrave, rangeMax: 80000m)));
    }

    [Fact]
    public void PricePerSquareMetre_AtOneAndAHalfTimesTheMedian_NoWarning_JustAbove_Warns()
    {
        // City: 10,000 / 12,000 / 14,000 per m² → median 12,000, limit 18,000.
        decimal[] city = [10000m, 12000m, 14000m];
        Assert.Empty(Rules(Plot(18000m), [.. city, 18000m])); // median of 4 = 13,000 → limit 19,500
        Assert.Empty(Rules(Plot(18000m), city));
        Assert.Empty(Rules(Plot(17999.99m), city));
        var f = Assert.Single(PlotWarnings.Evaluate(Plot(18000.01m), city, Today, T));
        Assert.Equal(WarningRule.PricePerSquareMetreAboveMedian, f.Rule);
        Assert.Equal(18000.01m, f.Observed);
        Assert.Equal(18000m, f.Threshold);
        Assert.Contains("中位数 12000.00 元", f.Evidence);
    }

    [Fact]
    public void PricePerSquareMetre_UsesTheArea()
    {
        decimal[] city = [10000m, 12000m, 14000m];
        Assert.Empty(Rules(Plot(14400m, area: 0.8m), city)); // 18,000 per m²
        Assert.Equal([WarningRule.PricePerSquareMetreAboveMedian], Rules(Plot(14400.01m, area: 0.8m), city));
    }

    [Fact]
    public void MedianRule_WithFewerPlotsThanTheMinimum_DoesNotApply()
    {
        Assert.Empty(Rules(Plot(50000m), [10000m, 12000m]));
        Assert.Equal([WarningRule.PricePerSquareMetreAboveMedian], Rules(Plot(50000m), [10000m, 12000m], T with { MedianMinimumPlots = 2 }));
    }

    [Fact]
    public void MedianFactor_IsTheBureausSetting()
    {
        decimal[] city = [10000m, 12000m, 14000m];
        Assert.Equal([WarningRule.PricePerSquareMetreAboveMedian], Rules(Plot(15000m), city, T with { MedianFactor = 1.2m })); // limit 14,400
        Assert.Empty(Rules(Plot(15000m), city, T with { MedianFactor = 1.25m })); // limit 15,000
    }

    [Theory]
    [InlineData(PlotType.AshesGrave, "1", "1.01")]
    [InlineData(PlotType.SingleGrave, "4", "4.01")]
    [InlineData(PlotType.DoubleGrave, "6", "6.01")]
    public void Area_AtGuizhouLimit_NoWarning_JustAbove_Warns(PlotType type, string limit, string above)
    {
        var max = decimal.Parse(limit, System.Globalization.CultureInfo.InvariantCulture);
        var over = decimal.Parse(above, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty(Rules(Plot(10000m, area: max, type: type)));
        Assert.Empty(Rules(Plot(10000m, area: max - 0.01m, type: type)));
        var f = Assert.Single(PlotWarnings.Evaluate(Plot(10000m, area: over, type: type), [], Today, T));
        Assert.Equal(WarningRule.AreaAboveLimit, f.Rule);
        Assert.Equal(over, f.Observed);
        Assert.Equal(max, f.Threshold);
    }

    [Fact]
    public void Area_OfATypeWithoutALimit_NeverWarns()
    {
        Assert.Empty(Rules(Plot(1000m, area: 50m, type: PlotType.TreeBurial)));
    }

    [Fact]
    public void AreaLimits_AreTheBureausSetting()
    {
        Assert.Equal([WarningRule.AreaAboveLimit], Rules(Plot(10000m, area: 0.9m), t: T with { AshesGraveMaxArea = 0.8m }));
    }

    [Fact]
    public void Rise_OfExactlyTenPercentWithinAYear_NoWarning_JustAbove_Warns()
    {
        PriceEntry[] Rose(decimal to) => [new(10000m, Today.AddYears(-2)), new(to, Today.AddMonths(-3))];
        Assert.Empty(Rules(Plot(11000m, history: Rose(11000m))));
        Assert.Empty(Rules(Plot(10999m, history: Rose(10999m))));
        var f = Assert.Single(PlotWarnings.Evaluate(Plot(11001m, history: Rose(11001m)), [], Today, T));
        Assert.Equal(WarningRule.RiseWithinYear, f.Rule);
        Assert.Equal(10.01m, f.Observed);
        Assert.Equal(10m, f.Threshold);
        Assert.Contains("由 10000.00 元涨至 11001.00 元", f.Evidence);
    }

    [Fact]
    public void Rise_CountsFromTheLowestPriceInTheWindow_ThroughSeveralSteps()
    {
        // 10,000 → 10,500 (8 months ago) → 11,500 (1 month ago): 15 % within the year though each step is under 10 %.
        PriceEntry[] history = [new(10000m, Today.AddYears(-2)), new(10500m, Today.AddMonths(-8)), new(11500m, Today.AddMonths(-1))];
        var f = Assert.Single(PlotWarnings.Evaluate(Plot(11500m, history: history), [], Today, T));
        Assert.Equal(15m, f.Observed);
    }

    [Fact]
    public void Rise_BeforeTheWindow_IsNotWithinTheYear()
    {
        PriceEntry[] history = [new(10000m, Today.AddYears(-3)), new(15000m, Today.AddMonths(-13))];
        Assert.Empty(Rules(Plot(15000m, history: history)));
        Assert.Equal([WarningRule.RiseWithinYear], Rules(Plot(15000m, history: history), t: T with { RiseWindowMonths = 14 }));
    }

    [Fact]
    public void APriceCut_IsNoRise()
    {
        PriceEntry[] history = [new(12000m, Today.AddYears(-2)), new(9000m, Today.AddMonths(-2))];
        Assert.Empty(Rules(Plot(9000m, history: history)));
    }

    [Fact]
    public void Median_OfOddAndEvenCounts()
    {
        Assert.Null(PlotWarnings.Median([]));
        Assert.Equal(5m, PlotWarnings.Median([9m, 1m, 5m]));
        Assert.Equal(4m, PlotWarnings.Median([1m, 3m, 5m, 9m]));
    }

    [Fact]
    public void Thresholds_OutOfRange_AreNamedByField()
    {
        Assert.Empty(T.Problems());
        var p = (T with { MedianFactor = 0.9m, RisePercent = 0m, DoubleGraveMaxArea = -1m }).Problems();
        Assert.Equal(["doubleGraveMaxArea", "medianFactor", "risePercent"], p.Keys.Order().ToArray());
    }
}
