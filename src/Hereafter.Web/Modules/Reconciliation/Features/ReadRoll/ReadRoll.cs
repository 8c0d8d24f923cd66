using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReadRoll;

/// <summary>One job: its progress, and once completed the engine's figures with the follow-up so far.</summary>
public sealed class ReadRollHandler(RollAccess rolls)
{
    public async Task<RollJobDto> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var job = await rolls.RequireJobAsync(actor, id, ct);
        RollSummaryDto? summary = null;
        if (job.Status == JobStatus.Completed)
        {
            var stops = rolls.Stops(job);
            var pending = await rolls.Reviews(job).LongCountAsync(r => r.Decision == ReviewDecision.Pending, ct);
            var executed = await stops.LongCountAsync(s => s.ExecutedMonth != null, ct);
            var recovered = (await stops.Where(s => s.RecoveredAmount != null).Select(s => s.RecoveredAmount!.Value).ToListAsync(ct)).Sum();
            summary = RollDtos.Figures(job) with { ReviewPending = pending, StopsExecuted = executed, Recovered = recovered };
        }
        return RollDtos.Job(job, summary);
    }
}

public static class ReadRollEndpoint
{
    public static void MapReadRoll(this RouteGroupBuilder api) =>
        api.MapGet("/rolls/{id:guid}", async (Guid id, HttpContext http, ReadRollHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, ct)))
            .WithSummary("A job: status queued|running|completed|failed|cancelled, progress (rowsDone, bytesDone, percent), the summary once completed, errorCode/error when failed")
            .Produces<RollJobDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
