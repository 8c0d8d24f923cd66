using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Sharing.Features.ReportTaskOutcome;

public static class ReportTaskOutcomeEndpoint
{
    public static RouteGroupBuilder MapReportTaskOutcome(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId:guid}/tasks/{department}/outcome",
                async (Guid caseId, string department, TaskOutcomeRequest request, HttpContext http, ReportTaskOutcomeHandler handler, CancellationToken ct) =>
                    TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), caseId, department, request, ct)))
            .WithSummary("Report your department's task: status received|done|rejected|not-applicable, effectiveDate (YYYY-MM or YYYY-MM-DD; required for done), note (required for rejected), amount")
            .Produces<CaseTaskDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
