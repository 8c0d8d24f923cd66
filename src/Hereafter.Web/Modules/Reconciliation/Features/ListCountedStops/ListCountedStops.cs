using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Modules.Reconciliation.Features.ReportFigures;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation.Features.ListCountedStops;

/// <summary>
/// The stops behind one benefit-stop figure (the dashboard's tiles, the statistics' cells), for the same filter: exactly
/// the rows <see cref="CountedStops"/> counts, across departments, in the order they were counted. Names and ID numbers
/// are masked, and every page read is audited.
/// </summary>
public sealed class ListCountedStopsHandler(HereafterDbContext db, CountedStops stops, StopFigureFilter filters, AuditLog audit)
{
    public async Task<CountedStopsDto> HandleAsync(Actor actor, string? figure, string? from, string? to, string? district, string? programme,
        int page, int pageSize, CancellationToken ct)
    {
        if (!ReconciliationAccess.SeesStatistics(actor)) throw ProblemException.Forbidden(new Message("reconciliation.statistics.supervisor-only"));
        var kind = string.IsNullOrWhiteSpace(figure) ? BenefitStopPages.Identified : figure.Trim();
        if (kind is not (BenefitStopPages.Identified or BenefitStopPages.Executed or BenefitStopPages.Recovered))
            throw new FieldValidationException("figure", new Message("reconciliation.statistics.figure-unknown"));
        var (filter, code) = await filters.ParseAsync(from, to, district, programme, ct);

        var counted = kind switch
        {
            BenefitStopPages.Executed => stops.Executed(filter, code),
            BenefitStopPages.Recovered => stops.Recovered(filter, code),
            _ => stops.Identified(filter, code),
        };
        var rows = from s in counted
                   join j in db.Set<RollJob>().AsNoTracking() on s.JobId equals j.Id
                   select new { Stop = s, j.OrganisationName };
        var ordered = kind switch
        {
            BenefitStopPages.Executed => rows.OrderBy(r => r.Stop.ExecutedMonth).ThenBy(r => r.Stop.Id),
            BenefitStopPages.Recovered => rows.OrderBy(r => r.Stop.RecoveredOn).ThenBy(r => r.Stop.Id),
            _ => rows.OrderBy(r => r.Stop.IdentifiedAt).ThenBy(r => r.Stop.Id),
        };
        var (p, size) = (Math.Max(1, page), Math.Clamp(pageSize, 1, 1000));
        var items = await ordered.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var total = await counted.LongCountAsync(ct);
        await audit.RecordAsync(actor, "reconciliation.counted-stops-read", "reconciliation:statistics", "supervision",
            $"{kind} {filter?.Query ?? "all months, whole city"} {code} page {p}: {items.Count} rows (masked)", ct);
        var dtos = items.Select(r => new CountedStopDto(
            PersonalDataMask.IdNumber(r.Stop.IdNumber), PersonalDataMask.Name(r.Stop.Name), r.Stop.Programme, ReconciliationAccess.ProgrammeName(r.Stop.Programme),
            r.OrganisationName, r.Stop.MonthlyAmount, r.Stop.DeathDate.ToString("yyyy-MM-dd"), r.Stop.StopFrom,
            ChinaTime.DateOf(r.Stop.IdentifiedAt).ToString("yyyy-MM-dd"), r.Stop.OverpaidAmount, r.Stop.ExecutedMonth, r.Stop.RecoveredAmount,
            r.Stop.RecoveredOn?.ToString("yyyy-MM-dd"))).ToList();
        return new CountedStopsDto(kind, filter?.From.ToString(), filter?.To.ToString(), filter?.District, code, new PageOf<CountedStopDto>(dtos, total, p, size));
    }
}

public static class ListCountedStopsEndpoint
{
    public static void MapListCountedStops(this RouteGroupBuilder api) =>
        api.MapGet("/statistics/stops", async (string? figure, string? from, string? to, string? district, string? programme, int? page, int? pageSize,
                HttpContext http, ListCountedStopsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), figure, from, to, district, programme, page ?? 1, pageSize ?? 100, ct)))
            .WithSummary("Civil-affairs supervisor: the stops a statistics figure counts (figure=identified|executed|recovered), ID numbers and names masked; each read is audited")
            .WithDescription("The same parameters as GET /api/v1/reconciliation/statistics (from, to, district, programme), plus figure and page/pageSize (at most 1,000). "
                + "identified: each person's first stop per programme found in the period; executed: each person's first execution whose stop month is in the period; "
                + "recovered: the stops whose recovery date is in the period.")
            .Produces<CountedStopsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
