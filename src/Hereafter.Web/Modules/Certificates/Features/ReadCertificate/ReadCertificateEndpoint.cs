using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Certificates.Features.ReadCertificate;

public static class ReadCertificateEndpoint
{
    public static RouteGroupBuilder MapReadCertificate(this RouteGroupBuilder api)
    {
        api.MapGet("/{number}", async (string number, HttpContext http, ReadCertificateHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReadAsync(Actor.Require(http), number, ct)))
            .WithSummary("Read the copy (联) of a certificate your organisation may see; every read is audited")
            .Produces<CertificateView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
