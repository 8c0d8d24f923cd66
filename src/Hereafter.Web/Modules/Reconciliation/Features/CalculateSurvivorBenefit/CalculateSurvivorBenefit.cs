using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Reconciliation.Features.CalculateSurvivorBenefit;

/// <summary>遗属待遇 from the configured base (<c>Reconciliation:SurvivorBenefitMonthlyBase</c>); for the family portal.</summary>
public sealed class CalculateSurvivorBenefitHandler(ISurvivorBenefitEstimates estimates)
{
    public SurvivorBenefitDto Handle(string? contributionYears)
    {
        if (string.IsNullOrWhiteSpace(contributionYears)
            || !decimal.TryParse(contributionYears.Trim(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var years)
            || years > 80)
            throw new FieldValidationException("contributionYears", new Message("reconciliation.survivor-benefit.years-invalid"));
        return estimates.Estimate(years);
    }
}

public static class CalculateSurvivorBenefitEndpoint
{
    public static void MapCalculateSurvivorBenefit(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/survivor-benefits", (string? contributionYears, CalculateSurvivorBenefitHandler handler) =>
                TypedResults.Ok(handler.Handle(contributionYears)))
            // A public rule applied to a number the family types in: no personal data, no sign-in.
            .AllowAnonymous()
            .WithTags("Reconciliation")
            .WithSummary("遗属待遇: 丧葬补助金 (2 × base) and 抚恤金 (base × months by contribution years) from Reconciliation:SurvivorBenefitMonthlyBase")
            .Produces<SurvivorBenefitDto>()
            .ProducesValidationProblem();
}
