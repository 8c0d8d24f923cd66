namespace Hereafter.Domain.Reconciliation;

/// <summary>遗属待遇 (人社部发〔2021〕18号): 丧葬补助金 and 抚恤金 from the configured base.</summary>
/// <param name="MonthlyBase">The province's previous-year urban per-capita monthly disposable income (configuration).</param>
public sealed record SurvivorBenefitBase(decimal MonthlyBase);

public sealed record SurvivorBenefit(decimal FuneralGrant, int PensionMonths, decimal SurvivorPension)
{
    public decimal Total => FuneralGrant + SurvivorPension;
}

public static class SurvivorBenefits
{
    /// <summary>The most months of 抚恤金.</summary>
    public const int MaxPensionMonths = 24;

    /// <summary>
    /// 丧葬补助金 = 2 × base; 抚恤金 = base × months by contribution years (缴费年限, 含视同缴费年限):
    /// under 5 years 3 months; 5 up to (not including) 10 years 6; 10 up to and including 15 years 9;
    /// over 15 years 9 plus 1 for each full year over 15; at most 24. So 4.99 → 3, 5 → 6, 9.99 → 6, 10 → 9,
    /// 15 → 9, 15.9 → 9, 16 → 10, 30 → 24. Amounts are yuan rounded to fen (half away from zero).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative contribution years or a negative base.</exception>
    public static SurvivorBenefit Calculate(SurvivorBenefitBase basis, decimal contributionYears)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentOutOfRangeException.ThrowIfNegative(contributionYears);
        ArgumentOutOfRangeException.ThrowIfNegative(basis.MonthlyBase, nameof(basis));

        var months = PensionMonths(contributionYears);
        return new SurvivorBenefit(Yuan(2 * basis.MonthlyBase), months, Yuan(months * basis.MonthlyBase));
    }

    /// <summary>The months of 抚恤金 for the contribution years (see <see cref="Calculate"/>).</summary>
    public static int PensionMonths(decimal contributionYears)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contributionYears);
        if (contributionYears < 5)
        {
            return 3;
        }

        if (contributionYears < 10)
        {
            return 6;
        }

        var fullYearsOver15 = contributionYears > 15 ? decimal.Floor(contributionYears - 15) : 0;
        return (int)Math.Min(MaxPensionMonths, 9 + fullYearsOver15);
    }

    private static decimal Yuan(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
