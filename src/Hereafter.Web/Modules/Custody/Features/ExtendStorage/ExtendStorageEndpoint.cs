using Hereafter.Web.Modules.Custody.Features.RecordArrival;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Custody.Features.ExtendStorage;

public static class ExtendStorageEndpoint
{
    public static RouteGroupBuilder MapExtendStorage(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/storage-extensions", async (Guid id, ExtendStorageRequest request, HttpContext http, ExtendStorageHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, request, ct)))
            .WithSummary("Extend the storage limit (延长存放): { until, reason } → { id, state, storageUntil }")
            .WithDescription("Only the funeral home holding a body in storage. The reason is required; until must be later than the current limit and than now. Logged on the timeline (old → new limit, reason) and in the audit log.")
            .Produces<StorageAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
