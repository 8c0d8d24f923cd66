using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Custody.Features.RecordPickup;

public static class RecordPickupEndpoint
{
    public static RouteGroupBuilder MapRecordPickup(this RouteGroupBuilder api)
    {
        api.MapPost("", async (RecordPickupRequest request, HttpContext http, RecordPickupHandler handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(Actor.Require(http), request, ct);
                return TypedResults.Created($"/api/v1/custody/{created.Id}", created);
            })
            .WithSummary("A funeral home records a pickup (接运): { certificateNumber | scanned, pickedUpAt, fromAddress } → 201 { id, state }")
            .WithDescription("Only against an active death certificate, named by its number or by the QR code scanned from it (the token or the whole /verify URL). 404 for an unknown certificate; 409 { detail, standing } when it is revoked, superseded (an older version's QR code) or not issued; 409 { detail, id } when the person already has an open record (one open record per person, enforced by the database). pickedUpAt may not be in the future nor before the death. Writes the timeline line, the custody.picked-up event and the audit entry.")
            .Produces<CustodyCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
