using Hereafter.Web.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hereafter.Web.Modules.Sharing.Features.ListDeathCases;

public static class ListDeathCasesEndpoint
{
    public static RouteGroupBuilder MapListDeathCases(this RouteGroupBuilder api)
    {
        api.MapGet("/cases", async Task<Results<Ok<IReadOnlyList<CaseRow>>, Ok<TaskFigureList>>> (bool? overdue, int? take,
                string? from, string? to, string? district, string? figure, string? department, int? page, int? pageSize,
                HttpContext http, ListDeathCasesHandler handler, ListFigureTasksHandler figures, CancellationToken ct) =>
            {
                var asked = new TaskFigureQuery(from, to, district, figure ?? (overdue == true ? ReportFigures.CaseTaskFigureRules.OverdueNow : null), department);
                if (asked.Given)
                    return TypedResults.Ok(await figures.HandleAsync(Actor.Require(http), asked, page ?? 1, pageSize ?? 50, ct));
                return TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), overdue ?? false, take ?? 100, ct));
            })
            .WithSummary("Death cases newest first (civil affairs: all, overdue=true for unacknowledged tasks past due; a department: its tasks)")
            .WithDescription("With the dashboard's filter (from=YYYY-MM, to=YYYY-MM, district=six-digit code, figure=tasks|acknowledged-in-time|done|overdue-now, "
                + "department={code}; civil affairs only) the answer is { figure, from, to, district, department, total, cases, figures }: the tasks the figure "
                + "counts, newest first and paged (page, pageSize), under their cases (names and ID numbers masked); total and figures equal "
                + "GET /api/v1/supervision/dashboard's `tasks` for the filter. 400 for a bad filter, as the dashboard's.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }
}
