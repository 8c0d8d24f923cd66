using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReadStops;

/// <summary>A page of a completed job's payments to stop, masked; reading them is audited once per page.</summary>
public sealed class ReadStopsHandler(RollAccess rolls)
{
    public Task<PageOf<StopDto>> HandleAsync(Actor actor, Guid id, int page, int pageSize, CancellationToken ct) =>
        rolls.ReadPageAsync(actor, id, rolls.Stops, s => s.Row, RollDtos.Stop, page, pageSize, "reconciliation.stops-read", ct);
}

public static class ReadStopsEndpoint
{
    public static void MapReadStops(this RouteGroupBuilder api) =>
        api.MapGet("/rolls/{id:guid}/stops", async (Guid id, int? page, int? pageSize, HttpContext http, ReadStopsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, page ?? 1, pageSize ?? 100, ct)))
            .WithSummary("Payments to stop in row order: stopFrom, overpaidMonths, overpaidAmount; ID numbers and names masked")
            .Produces<PageOf<StopDto>>()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
