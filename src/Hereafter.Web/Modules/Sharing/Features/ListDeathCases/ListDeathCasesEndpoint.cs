using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Sharing.Features.ListDeathCases;

public static class ListDeathCasesEndpoint
{
    public static RouteGroupBuilder MapListDeathCases(this RouteGroupBuilder api)
    {
        api.MapGet("/cases", async (bool? overdue, int? take, HttpContext http, ListDeathCasesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), overdue ?? false, take ?? 100, ct)))
            .WithSummary("Death cases newest first (civil affairs: all, overdue=true for unacknowledged tasks past due; a department: its tasks)");

        return api;
    }
}
