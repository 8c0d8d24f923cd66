using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Custody.Features.SignCremationConsent;

public static class SignCremationConsentEndpoint
{
    public static RouteGroupBuilder MapSignCremationConsent(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/cremation-consent", async (Guid id, CremationConsentRequest request, HttpContext http, SignCremationConsentHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.AtCounterAsync(Actor.Require(http), id, request, ct)))
            .WithSummary("The holding funeral home enters the signed 遗体火化确认书 (name, ID, relationship, phone, signed time)")
            .Produces<CustodyStepDone>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
