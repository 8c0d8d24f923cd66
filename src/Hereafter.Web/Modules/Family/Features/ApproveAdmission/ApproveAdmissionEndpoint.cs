namespace Hereafter.Web.Modules.Family.Features.ApproveAdmission;

public static class ApproveAdmissionEndpoint
{
    public static RouteGroupBuilder MapApproveAdmission(this RouteGroupBuilder staff)
    {
        staff.MapPost("/{id:guid}/approval", async (Guid id, HttpContext http, ApproveAdmissionHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(FamilyReviewers.Require(http), id, ct)))
            .WithSummary("Civil affairs: accept the proof of relationship; the citizen is admitted to the case and notified")
            .Produces<AdmissionDecided>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return staff;
    }
}
