using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Reconciliation.Features.CalculateSurvivorBenefit;

/// <summary>The one place the configured base meets the rule: the public calculator and the family portal both ask it.</summary>
public sealed class SurvivorBenefitEstimates(IOptions<ReconciliationSettings> settings) : ISurvivorBenefitEstimates
{
    public SurvivorBenefitDto Estimate(decimal contributionYears)
    {
        var basis = new SurvivorBenefitBase(settings.Value.SurvivorBenefitMonthlyBase);
        var b = SurvivorBenefits.Calculate(basis, contributionYears);
        return new SurvivorBenefitDto(contributionYears, basis.MonthlyBase, b.FuneralGrant, b.PensionMonths, b.SurvivorPension, b.Total);
    }
}
