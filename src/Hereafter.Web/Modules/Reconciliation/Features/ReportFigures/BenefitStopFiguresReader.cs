using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Platform.Figures;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReportFigures;

/// <summary>Reads <see cref="BenefitStopFigures"/> from <see cref="CountedStops"/>, the same cells the statistics page and API show.</summary>
public sealed class BenefitStopFiguresReader(CountedStops stops) : IBenefitStopFigures
{
    public async Task<BenefitStopFigures> ForAsync(FigureFilter filter, CancellationToken ct)
    {
        var cells = await stops.CellsAsync(filter, null, ct);
        var byMonth = cells.ToLookup(c => c.Month, StringComparer.Ordinal);
        var months = filter.Months.Select(m => m.ToString()).Select(m =>
        {
            var g = byMonth[m].ToList();
            return new BenefitStopMonthFigures(m, g.Sum(c => c.Identified), g.Sum(c => c.Executed), g.Sum(c => c.OverpaidIdentified), g.Sum(c => c.Recovered), g.Sum(c => c.Prevented));
        }).ToList();
        var byProgramme = cells.ToLookup(c => c.Programme, StringComparer.Ordinal);
        var codes = ProgrammeRules.Defaults.Keys.Concat(byProgramme.Select(g => g.Key).Where(k => !ProgrammeRules.Defaults.ContainsKey(k)).Order(StringComparer.Ordinal));
        var programmes = codes.Select(p =>
        {
            var g = byProgramme[p].ToList();
            return new BenefitStopProgrammeFigures(p, ProgrammeRules.Defaults.TryGetValue(p, out var rule) ? rule.Department : "",
                g.Sum(c => c.Identified), g.Sum(c => c.Executed), g.Sum(c => c.OverpaidIdentified), g.Sum(c => c.Recovered), g.Sum(c => c.Prevented));
        }).ToList();
        return new BenefitStopFigures(
            months.Sum(m => m.StopsIdentified), months.Sum(m => m.StopsExecuted), months.Sum(m => m.OverpaidIdentified), months.Sum(m => m.OverpaidRecovered),
            months.Sum(m => m.MonthlyPaymentsPrevented), programmes, months);
    }
}
