using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Family.Features.ApplyForTasks;

public static class ApplyForTasksEndpoint
{
    public static RouteGroupBuilder MapApplyForTasks(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId:guid}/applications",
                async (Guid caseId, ApplicationRequest request, HttpContext http, ApplyForTasksHandler handler, CancellationToken ct) =>
                    TypedResults.Created($"/api/v1/family/cases/{caseId}", await handler.HandleAsync(Citizen.Require(http), caseId, request, ct)))
            .WithSummary("One application for every chosen after-death task (个人身后\"一件事\"): items, banks (none = every bank), contributionYears (survivor-benefits), payoutAccount (items that pay); a task the case already has is not opened twice")
            .Produces<ApplicationCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
