using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Family.Features.ListAdmissions;

public static class ListAdmissionsEndpoint
{
    public static RouteGroupBuilder MapListAdmissions(this RouteGroupBuilder staff)
    {
        staff.MapGet("", async (string? status, HttpContext http, ListAdmissionsHandler handler, CancellationToken ct) =>
            {
                var actor = FamilyReviewers.Require(http);
                var wanted = AdmissionStatus.PendingReview;
                if (status is not null && !EnumCodes<AdmissionStatus>.TryParse(status, out wanted))
                    throw new FieldValidationException("status", new Message("family.admission.status-invalid"));
                return TypedResults.Ok(await handler.HandleAsync(actor, wanted, ct));
            })
            .WithSummary("Civil affairs: family admissions in a status (default pending-review: proof uploaded, awaiting a clerk)")
            .Produces<IReadOnlyList<AdmissionRow>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return staff;
    }
}
