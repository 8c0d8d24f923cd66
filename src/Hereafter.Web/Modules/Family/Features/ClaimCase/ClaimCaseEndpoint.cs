using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Family.Features.ClaimCase;

public static class ClaimCaseEndpoint
{
    public static RouteGroupBuilder MapClaimCase(this RouteGroupBuilder api)
    {
        api.MapPost("/cases", async (ClaimCaseRequest request, HttpContext http, ClaimCaseHandler handler, CancellationToken ct) =>
            {
                var answer = await handler.HandleAsync(Citizen.Require(http), request, ct);
                return answer.Admitted ? Results.Created((string?)null, answer) : Results.Accepted((string?)null, answer);
            })
            .WithSummary("Claim a death case: certificateNumber (the deceased's ID number), decedentName, relationship")
            .WithDescription("201 admitted when you are the certificate's family contact; 202 pending-proof otherwise (upload proof of relationship). " +
                             "A wrong number or name answers 404 without saying which. At most 10 claims per 10 minutes (429 with Retry-After).")
            .Produces<ClaimCaseResponse>(StatusCodes.Status201Created)
            .Produces<ClaimCaseResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }
}
