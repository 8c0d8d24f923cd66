using Hereafter.Domain.Pricing;

namespace Hereafter.Domain.Tests.Pricing;

public class FuneralStatisticsTests
{
    private static readonly Guid Home = Guid.NewGuid();
    private static readonly Guid Cemetery = Guid.NewGuid();

    private static BillFigures Bill(Guid caseId, Guid institution, decimal basic, decimal nonBasic, decimal goods = 0m, decimal plot = 0m, decimal subsidy = 0m)
    {
        var total = basic + nonBasic + goods + plot;
        return new BillFigures(caseId, institution, new DateOnly(2026, 5, 10), total, subsidy, total - subsidy,
            new Dictionary<PriceCategory, decimal>
            {
                [PriceCategory.Basic] = basic, [PriceCategory.NonBasic] = nonBasic, [PriceCategory.Goods] = goods, [PriceCategory.Plot] = plot,
            });
    }

    [Fact]
    public void AFuneralIsACase_ItsCostTheSumOfItsBills()
    {
        var a = Guid.NewGuid(); var b = Guid.NewGuid(); var c = Guid.NewGuid();
        var stats = FuneralStatistics.Compute(
        [
            Bill(a, Home, 1000m, 1000m, subsidy: 1000m), Bill(a, Cemetery, 0m, 0m, plot: 8000m), // funeral a: 10,000
            Bill(b, Home, 1000m, 0m, subsidy: 1000m),                                           // funeral b: 1,000
            Bill(c, Home, 1000m, 2000m),                                                         // funeral c: 3,000
        ], baselineAveragePerFuneral: 5000m);
        Assert.Equal(3, stats.Funerals);
        Assert.Equal(4, stats.Bills);
        Assert.Equal(14000m, stats.Total);
        Assert.Equal(4666.67m, stats.AveragePerFuneral);
        Assert.Equal(3000m, stats.MedianPerFuneral);
        Assert.Equal(4000m, stats.AveragePayablePerFuneral); // (9,000 + 0 + 3,000) / 3
        Assert.Equal(2000m, stats.Subsidy);
        Assert.Equal(0.2143m, stats.BasicShare);    // 3,000 / 14,000
        Assert.Equal(0.2143m, stats.NonBasicShare); // 3,000 / 14,000
        Assert.Equal(0.5714m, stats.PlotShare);     // 8,000 / 14,000
        Assert.Equal(-6.67m, stats.ChangeVsBaselinePercent);
    }

    [Fact]
    public void ThirtyPercentBelowTheBaseline_IsMeasured()
    {
        var stats = FuneralStatistics.Compute([Bill(Guid.NewGuid(), Home, 3500m, 3500m)], 10000m);
        Assert.Equal(-30m, stats.ChangeVsBaselinePercent);
    }

    [Fact]
    public void NoBills_OrNoBaseline_GiveZerosAndNoChange()
    {
        var empty = FuneralStatistics.Compute([], 10000m);
        Assert.Equal(0, empty.Funerals);
        Assert.Equal(0m, empty.AveragePerFuneral);
        Assert.Null(empty.ChangeVsBaselinePercent);
        Assert.Null(FuneralStatistics.Compute([Bill(Guid.NewGuid(), Home, 100m, 0m)], 0m).ChangeVsBaselinePercent);
    }
}
