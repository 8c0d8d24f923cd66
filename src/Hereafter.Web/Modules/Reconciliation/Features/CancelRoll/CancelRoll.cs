using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation.Features.CancelRoll;

/// <summary>Cancels a queued or running job; its worker notices within a second and discards its partial rows.</summary>
public sealed class CancelRollHandler(HereafterDbContext db, RollAccess rolls, AuditLog audit, TimeProvider clock)
{
    public async Task<RollJobDto> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var job = await rolls.RequireJobAsync(actor, id, ct);
        var cancelled = await db.Set<RollJob>()
            .Where(j => j.Id == id && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.FinishedAt, clock.GetUtcNow()), ct);
        if (cancelled == 0) throw ProblemException.Conflict(new Message("reconciliation.roll.already-finished").With("status", job.Status.ToCode()));
        await db.Set<UploadChunk>().Where(c => c.JobId == id).ExecuteDeleteAsync(ct);
        await audit.RecordAsync(actor, "reconciliation.cancel", $"reconciliation:{id}", "benefit-reconciliation", job.Programme, ct);
        // Cancelled is final (the worker completes only a running job): there is no summary to read.
        return RollDtos.Job(await rolls.RequireJobAsync(actor, id, ct), null);
    }
}

public static class CancelRollEndpoint
{
    public static void MapCancelRoll(this RouteGroupBuilder api) =>
        api.MapPost("/rolls/{id:guid}/cancellation", async (Guid id, HttpContext http, CancelRollHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, ct)))
            .WithSummary("Cancel a queued or running job; its partial results are discarded (409 when it already finished)")
            .Produces<RollJobDto>()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
