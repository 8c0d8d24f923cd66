using Hereafter.Domain.Reconciliation;

namespace Hereafter.Domain.Tests.Reconciliation;

public class SurvivorBenefitsTests
{
    [Theory]
    [InlineData("0", 3)]
    [InlineData("4.99", 3)]
    [InlineData("5", 6)]
    [InlineData("9.99", 6)]
    [InlineData("10", 9)]
    [InlineData("15", 9)]
    [InlineData("15.9", 9)]
    [InlineData("16", 10)]
    [InlineData("20.5", 14)]
    [InlineData("30", 24)]
    [InlineData("45", 24)]
    public void PensionMonths_ByContributionYears(string years, int months) =>
        Assert.Equal(months, SurvivorBenefits.PensionMonths(decimal.Parse(years, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void WorkedExample_22Years_Guizhou2025Base()
    {
        // base 3,656.25 yuan a month (an urban per-capita disposable income of 43,875 yuan a year / 12)
        var benefit = SurvivorBenefits.Calculate(new SurvivorBenefitBase(3656.25m), 22m);
        Assert.Equal(7312.50m, benefit.FuneralGrant);
        Assert.Equal(16, benefit.PensionMonths); // 9 + 7 full years over 15
        Assert.Equal(58500.00m, benefit.SurvivorPension);
        Assert.Equal(65812.50m, benefit.Total);
    }

    [Fact]
    public void WorkedExample_3Years_RoundsToFen()
    {
        var benefit = SurvivorBenefits.Calculate(new SurvivorBenefitBase(3333.333m), 3m);
        Assert.Equal(6666.67m, benefit.FuneralGrant);
        Assert.Equal(3, benefit.PensionMonths);
        Assert.Equal(10000.00m, benefit.SurvivorPension);
    }

    [Fact]
    public void WorkedExample_MaximumMonths()
    {
        var benefit = SurvivorBenefits.Calculate(new SurvivorBenefitBase(4000m), 40m);
        Assert.Equal(24, benefit.PensionMonths);
        Assert.Equal(96000m, benefit.SurvivorPension);
        Assert.Equal(104000m, benefit.Total);
    }

    [Fact]
    public void NegativeYears_AreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SurvivorBenefits.Calculate(new SurvivorBenefitBase(4000m), -0.5m));

    [Fact]
    public void NegativeBase_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SurvivorBenefits.Calculate(new SurvivorBenefitBase(-1m), 5m));
}
