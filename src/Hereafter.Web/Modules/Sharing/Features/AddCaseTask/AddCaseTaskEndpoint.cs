using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Sharing.Features.AddCaseTask;

public static class AddCaseTaskEndpoint
{
    public static RouteGroupBuilder MapAddCaseTask(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId:guid}/tasks",
                async (Guid caseId, AddCaseTaskRequest request, HttpContext http, AddCaseTaskHandler handler, CancellationToken ct) =>
                    TypedResults.Created($"/api/v1/cases/{caseId}", await handler.HandleAsync(Actor.Require(http), caseId, request, ct)))
            .WithSummary("Civil affairs adds a department when the family says so: department traffic-police|disabled-persons-federation|funeral-home (with organisationId of the chosen funeral home), reason")
            .Produces<CaseTaskDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
