using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Custody.Features.RecordBurial;

public static class RecordBurialEndpoint
{
    public static RouteGroupBuilder MapRecordBurial(this RouteGroupBuilder burials)
    {
        burials.MapPost("", async (BurialRequest request, HttpContext http, RecordBurialHandler handler, CancellationToken ct) =>
            {
                var recorded = await handler.HandleAsync(Actor.Require(http), request, ct);
                return TypedResults.Created($"/api/v1/custody/{recorded.CustodyId}", recorded);
            })
            .WithSummary("A cemetery or columbarium records a burial: { certificateNumber | cremationCertificateNumber, plotOrNiche, buriedAt } → 201, the record becomes placed")
            .WithDescription("409 without an active document (an unknown, revoked or superseded death certificate; an unknown or written-off 火化证明) or when the ashes are not released (or already placed). The 火化证明 is written off; custody.placed is published.")
            .Produces<BurialRecorded>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return burials;
    }
}
