using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Certificates.Features.ReviewCertificate;

public static class ReviewCertificateEndpoint
{
    public static RouteGroupBuilder MapReviewCertificate(this RouteGroupBuilder api)
    {
        api.MapPost("/{number}/review", async (string number, ReviewDecision decision, HttpContext http, ReviewCertificateHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), number, decision, ct)))
            .WithSummary("Civil affairs decides on a possible duplicate: decision=issue|reject with a reason")
            .Produces<CertificateIssued>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }
}
