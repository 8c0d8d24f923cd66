using Hereafter.Web.Modules.Family.Features.ApproveAdmission;

namespace Hereafter.Web.Modules.Family.Features.RejectAdmission;

public static class RejectAdmissionEndpoint
{
    public static RouteGroupBuilder MapRejectAdmission(this RouteGroupBuilder staff)
    {
        staff.MapPost("/{id:guid}/rejection", async (Guid id, RejectionRequest request, HttpContext http, RejectAdmissionHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(FamilyReviewers.Require(http), id, request, ct)))
            .WithSummary("Civil affairs: refuse the proof of relationship with a reason (required, at most 200 characters); the citizen is notified and may upload new proof")
            .Produces<AdmissionDecided>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return staff;
    }
}
