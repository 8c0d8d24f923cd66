using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Sharing.Features.ReportTaskOutcome;

public static class ReportTaskOutcomeEndpoint
{
    public static RouteGroupBuilder MapReportTaskOutcome(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId:guid}/tasks/{department}/outcome",
                async (Guid caseId, string department, string? item, TaskOutcomeRequest request, HttpContext http, ReportTaskOutcomeHandler handler, CancellationToken ct) =>
                    TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), caseId, department, request, ct, item)))
            .WithSummary("Report your department's task: ?item= (default notification; pension, survivor-benefits, bank-deposits… for a family's request; a bank reports its own), status received|done|rejected|not-applicable, effectiveDate (YYYY-MM or YYYY-MM-DD; required for done), note (required for rejected), amount; bank-deposits also accounts [{ type, accountNumber or accountMasked, balance }] (stored masked to the last four digits) and releaseOffered")
            .Produces<CaseTaskDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
