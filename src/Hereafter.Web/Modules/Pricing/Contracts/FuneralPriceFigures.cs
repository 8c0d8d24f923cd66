using Hereafter.Web.Platform.Figures;

namespace Hereafter.Web.Modules.Pricing.Contracts;

/// <summary>
/// One China month of funeral costs: the funerals whose first bill's service date in the period falls in the month,
/// their average and median cost (yuan, the sum of each funeral's bills in the period), and the price warnings raised
/// in the month.
/// </summary>
public sealed record FuneralPriceMonthFigures(string Month, int Funerals, decimal AveragePerFuneral, decimal MedianPerFuneral, int WarningsRaised);

/// <summary>
/// Funeral prices for a <see cref="FigureFilter"/> (明码标价, 惠民殡葬):
/// <list type="bullet">
/// <item>price disclosure: <see cref="Institutions"/> are the funeral homes, cemeteries, columbaria and funeral service
/// shops of the district (all of them must publish a standardized price list); <see cref="WithPublishedList"/> those
/// whose list has at least one price in force on the last day of the period;</item>
/// <item>funerals billed: a funeral is a death case with a bill whose service date (a China date) falls in the period,
/// billed by an institution of the district; its cost is the sum of those bills' totals (yuan); average and median per
/// funeral against the bureau's baseline, exactly as the module's statistics (<c>/api/v1/pricing/statistics</c>);</item>
/// <item>price warnings (plot warnings and the reference-range rule) of the district's institutions: raised in the
/// period, closed in the period, and open at the end of the period (raised before its end, not closed by then).</item>
/// </list>
/// </summary>
public sealed record FuneralPriceFigures(
    int Institutions, int WithPublishedList,
    int Funerals, decimal AveragePerFuneral, decimal MedianPerFuneral, decimal BaselineAveragePerFuneral, string BaselineLabel,
    decimal? ChangeVsBaselinePercent,
    int WarningsRaised, int WarningsClosed, int WarningsOpenAtEnd,
    IReadOnlyList<FuneralPriceMonthFigures> Months)
{
    /// <summary>Institutions without a published list in force at the end of the period.</summary>
    public int WithoutPublishedList => Institutions - WithPublishedList;

    /// <summary>The disclosure rate (公示率): <see cref="WithPublishedList"/> over <see cref="Institutions"/>, in percent; null when there are none.</summary>
    public decimal? DisclosurePercent => Institutions == 0 ? null : Math.Round(100m * WithPublishedList / Institutions, 1);
}

/// <summary>How other modules (the bureau's dashboard) read the funeral prices' figures. Counts and amounts only, no personal data.</summary>
public interface IFuneralPriceFigures
{
    Task<FuneralPriceFigures> ForAsync(FigureFilter filter, CancellationToken ct);
}
