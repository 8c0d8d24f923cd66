using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Figures;

namespace Hereafter.Web.Modules.Reconciliation.Contracts;

/// <summary>
/// Benefit stops (应停未停) of one China month. <see cref="StopsIdentified"/> and <see cref="OverpaidIdentified"/> count in
/// the month the stop was found (its roll's reconciliation completed, or its review row was confirmed);
/// <see cref="StopsExecuted"/> and <see cref="MonthlyPaymentsPrevented"/> (the monthly amounts of the executed stops) in
/// the month payments stopped from; <see cref="OverpaidRecovered"/> in the month of the recovery date. Money in yuan.
/// </summary>
public sealed record BenefitStopMonthFigures(
    string Month, long StopsIdentified, long StopsExecuted, decimal OverpaidIdentified, decimal OverpaidRecovered, decimal MonthlyPaymentsPrevented);

/// <summary>The same figures for one programme (its code, e.g. <c>dibao</c>, and the department that runs it).</summary>
public sealed record BenefitStopProgrammeFigures(
    string Programme, string Department, long StopsIdentified, long StopsExecuted, decimal OverpaidIdentified, decimal OverpaidRecovered,
    decimal MonthlyPaymentsPrevented);

/// <summary>
/// The benefit stops' figures for a <see cref="FigureFilter"/>: totals, per programme (every known programme, in the
/// order of the rules, then any other code met) and per month of the period. A person counts once per programme: a
/// roll uploaded again finds an unexecuted stop again, and it counts at its first identification and its first
/// execution; every recovery counts as money. A stop lies in the district of the issuer of its death certificate.
/// </summary>
public sealed record BenefitStopFigures(
    long StopsIdentified, long StopsExecuted, decimal OverpaidIdentified, decimal OverpaidRecovered, decimal MonthlyPaymentsPrevented,
    IReadOnlyList<BenefitStopProgrammeFigures> ByProgramme, IReadOnlyList<BenefitStopMonthFigures> Months);

/// <summary>How the bureau's dashboard reads the benefit stops' figures. Counts and sums only, no personal data.</summary>
public interface IBenefitStopFigures
{
    Task<BenefitStopFigures> ForAsync(FigureFilter filter, CancellationToken ct);
}

/// <summary>The lists behind the benefit stops' figures, for links from the dashboard.</summary>
public static class BenefitStopPages
{
    /// <summary>The supervisor's statistics page (per programme and month); takes <c>from</c>, <c>to</c>, <c>district</c>, <c>programme</c>.</summary>
    public const string Statistics = "/supervision/reconciliation";

    /// <summary>The masked, audited list of the stops a figure counts; takes the filter, <c>figure</c> and <c>programme</c>.</summary>
    public const string List = "/supervision/reconciliation/stops";

    /// <summary>The list's figure codes: stops identified (and their overpaid amounts), executed (and the payments prevented), recovered.</summary>
    public const string Identified = "identified", Executed = "executed", Recovered = "recovered";

    /// <summary>The list of <paramref name="figure"/> for a filter's query string (<see cref="FigureFilter.Query"/>), optionally one programme.</summary>
    public static string ListOf(string figure, string query, string? programme = null) =>
        $"{List}?figure={figure}&{query}" + (programme is null ? "" : $"&programme={Uri.EscapeDataString(programme)}");

    /// <summary>A programme's Chinese name (最低生活保障（低保）, 高龄津贴…) for its code; the code itself when unknown.</summary>
    public static string ProgrammeName(string code) => ReconciliationAccess.ProgrammeName(code);

    /// <summary>Whether <paramref name="actor"/> may open the lists (civil affairs' supervisors and system): links are drawn only for them.</summary>
    public static bool MayOpen(Actor actor) => ReconciliationAccess.SeesStatistics(actor);
}
