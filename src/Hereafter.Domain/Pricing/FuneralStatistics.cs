namespace Hereafter.Domain.Pricing;

/// <summary>One bill as statistics see it: its case, institution, service month and amounts by category.</summary>
public sealed record BillFigures(Guid CaseId, Guid InstitutionId, DateOnly ServiceDate, decimal Total, decimal Subsidy, decimal Payable,
    IReadOnlyDictionary<PriceCategory, decimal> AmountByCategory);

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
        var average = funerals == 0 ? 0m : PriceRules.Round(total / funerals);
        var median = PriceRules.Round(PlotWarnings.Median(perFuneral.Select(f => f.Total)) ?? 0m);
        var averagePayable = funerals == 0 ? 0m : PriceRules.Round(perFuneral.Sum(f => f.Payable) / funerals);
        decimal Share(PriceCategory category) => total == 0 ? 0m
            : Math.Round(bills.Sum(b => b.AmountByCategory.TryGetValue(category, out var v) ? v : 0m) / total, 4, MidpointRounding.AwayFromZero);
        decimal? change = funerals == 0 || baselineAveragePerFuneral <= 0 ? null
            : PriceRules.Round((average - baselineAveragePerFuneral) / baselineAveragePerFuneral * 100m);
        return new StatisticsFigures(funerals, bills.Count, total, average, median, averagePayable, bills.Sum(b => b.Subsidy),
            Share(PriceCategory.Basic), Share(PriceCategory.NonBasic), Share(PriceCategory.Goods), Share(PriceCategory.Plot), change);
    }

    /// <summary>yyyy-MM of a date.</summary>
    public static string Month(DateOnly date) => $"{date.Year:D4}-{date.Month:D2}";
}
