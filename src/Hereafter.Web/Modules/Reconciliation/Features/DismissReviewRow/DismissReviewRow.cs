using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Reconciliation.Features.DismissReviewRow;

/// <summary>A clerk dismisses a review row as another person; the reason is required.</summary>
public sealed class DismissReviewRowHandler(HereafterDbContext db, RollAccess rolls, ReviewQueue queue, AuditLog audit, TimeProvider clock)
{
    public async Task<ReviewDto> HandleAsync(Actor actor, Guid id, long row, DismissalRequest request, CancellationToken ct)
    {
        var reason = RequestValidation.Require(request).Reason!.Trim();
        var job = await rolls.RequireCompletedAsync(actor, id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        await queue.DecideOnceAsync(job, row, u => u.SetProperty(r => r.Decision, ReviewDecision.Dismissed).SetProperty(r => r.DismissReason, reason)
            .SetProperty(r => r.DecidedAt, now).SetProperty(r => r.DecidedBy, actor.Name), ct);
        var review = await queue.RequireAsync(job, row, ct);
        await audit.RecordAsync(actor, "reconciliation.review-dismiss", $"reconciliation:{id}", "benefit-reconciliation", $"row {row}: {reason}", ct);
        await tx.CommitAsync(ct);
        return RollDtos.Review(review);
    }
}

public static class DismissReviewRowEndpoint
{
    public static void MapDismissReviewRow(this RouteGroupBuilder api) =>
        api.MapPost("/rolls/{id:guid}/review/{row:long}/dismissal", async (Guid id, long row, DismissalRequest request, HttpContext http, DismissReviewRowHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, row, request, ct)))
            .WithSummary("Dismiss a review row: { reason } required (400 without); 409 when already decided")
            .Produces<ReviewDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
