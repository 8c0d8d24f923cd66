using Hereafter.Domain.Messages;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Figures;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReportFigures;

/// <summary>One programme in one China month: what <see cref="CountedStops.CellsAsync"/> adds up.</summary>
public sealed record StopCell(string Programme, string Month, long Identified, long Executed, decimal OverpaidIdentified, decimal Recovered, decimal Prevented);

/// <summary>
/// The stops each benefit-stop figure counts, as queries: the dashboard's reader, the statistics page and API, and the
/// lists behind the figures all read these, so a figure and its list cannot disagree. Only stops of a job's completed
/// attempt count. A person (the death's ID number) counts once per programme:
/// <list type="bullet">
/// <item>identified: the person's first stop by <see cref="StopResult.IdentifiedAt"/> (the job completed, or the review
/// row was confirmed), placed in that instant's China month;</item>
/// <item>executed: the person's first executed stop by <see cref="StopResult.ExecutedAt"/>, placed in its
/// <see cref="StopResult.ExecutedMonth"/> (the month payments stopped from, as the department recorded it);</item>
/// <item>recovered: every stop with a recovery, placed in the month of <see cref="StopResult.RecoveredOn"/>.</item>
/// </list>
/// A filter's district keeps the stops whose death certificate (by the death's ID number, through the Certificates
/// contract, in the same SQL statement) was issued there. Without a filter: all months, the whole city.
/// </summary>
public sealed class CountedStops(HereafterDbContext db, ICertificateFigures certificates)
{
    /// <summary>Stops of completed attempts.</summary>
    private IQueryable<StopResult> Live() =>
        from s in db.Set<StopResult>().AsNoTracking()
        join j in db.Set<RollJob>().AsNoTracking() on s.JobId equals j.Id
        where j.Status == JobStatus.Completed && s.Attempt == j.CompletedAttempt
        select s;

    private IQueryable<StopResult> Scoped(FigureFilter? filter, string? programme)
    {
        var stops = Live();
        if (programme is not null) stops = stops.Where(s => s.Programme == programme);
        if (filter?.District is { } district)
        {
            var dead = certificates.DecedentIdNumbersIssuedIn(district);
            stops = stops.Where(s => dead.Contains(s.DeathIdNumber));
        }
        return stops;
    }

    /// <summary>First identifications in the period.</summary>
    public IQueryable<StopResult> Identified(FigureFilter? filter, string? programme)
    {
        var live = Live();
        var stops = Scoped(filter, programme).Where(s => !live.Any(o => o.Programme == s.Programme && o.DeathIdNumber == s.DeathIdNumber
            && (o.IdentifiedAt < s.IdentifiedAt || (o.IdentifiedAt == s.IdentifiedAt && o.Id < s.Id))));
        if (filter is null) return stops;
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        return stops.Where(s => s.IdentifiedAt >= start && s.IdentifiedAt < end);
    }

    /// <summary>First executions whose stop month lies in the period.</summary>
    public IQueryable<StopResult> Executed(FigureFilter? filter, string? programme)
    {
        var live = Live();
        var stops = Scoped(filter, programme).Where(s => s.ExecutedMonth != null && !live.Any(o => o.Programme == s.Programme
            && o.DeathIdNumber == s.DeathIdNumber && o.ExecutedMonth != null
            && (o.ExecutedAt < s.ExecutedAt || (o.ExecutedAt == s.ExecutedAt && o.Id < s.Id))));
        if (filter is null) return stops;
        var (from, to) = (filter.From.ToString(), filter.To.ToString());
        return stops.Where(s => string.Compare(s.ExecutedMonth, from) >= 0 && string.Compare(s.ExecutedMonth, to) <= 0);
    }

    /// <summary>Recoveries dated in the period.</summary>
    public IQueryable<StopResult> Recovered(FigureFilter? filter, string? programme)
    {
        var stops = Scoped(filter, programme).Where(s => s.RecoveredAmount != null && s.RecoveredOn != null);
        if (filter is null) return stops;
        var (first, last) = (filter.FirstDate, filter.LastDate);
        return stops.Where(s => s.RecoveredOn >= first && s.RecoveredOn <= last);
    }

    /// <summary>
    /// The figures per programme and month, only the non-empty ones: three queries of a few small columns each. Months
    /// and sums are taken here: a China month of a stored instant is not portable SQL, and SQLite stores decimals as text.
    /// </summary>
    public async Task<IReadOnlyList<StopCell>> CellsAsync(FigureFilter? filter, string? programme, CancellationToken ct)
    {
        var identified = await Identified(filter, programme).Select(s => new { s.Programme, s.IdentifiedAt, s.OverpaidAmount }).ToListAsync(ct);
        var executed = await Executed(filter, programme).Select(s => new { s.Programme, Month = s.ExecutedMonth!, s.MonthlyAmount }).ToListAsync(ct);
        var recovered = await Recovered(filter, programme).Select(s => new { s.Programme, On = s.RecoveredOn!.Value, Amount = s.RecoveredAmount!.Value }).ToListAsync(ct);

        var cells = new Dictionary<(string Programme, string Month), Sums>();
        Sums At(string p, string m) => cells.TryGetValue((p, m), out var c) ? c : cells[(p, m)] = new Sums();
        foreach (var s in identified)
        {
            var cell = At(s.Programme, FigureFilter.MonthOf(s.IdentifiedAt).ToString());
            cell.Identified++;
            cell.OverpaidIdentified += s.OverpaidAmount;
        }
        foreach (var s in executed)
        {
            var cell = At(s.Programme, s.Month);
            cell.Executed++;
            cell.Prevented += s.MonthlyAmount;
        }
        foreach (var s in recovered)
            At(s.Programme, YearMonth.Of(s.On).ToString()).Recovered += s.Amount;
        return [.. cells.OrderBy(c => c.Key.Month, StringComparer.Ordinal).ThenBy(c => c.Key.Programme, StringComparer.Ordinal)
            .Select(c => new StopCell(c.Key.Programme, c.Key.Month, c.Value.Identified, c.Value.Executed, c.Value.OverpaidIdentified, c.Value.Recovered, c.Value.Prevented))];
    }

    private sealed class Sums
    {
        public long Identified, Executed;
        public decimal OverpaidIdentified, Recovered, Prevented;
    }
}

/// <summary>
/// The statistics' and lists' parameters: without <c>from</c>, <c>to</c> and <c>district</c>, all months and the whole
/// city (as the statistics always were); with any of them, the dashboard's <see cref="FigureFilter"/> and a known
/// district. A programme, when given, must be a known code.
/// </summary>
public sealed class StopFigureFilter(DistrictDirectory districts, TimeProvider clock)
{
    public async Task<(FigureFilter? Filter, string? Programme)> ParseAsync(string? from, string? to, string? district, string? programme, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(programme) ? null : programme.Trim();
        if (code is not null && !ProgrammeRules.Defaults.ContainsKey(code))
            throw new FieldValidationException("programme", new Message("reconciliation.programme.unknown").With("code", code));
        var filter = string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to) && string.IsNullOrWhiteSpace(district)
            ? null
            : FigureFilter.Parse(from, to, district, clock);
        if (filter is not null) await districts.OfAsync(filter, ct);
        return (filter, code);
    }
}
