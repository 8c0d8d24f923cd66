using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Custody.Features.RecordArrival;

public static class RecordArrivalEndpoint
{
    public static RouteGroupBuilder MapRecordArrival(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/arrival", async (Guid id, RecordArrivalRequest request, HttpContext http, RecordArrivalHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, request, ct)))
            .WithSummary("The body arrived at the funeral home (到馆入库): { arrivedAt } → { id, state, storageUntil }")
            .WithDescription("Starts the storage timer: storageUntil = arrivedAt + Custody:StorageDays whole days (3 by default), counted from the arrival instant. Only the funeral home holding the record; arrivedAt not in the future nor before the pickup. 409 with every reason when the record is not picked-up or is frozen.")
            .Produces<StorageAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
