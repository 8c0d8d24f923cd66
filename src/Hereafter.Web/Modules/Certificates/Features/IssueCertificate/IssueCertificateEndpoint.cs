using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Modules.Certificates.Features.IssueCertificate;

public static class IssueCertificateEndpoint
{
    public static RouteGroupBuilder MapIssueCertificate(this RouteGroupBuilder api)
    {
        api.MapPost("/", async Task<IResult> (CertificateData certificate, HttpContext http, IssueCertificateHandler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(Actor.Require(http), certificate, ct);
                var location = $"/api/v1/certificates/{result.Number}";
                return EnumCodes<CertificateStatus>.Parse(result.Status) == CertificateStatus.PendingReview ? TypedResults.Accepted(location, result) : TypedResults.Created(location, result);
            })
            .WithSummary("Issue a death certificate (居民死亡医学证明)")
            .WithDescription("201 issued; 202 held for review as a possible duplicate (status pending-review); 400 field errors keyed by JSON path; 409 an active certificate already exists for this person.")
            .Produces<CertificateIssued>(StatusCodes.Status201Created)
            .Produces<CertificateIssued>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
