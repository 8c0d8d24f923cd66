using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReadRoll;

/// <summary>One job: its progress, and once completed the engine's figures and the figures after the decisions and follow-up so far.</summary>
public sealed class ReadRollHandler(RollAccess rolls)
{
    public async Task<RollJobDto> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var job = await rolls.RequireJobAsync(actor, id, ct);
        var summary = (await rolls.SummariesAsync([job], money: true, ct)).GetValueOrDefault(job.Id);
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
