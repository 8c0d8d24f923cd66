using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Sharing.Features.ReadDeathCase;

public static class ReadDeathCaseEndpoint
{
    public static RouteGroupBuilder MapReadDeathCase(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{caseId:guid}", async (Guid caseId, HttpContext http, ReadDeathCaseHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), caseId, ct)))
            .WithSummary("A death case with every task's status history (civil affairs); a department sees its own task")
            .Produces<DeathCaseDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
