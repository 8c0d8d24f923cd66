using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReadStops;

/// <summary>A page of a completed job's payments to stop, masked; reading them is audited once per page.</summary>
public sealed class ReadStopsHandler(RollAccess rolls, AuditLog audit)
{
    public async Task<PageOf<StopDto>> HandleAsync(Actor actor, Guid id, int page, int pageSize, CancellationToken ct)
    {
        var job = await rolls.RequireCompletedAsync(actor, id, ct);
        var result = await RollAccess.PageAsync(rolls.Stops(job), s => s.Row, page, pageSize, RollDtos.Stop, ct);
        await audit.RecordAsync(actor, "reconciliation.stops-read", $"reconciliation:{id}", "benefit-reconciliation", $"page {result.Page}: {result.Items.Count} rows (masked)", ct);
        return result;
    }
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
