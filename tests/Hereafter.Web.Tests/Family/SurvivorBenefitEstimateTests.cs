using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Family;

/// <summary>
/// The calculator's worked examples as the family's form shows them (DOMAIN §5: under 5 years 3 months; 5–10: 6;
/// 10–15: 9; over 15: one more per full year, at most 24), on the configured base of 3,564.33 yuan.
/// </summary>
public sealed class SurvivorBenefitEstimateTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Theory]
    [InlineData("0", 3, "10692.99")]
    [InlineData("4.99", 3, "10692.99")]
    [InlineData("5", 6, "21385.98")]
    [InlineData("9.99", 6, "21385.98")]
    [InlineData("10", 9, "32078.97")]
    [InlineData("15", 9, "32078.97")]
    [InlineData("15.9", 9, "32078.97")]
    [InlineData("16", 10, "35643.30")]
    [InlineData("20", 14, "49900.62")]
    [InlineData("30", 24, "85543.92")]
    [InlineData("60", 24, "85543.92")]
    public void Estimate_ShowsTheFuneralGrantAndTheMonthsOfSurvivorsPension_ByContributionYears(string years, int months, string pension)
    {
        using var scope = factory.Services.CreateScope();
        var estimate = scope.ServiceProvider.GetRequiredService<ISurvivorBenefitEstimates>().Estimate(decimal.Parse(years, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3564.33m, estimate.MonthlyBase);
        Assert.Equal(7128.66m, estimate.FuneralGrant);
        Assert.Equal(months, estimate.PensionMonths);
        Assert.Equal(decimal.Parse(pension, System.Globalization.CultureInfo.InvariantCulture), estimate.SurvivorPension);
        Assert.Equal(estimate.FuneralGrant + estimate.SurvivorPension, estimate.Total);
    }
}
