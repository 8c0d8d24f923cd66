using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Certificates.Features.LookupCertificate;

public static class LookupCertificateEndpoint
{
    public static IEndpointRouteBuilder MapLookupCertificate(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/certificate-lookups", async (int? threshold, HttpContext http, CertificateLookups lookups, CancellationToken ct) =>
            {
                if (!CertificateAccess.CanSupervise(Actor.Require(http)))
                    throw Platform.Errors.ProblemException.Forbidden(new Message("certificates.lookup.civil-affairs-only"));
                return TypedResults.Ok(await lookups.UnusualAsync(threshold, ct));
            })
            .RequireAuthorization()
            .DisableAntiforgery()
            .WithTags("Certificates")
            .WithSummary("Civil affairs: organisations that looked up more distinct certificate numbers than threshold (default RateLimits:CertificateLookups:ReportThreshold) in the last 24 hours")
            .Produces<IReadOnlyList<LookupActivity>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return app;
    }
}
