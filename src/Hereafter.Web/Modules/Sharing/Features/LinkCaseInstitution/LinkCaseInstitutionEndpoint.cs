using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Sharing.Features.LinkCaseInstitution;

public static class LinkCaseInstitutionEndpoint
{
    public static RouteGroupBuilder MapLinkCaseInstitution(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId:guid}/institutions",
                async (Guid caseId, LinkCaseInstitutionRequest request, HttpContext http, LinkCaseInstitutionHandler handler, CancellationToken ct) =>
                    TypedResults.Created($"/api/v1/cases/{caseId}", await handler.HandleAsync(Actor.Require(http), caseId, request, ct)))
            .WithSummary("Civil affairs links an institution the family chose (funeral home, cemetery, columbarium or service shop: organisationId, reason); only linked institutions bill the case")
            .Produces<CaseInstitutionDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
