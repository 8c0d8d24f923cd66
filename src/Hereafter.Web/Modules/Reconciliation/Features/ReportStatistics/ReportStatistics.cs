using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Features.ReportFigures;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Excel;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReportStatistics;

/// <summary>
/// The supervisor's figures per programme and month (China time), from the stops of completed jobs, counted by
/// <see cref="CountedStops"/> (the same cells as the dashboard's benefit stops):
/// <list type="bullet">
/// <item>stops identified and overpaid amount identified: in the month the stop was found (the job completed, or the review row was confirmed);</item>
/// <item>stops executed and monthly payments prevented (the sum of the monthly amounts of the executed stops: what no longer goes out each month): in the month payments stopped from;</item>
/// <item>overpaid amount recovered: in the month of the recovery date.</item>
/// </list>
/// A person is one finding per programme: a roll uploaded every month finds an unexecuted stop again, and
/// it is counted once (at its first identification; executed once; every recovery counts as money).
/// The programme is the row's own (a roll's <c>program</c> column may name another than the upload's).
/// Without <c>from</c>, <c>to</c> and <c>district</c>: every month, the whole city; with any of them, the dashboard's
/// filter (<see cref="StopFigureFilter"/>).
/// </summary>
public sealed class ReportStatisticsHandler(CountedStops stops, StopFigureFilter filters, AuditLog audit)
{
    public async Task<StatisticsDto> HandleAsync(Actor actor, string? from, string? to, string? programme, string? district, CancellationToken ct)
    {
        if (!ReconciliationAccess.SeesStatistics(actor)) throw ProblemException.Forbidden(new Message("reconciliation.statistics.supervisor-only"));
        var (filter, code) = await filters.ParseAsync(from, to, district, programme, ct);
        var rows = (await stops.CellsAsync(filter, code, ct))
            .Select(c => new StatisticsRow(c.Programme, ReconciliationAccess.ProgrammeName(c.Programme), c.Month,
                c.Identified, c.Executed, c.OverpaidIdentified, c.Recovered, c.Prevented))
            .ToList();
        var total = new StatisticsRow(code ?? "all", code is null ? "全部项目" : ReconciliationAccess.ProgrammeName(code), "total",
            rows.Sum(r => r.StopsIdentified), rows.Sum(r => r.StopsExecuted), rows.Sum(r => r.OverpaidIdentified),
            rows.Sum(r => r.OverpaidRecovered), rows.Sum(r => r.MonthlyPaymentsPrevented));
        await audit.RecordAsync(actor, "reconciliation.statistics", "reconciliation:statistics", "supervision", $"{from}..{to} {district} {code}", ct);
        return new StatisticsDto(filter?.From.ToString(), filter?.To.ToString(), code, rows, total, filter?.District);
    }

    /// <summary>The rows and the total as a workbook.</summary>
    public static byte[] ToXlsx(StatisticsDto data) =>
        XlsxSheet.ToBytes("statistics", [10, 22, 16, 16, 24, 24, 24],
            data.Rows.Append(data.Total)
                .Select(r => new object?[] { r.Month, r.Programme, r.StopsIdentified, r.StopsExecuted, r.OverpaidIdentified, r.OverpaidRecovered, r.MonthlyPaymentsPrevented })
                .Prepend(["month", "programme", "stops_identified", "stops_executed", "overpaid_amount_identified", "overpaid_amount_recovered", "monthly_payments_prevented"]));

}

public static class ReportStatisticsEndpoint
{
    public static void MapReportStatistics(this RouteGroupBuilder api)
    {
        api.MapGet("/statistics", async (string? from, string? to, string? programme, string? district, HttpContext http, ReportStatisticsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), from, to, programme, district, ct)))
            .WithSummary("Civil-affairs supervisor: per programme and month, stops identified and executed, overpaid amount identified and recovered, monthly payments prevented")
            .WithDescription("Identified figures count in the month the stop was found; executed stops and monthly payments prevented (the sum of the monthly amounts of executed stops: what no longer goes out each month) in the month payments stopped from; recovered amounts in the month of the recovery date. Optional programme; without from, to and district every month and the whole city, with any of them the dashboard's filter: from/to (YYYY-MM, default January of this China year to this month, at most 60 months) and district (a six-digit region code of `GET /api/v1/supervision/dashboard`'s districts: the issuer of the death certificate). 400 for a bad month, period, district or programme.")
            .ProducesValidationProblem()
            .Produces<StatisticsDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/statistics.xlsx", async (string? from, string? to, string? programme, string? district, HttpContext http, ReportStatisticsHandler handler, CancellationToken ct) =>
            {
                var data = await handler.HandleAsync(Actor.Require(http), from, to, programme, district, ct);
                return Results.File(ReportStatisticsHandler.ToXlsx(data), XlsxSheet.ContentType, "reconciliation-statistics.xlsx");
            })
            .WithSummary("The statistics as an Excel workbook (same rows and total)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
