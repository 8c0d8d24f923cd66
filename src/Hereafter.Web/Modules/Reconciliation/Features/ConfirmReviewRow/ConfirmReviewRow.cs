using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Modules.Reconciliation.Features.ReconcileRoll;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation.Features.ConfirmReviewRow;

/// <summary>A clerk confirms a review row as the same person: it becomes a stop with the terms the engine computed.</summary>
public sealed class ConfirmReviewRowHandler(HereafterDbContext db, RollAccess rolls, ReviewQueue queue, AuditLog audit, TimeProvider clock)
{
    public async Task<StopDto> HandleAsync(Actor actor, Guid id, long row, CancellationToken ct)
    {
        var job = await rolls.RequireCompletedAsync(actor, id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        await queue.DecideOnceAsync(job, row, u => u.SetProperty(r => r.Decision, ReviewDecision.Confirmed)
            .SetProperty(r => r.DecidedAt, now).SetProperty(r => r.DecidedBy, actor.Name), ct);
        var review = await queue.RequireAsync(job, row, ct);
        var stop = ResultRows.Confirmed(review, now);
        db.Add(stop);
        await SaveOnceAsync(ct);
        await audit.RecordAsync(actor, "reconciliation.review-confirm", $"reconciliation:{id}", "benefit-reconciliation", $"row {row}", ct);
        await tx.CommitAsync(ct);
        return RollDtos.Stop(stop);
    }

    /// <summary>Two clerks deciding the same row at once: the unique (job, attempt, row) index on stops lets only one confirmation in.</summary>
    private async Task SaveOnceAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { throw ProblemException.Conflict(new Message("reconciliation.review-row.decided-concurrently")); }
    }
}

public static class ConfirmReviewRowEndpoint
{
    public static void MapConfirmReviewRow(this RouteGroupBuilder api) =>
        api.MapPost("/rolls/{id:guid}/review/{row:long}/confirmation", async (Guid id, long row, HttpContext http, ConfirmReviewRowHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, row, ct)))
            .WithSummary("Confirm a review row as the same person: it becomes a stop with the computed terms (409 when already decided)")
            .Produces<StopDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
