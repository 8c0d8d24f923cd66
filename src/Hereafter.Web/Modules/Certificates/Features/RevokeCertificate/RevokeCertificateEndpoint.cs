using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Certificates.Features.RevokeCertificate;

public static class RevokeCertificateEndpoint
{
    public static RouteGroupBuilder MapRevokeCertificate(this RouteGroupBuilder api)
    {
        api.MapPost("/{number}/revocation", async (string number, ReasonRequest request, HttpContext http, RevokeCertificateHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), number, request, ct)))
            .WithSummary("Revoke a certificate issued in error, with a reason; the record is kept")
            .Produces<CertificateIssued>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
