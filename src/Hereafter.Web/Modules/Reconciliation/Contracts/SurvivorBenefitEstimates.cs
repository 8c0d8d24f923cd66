namespace Hereafter.Web.Modules.Reconciliation.Contracts;

/// <summary>
/// 遗属待遇 estimate for other modules (the family's application form): 丧葬补助金 and 抚恤金 from the configured base
/// (<c>Reconciliation:SurvivorBenefitMonthlyBase</c>) and the contribution years, by the rule of DOMAIN.md §5.
/// </summary>
public interface ISurvivorBenefitEstimates
{
    /// <param name="contributionYears">缴费年限 (含视同缴费年限), 0 or more.</param>
    SurvivorBenefitDto Estimate(decimal contributionYears);
}
