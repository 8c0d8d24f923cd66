using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Certificates.Features.ReissueCertificate;

public static class ReissueCertificateEndpoint
{
    public static RouteGroupBuilder MapReissueCertificate(this RouteGroupBuilder api)
    {
        api.MapPost("/{number}/reissue", async (string number, ReasonRequest request, HttpContext http, ReissueCertificateHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), number, request, ct)))
            .WithSummary("Reissue once after loss (补发; a second reissue is 409)")
            .Produces<CertificateIssued>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
