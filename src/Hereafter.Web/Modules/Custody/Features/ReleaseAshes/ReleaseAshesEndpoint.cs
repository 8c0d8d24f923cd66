using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Custody.Features.ReleaseAshes;

public static class ReleaseAshesEndpoint
{
    public static RouteGroupBuilder MapReleaseAshes(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/ashes-release", async (Guid id, ReleaseAshesRequest request, HttpContext http, ReleaseAshesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, request, ct)))
            .WithSummary("The holding funeral home releases the ashes: { releasedAt, to } → { id, state: ashes-released }")
            .WithDescription("Needs a recorded agreement with a destination other than storage at the funeral home (and the 骨灰去向承诺书 for ashes taken home); 409 lists every reason otherwise.")
            .Produces<AshesReleased>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
