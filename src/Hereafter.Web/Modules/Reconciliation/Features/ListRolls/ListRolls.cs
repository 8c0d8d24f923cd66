using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation.Features.ListRolls;

/// <summary>The organisation's reconciliation jobs, newest first, with the engine's figures and the stops and pending review rows after the decisions so far once completed.</summary>
public sealed class ListRollsHandler(HereafterDbContext db, RollAccess rolls)
{
    public async Task<IReadOnlyList<RollJobDto>> HandleAsync(Actor actor, int take, CancellationToken ct)
    {
        ReconciliationAccess.RequireDepartment(actor);
        var jobs = await db.Set<RollJob>().AsNoTracking()
            .Where(j => j.OrganisationId == actor.OrganisationId && j.Status != JobStatus.Uploading)
            .OrderByDescending(j => j.CreatedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        var summaries = await rolls.SummariesAsync(jobs, money: false, ct);
        return jobs.Select(j => RollDtos.Job(j, summaries.GetValueOrDefault(j.Id))).ToList();
    }
}

public static class ListRollsEndpoint
{
    public static void MapListRolls(this RouteGroupBuilder api) =>
        api.MapGet("/rolls", async (int? take, HttpContext http, ListRollsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), take ?? 100, ct)))
            .WithSummary("Your organisation's reconciliation jobs, newest first")
            .Produces<IReadOnlyList<RollJobDto>>();
}
