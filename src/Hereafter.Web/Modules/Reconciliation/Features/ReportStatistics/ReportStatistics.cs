using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Excel;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReportStatistics;

/// <summary>
/// The supervisor's figures per programme and month (China time), from the stops of completed jobs:
/// <list type="bullet">
/// <item>stops identified and overpaid amount identified: in the month the stop was found (the job completed, or the review row was confirmed);</item>
/// <item>stops executed and monthly payments prevented (the sum of the monthly amounts of the executed stops: what no longer goes out each month): in the month payments stopped from;</item>
/// <item>overpaid amount recovered: in the month of the recovery date.</item>
/// </list>
/// A person is one finding per programme: a roll uploaded every month finds an unexecuted stop again, and
/// it is counted once (at its first identification; executed once; every recovery counts as money).
/// The programme is the row's own (a roll's <c>program</c> column may name another than the upload's).
/// </summary>
public sealed class ReportStatisticsHandler(HereafterDbContext db, AuditLog audit)
{
    public async Task<StatisticsDto> HandleAsync(Actor actor, string? from, string? to, string? programme, CancellationToken ct)
    {
        if (!ReconciliationAccess.SeesStatistics(actor)) throw ProblemException.Forbidden(new Message("reconciliation.statistics.supervisor-only"));
        var errors = new FieldErrors();
        YearMonth? fromMonth = null, toMonth = null;
        if (!string.IsNullOrWhiteSpace(from)) { if (YearMonth.TryParse(from.Trim(), out var f)) fromMonth = f; else errors.Add("from", new Message("reconciliation.statistics.from-invalid")); }
        if (!string.IsNullOrWhiteSpace(to)) { if (YearMonth.TryParse(to.Trim(), out var t)) toMonth = t; else errors.Add("to", new Message("reconciliation.statistics.to-invalid")); }
        var code = string.IsNullOrWhiteSpace(programme) ? null : programme.Trim();
        if (code is not null && !ProgrammeRules.Defaults.ContainsKey(code)) errors.Add("programme", new Message("reconciliation.programme.unknown").With("code", code));
        errors.ThrowIfAny();

        var stops = await (
                from s in db.Set<StopResult>().AsNoTracking()
                join j in db.Set<RollJob>().AsNoTracking() on s.JobId equals j.Id
                where j.Status == JobStatus.Completed && s.Attempt == j.CompletedAttempt && (code == null || s.Programme == code)
                select new { s.Programme, Person = s.DeathIdNumber, s.IdentifiedAt, s.OverpaidAmount, s.ExecutedMonth, s.ExecutedAt, s.MonthlyAmount, s.RecoveredAmount, s.RecoveredOn })
            .ToListAsync(ct);

        var cells = new Dictionary<(string Programme, string Month), Cell>();
        Cell At(string p, string m) => cells.TryGetValue((p, m), out var c) ? c : cells[(p, m)] = new Cell();
        foreach (var person in stops.GroupBy(s => (s.Programme, s.Person)))
        {
            var first = person.MinBy(s => s.IdentifiedAt)!;
            var identified = At(first.Programme, ChinaTime.Month(first.IdentifiedAt));
            identified.Identified++;
            identified.OverpaidIdentified += first.OverpaidAmount;
            if (person.Where(s => s.ExecutedMonth is not null).MinBy(s => s.ExecutedAt) is { ExecutedMonth: { } executedMonth } done)
            {
                var executed = At(done.Programme, executedMonth);
                executed.Executed++;
                executed.Prevented += done.MonthlyAmount;
            }
            foreach (var s in person)
                if (s.RecoveredAmount is { } recovered && s.RecoveredOn is { } on)
                    At(s.Programme, on.ToString("yyyy-MM")).Recovered += recovered;
        }
        var rows = cells
            .Where(c => (fromMonth is null || string.CompareOrdinal(c.Key.Month, fromMonth.Value.ToString()) >= 0)
                        && (toMonth is null || string.CompareOrdinal(c.Key.Month, toMonth.Value.ToString()) <= 0))
            .OrderBy(c => c.Key.Month, StringComparer.Ordinal).ThenBy(c => c.Key.Programme, StringComparer.Ordinal)
            .Select(c => new StatisticsRow(c.Key.Programme, ReconciliationAccess.ProgrammeName(c.Key.Programme), c.Key.Month,
                c.Value.Identified, c.Value.Executed, c.Value.OverpaidIdentified, c.Value.Recovered, c.Value.Prevented))
            .ToList();
        var total = new StatisticsRow(code ?? "all", code is null ? "全部项目" : ReconciliationAccess.ProgrammeName(code), "total",
            rows.Sum(r => r.StopsIdentified), rows.Sum(r => r.StopsExecuted), rows.Sum(r => r.OverpaidIdentified),
            rows.Sum(r => r.OverpaidRecovered), rows.Sum(r => r.MonthlyPaymentsPrevented));
        await audit.RecordAsync(actor, "reconciliation.statistics", "reconciliation:statistics", "supervision", $"{from}..{to} {code}", ct);
        return new StatisticsDto(fromMonth?.ToString(), toMonth?.ToString(), code, rows, total);
    }

    /// <summary>The rows and the total as a workbook.</summary>
    public static byte[] ToXlsx(StatisticsDto data) =>
        XlsxSheet.ToBytes("statistics", [10, 22, 16, 16, 24, 24, 24],
            data.Rows.Append(data.Total)
                .Select(r => new object?[] { r.Month, r.Programme, r.StopsIdentified, r.StopsExecuted, r.OverpaidIdentified, r.OverpaidRecovered, r.MonthlyPaymentsPrevented })
                .Prepend(["month", "programme", "stops_identified", "stops_executed", "overpaid_amount_identified", "overpaid_amount_recovered", "monthly_payments_prevented"]));

    private sealed class Cell
    {
        public long Identified, Executed;
        public decimal OverpaidIdentified, Recovered, Prevented;
    }
}

public static class ReportStatisticsEndpoint
{
    public static void MapReportStatistics(this RouteGroupBuilder api)
    {
        api.MapGet("/statistics", async (string? from, string? to, string? programme, HttpContext http, ReportStatisticsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), from, to, programme, ct)))
            .WithSummary("Civil-affairs supervisor: per programme and month, stops identified and executed, overpaid amount identified and recovered, monthly payments prevented")
            .WithDescription("Identified figures count in the month the stop was found; executed stops and monthly payments prevented (the sum of the monthly amounts of executed stops: what no longer goes out each month) in the month payments stopped from; recovered amounts in the month of the recovery date. Optional from/to (YYYY-MM) and programme.")
            .Produces<StatisticsDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/statistics.xlsx", async (string? from, string? to, string? programme, HttpContext http, ReportStatisticsHandler handler, CancellationToken ct) =>
            {
                var data = await handler.HandleAsync(Actor.Require(http), from, to, programme, ct);
                return Results.File(ReportStatisticsHandler.ToXlsx(data), XlsxSheet.ContentType, "reconciliation-statistics.xlsx");
            })
            .WithSummary("The statistics as an Excel workbook (same rows and total)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
