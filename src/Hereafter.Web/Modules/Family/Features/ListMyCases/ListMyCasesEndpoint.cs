using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Family.Features.ListMyCases;

public static class ListMyCasesEndpoint
{
    public static RouteGroupBuilder MapListMyCases(this RouteGroupBuilder api)
    {
        api.MapGet("/cases", async (HttpContext http, ListMyCasesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Citizen.Require(http), ct)))
            .WithSummary("Your cases: those you are admitted to (cases) and, apart, your claims still pending (pendingClaims, with status and a rejection's reason)")
            .Produces<MyCases>();
        return api;
    }
}
