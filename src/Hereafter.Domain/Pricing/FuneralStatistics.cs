namespace Hereafter.Domain.Pricing;

/// <summary>One bill as statistics see it: its case, institution, service month and amounts by category.</summary>
public sealed record BillFigures(Guid CaseId, Guid InstitutionId, DateOnly ServiceDate, decimal Total, decimal Subsidy, decimal Payable,
    IReadOnlyDictionary<PriceCategory, decimal> AmountByCategory);

/// <summary>What funerals cost: how many, average and median per funeral, change of the average against the baseline in %.</summary>
public sealed record FuneralCosts(int Funerals, decimal AveragePerFuneral, decimal MedianPerFuneral, decimal? ChangeVsBaselinePercent);

/// <summary>Figures of one group of bills.</summary>
public sealed record StatisticsFigures(
    int Funerals, int Bills, decimal Total, decimal AveragePerFuneral, decimal MedianPerFuneral, decimal AveragePayablePerFuneral,
    decimal Subsidy, decimal BasicShare, decimal NonBasicShare, decimal GoodsShare, decimal PlotShare, decimal? ChangeVsBaselinePercent);

/// <summary>
/// What funerals really cost. A funeral is a death case; its cost in a group is the sum of its bills' totals in
/// that group (a funeral home's and a cemetery's bill make one funeral). Average and median are over funerals;
/// shares are of the group's total amount by category; the change is against the baseline average per funeral.
/// </summary>
public static class FuneralStatistics
{
    public static StatisticsFigures Compute(IReadOnlyCollection<BillFigures> bills, decimal baselineAveragePerFuneral)
    {
        var perFuneral = bills.GroupBy(b => b.CaseId)
            .Select(g => (Total: g.Sum(b => b.Total), Payable: g.Sum(b => b.Payable))).ToList();
        var total = bills.Sum(b => b.Total);
        var funerals = perFuneral.Count;
        var costs = Costs([.. perFuneral.Select(f => f.Total)], baselineAveragePerFuneral);
        var averagePayable = funerals == 0 ? 0m : PriceRules.Round(perFuneral.Sum(f => f.Payable) / funerals);
        decimal Share(PriceCategory category) => total == 0 ? 0m
            : Math.Round(bills.Sum(b => b.AmountByCategory.TryGetValue(category, out var v) ? v : 0m) / total, 4, MidpointRounding.AwayFromZero);
        return new StatisticsFigures(funerals, bills.Count, total, costs.AveragePerFuneral, costs.MedianPerFuneral, averagePayable, bills.Sum(b => b.Subsidy),
            Share(PriceCategory.Basic), Share(PriceCategory.NonBasic), Share(PriceCategory.Goods), Share(PriceCategory.Plot), costs.ChangeVsBaselinePercent);
    }

    /// <summary>
    /// From what each funeral cost (the sum of its bills): how many funerals, the average and median cost per funeral,
    /// and the change of the average against the baseline (null without funerals or baseline).
    /// </summary>
    public static FuneralCosts Costs(IReadOnlyList<decimal> perFuneral, decimal baselineAveragePerFuneral)
    {
        var funerals = perFuneral.Count;
        var average = funerals == 0 ? 0m : PriceRules.Round(perFuneral.Sum() / funerals);
        var median = PriceRules.Round(PlotWarnings.Median(perFuneral) ?? 0m);
        decimal? change = funerals == 0 || baselineAveragePerFuneral <= 0 ? null
            : PriceRules.Round((average - baselineAveragePerFuneral) / baselineAveragePerFuneral * 100m);
        return new FuneralCosts(funerals, average, median, change);
    }

    /// <summary>yyyy-MM of a date.</summary>
    public static string Month(DateOnly date) => $"{date.Year:D4}-{date.Month:D2}";
}
