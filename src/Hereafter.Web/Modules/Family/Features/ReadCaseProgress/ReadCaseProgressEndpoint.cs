using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Family.Features.ReadCaseProgress;

public static class ReadCaseProgressEndpoint
{
    public static RouteGroupBuilder MapReadCaseProgress(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{caseId:guid}",
                async (Guid caseId, HttpContext http, ReadCaseProgressHandler handler, CancellationToken ct) =>
                    TypedResults.Ok(await handler.HandleAsync(Citizen.Require(http), caseId, ct)))
            .WithSummary("The case as the family follows it: the deceased, every task with status history, answer and next step, and the funeral bills")
            .Produces<CaseProgressDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
