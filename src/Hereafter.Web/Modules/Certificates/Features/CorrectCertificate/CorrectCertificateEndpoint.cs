using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Certificates.Features.CorrectCertificate;

public static class CorrectCertificateEndpoint
{
    public static RouteGroupBuilder MapCorrectCertificate(this RouteGroupBuilder api)
    {
        api.MapPost("/{number}/correction", async (string number, CorrectionRequest request, HttpContext http, CorrectCertificateHandler handler, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/certificates/{number}", await handler.HandleAsync(Actor.Require(http), number, request, ct)))
            .WithSummary("Correct basic data once: a new version; the old one stays as superseded (a second correction is 409)")
            .Produces<CertificateIssued>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
