using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReadRejected;

/// <summary>A page of the rows of a completed job that could not be read, with the reason.</summary>
public sealed class ReadRejectedHandler(RollAccess rolls)
{
    public Task<PageOf<RejectedDto>> HandleAsync(Actor actor, Guid id, int page, int pageSize, CancellationToken ct) =>
        rolls.ReadPageAsync(actor, id, rolls.Rejected, r => r.Row, RollDtos.Rejected, page, pageSize, auditAction: null, ct);
}

public static class ReadRejectedEndpoint
{
    public static void MapReadRejected(this RouteGroupBuilder api) =>
        api.MapGet("/rolls/{id:guid}/rejected", async (Guid id, int? page, int? pageSize, HttpContext http, ReadRejectedHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, page ?? 1, pageSize ?? 100, ct)))
            .WithSummary("Rows that could not be read, with row number (header = 1) and reason")
            .Produces<PageOf<RejectedDto>>();
}
