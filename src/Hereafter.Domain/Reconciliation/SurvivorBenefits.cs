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
    /// <summary>丧葬补助金 = 2 × base; 抚恤金 = base × months by contribution years (&lt;5: 3; 5–10: 6; 10–15: 9; over 15: +1 per year; at most 24).</summary>
    public static SurvivorBenefit Calculate(SurvivorBenefitBase basis, decimal contributionYears) => throw new NotImplementedException();
}
