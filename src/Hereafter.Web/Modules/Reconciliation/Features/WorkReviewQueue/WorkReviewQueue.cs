using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Modules.Reconciliation.Features.ReadRoll;
using Hereafter.Web.Modules.Reconciliation.Features.ReconcileRoll;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation.Features.WorkReviewQueue;

/// <summary>
/// A clerk decides a review row once: confirmed as the same person it becomes a stop with the terms the
/// engine computed; dismissed it needs a reason. A second decision is 409.
/// </summary>
public sealed class WorkReviewQueueHandler(HereafterDbContext db, ReadRollHandler reader, AuditLog audit, TimeProvider clock)
{
    public async Task<StopDto> ConfirmAsync(Actor actor, Guid id, long row, CancellationToken ct)
    {
        var job = await reader.RequireCompletedAsync(actor, id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var review = await PendingAsync(job, row, ct);
        var now = clock.GetUtcNow();
        review.Decision = ReviewDecisions.Confirmed;
        review.DecidedAt = now;
        review.DecidedBy = actor.Name;
        var stop = ResultRows.Confirmed(review, now);
        db.Add(stop);
        await SaveOnceAsync(ct);
        await audit.RecordAsync(actor, "reconciliation.review-confirm", $"reconciliation:{id}", "benefit-reconciliation", $"row {row}", ct);
        await tx.CommitAsync(ct);
        return ReadRollHandler.ToDto(stop);
    }

    public async Task<ReviewDto> DismissAsync(Actor actor, Guid id, long row, DismissalRequest request, CancellationToken ct)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            throw new FieldValidationException(new Dictionary<string, string[]> { ["reason"] = ["排除时须填写原因"] });
        if (reason.Length > 500 || reason.Any(char.IsControl))
            throw new FieldValidationException(new Dictionary<string, string[]> { ["reason"] = ["原因不超过500字，不含控制字符"] });
        var job = await reader.RequireCompletedAsync(actor, id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var review = await PendingAsync(job, row, ct);
        review.Decision = ReviewDecisions.Dismissed;
        review.DismissReason = reason;
        review.DecidedAt = clock.GetUtcNow();
        review.DecidedBy = actor.Name;
        await SaveOnceAsync(ct);
        await audit.RecordAsync(actor, "reconciliation.review-dismiss", $"reconciliation:{id}", "benefit-reconciliation", $"row {row}: {reason}", ct);
        await tx.CommitAsync(ct);
        return ReadRollHandler.ToDto(review);
    }

    private async Task<ReviewResult> PendingAsync(RollJob job, long row, CancellationToken ct)
    {
        var review = await db.Set<ReviewResult>().FirstOrDefaultAsync(r => r.JobId == job.Id && r.Attempt == job.CompletedAttempt && r.Row == row, ct)
                     ?? throw ProblemException.NotFound($"Row {row} is not in this job's review queue.");
        if (review.Decision != ReviewDecisions.Pending)
            throw ProblemException.Conflict($"Row {row} was already {review.Decision} by {review.DecidedBy}.");
        return review;
    }

    /// <summary>Two clerks deciding the same row at once: the unique (job, attempt, row) index on stops lets only one confirmation in.</summary>
    private async Task SaveOnceAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw ProblemException.Conflict("This row was decided at the same moment by someone else."); }
    }
}
