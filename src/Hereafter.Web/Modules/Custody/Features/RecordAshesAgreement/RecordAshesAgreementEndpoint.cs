using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Custody.Features.RecordAshesAgreement;

public static class RecordAshesAgreementEndpoint
{
    public static RouteGroupBuilder MapRecordAshesAgreement(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/ashes-agreement", async (Guid id, AshesAgreementRequest request, HttpContext http, RecordAshesAgreementHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, request, ct)))
            .WithSummary("The holding funeral home records the 骨灰安放（葬）协议: { destinationType, institutionId?, plotOrNiche?, undertaking? } → { id, state, destination }")
            .WithDescription("destinationType is a code: cemetery-plot, columbarium-niche, tree-burial, flower-burial, lawn-burial, sea-scattering, funeral-home-storage (→ ashes-stored), taken-home (needs the 骨灰去向承诺书 text in undertaking). institutionId must be a cemetery or columbarium, and is required for a plot or niche. 409 lists every reason the step is refused.")
            .Produces<AshesAgreementRecorded>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
