using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Memorial.Features.ProxyOrdering;

public static class OrderProxySweepingEndpoint
{
    public static RouteGroupBuilder MapOrderProxySweeping(this RouteGroupBuilder api)
    {
        api.MapGet("/proxy-options", async (Guid? site, ProxyOptions options, CancellationToken ct) => TypedResults.Ok(await options.SitesAsync(site, ct)))
            .AllowAnonymous()
            .WithSummary("Public: cemeteries and columbaria offering proxy sweeping (代祭扫), each with its options at today's published prices")
            .WithDescription("`site` narrows the answer to one institution. The options are the `nonbasic.proxy-sweep.*` items of the institution's published price list.")
            .Produces<IReadOnlyList<ProxySite>>();

        api.MapPost("/proxy-orders", async (ProxyOrderRequest request, HttpContext http, OrderProxySweepingHandler handler, CancellationToken ct) =>
            {
                var order = await handler.HandleAsync(Citizen.Require(http), request, http.Request.Headers["Idempotency-Key"].ToString(), ct);
                return TypedResults.Created($"/api/v1/memorial/proxy-orders/{order.Id}", order);
            })
            .RequireAuthorization(FamilyAuth.ApiPolicy)
            .WithSummary("A citizen orders proxy sweeping: { institutionId, options: [code], deceasedName, graveLocation, wantedDate, contactPhone?, message? } → 201 the order with its total")
            .WithDescription("Options are item codes of the institution's published price list (see /proxy-options); each line keeps the price in force today (China date). " +
                             "Payment is offline, to the institution. 400 with one error per field: an unknown option or one not on that institution's list is named in its `options[i]` error. " +
                             "The same `Idempotency-Key` header returns the order made the first time.")
            .Produces<ProxyOrderView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }
}
