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
        var now = clock.GetUtcNow();
        await DecideOnceAsync(job, row, u => u.SetProperty(r => r.Decision, ReviewDecisions.Confirmed)
            .SetProperty(r => r.DecidedAt, now).SetProperty(r => r.DecidedBy, actor.Name), ct);
        var review = await ReviewAsync(job, row, ct);
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
        var now = clock.GetUtcNow();
        await DecideOnceAsync(job, row, u => u.SetProperty(r => r.Decision, ReviewDecisions.Dismissed).SetProperty(r => r.DismissReason, reason)
            .SetProperty(r => r.DecidedAt, now).SetProperty(r => r.DecidedBy, actor.Name), ct);
        var review = await ReviewAsync(job, row, ct);
        await audit.RecordAsync(actor, "reconciliation.review-dismiss", $"reconciliation:{id}", "benefit-reconciliation", $"row {row}: {reason}", ct);
        await tx.CommitAsync(ct);
        return ReadRollHandler.ToDto(review);
    }

    private IQueryable<ReviewResult> Reviews(RollJob job, long row) =>
        db.Set<ReviewResult>().Where(r => r.JobId == job.Id && r.Attempt == job.CompletedAttempt && r.Row == row);

    private async Task<ReviewResult> ReviewAsync(RollJob job, long row, CancellationToken ct) =>
        await Reviews(job, row).AsNoTracking().FirstOrDefaultAsync(ct)
        ?? throw ProblemException.NotFound($"Row {row} is not in this job's review queue.");

    /// <summary>
    /// The decision is a conditional update on a still-pending row: of concurrent confirmations and dismissals
    /// (on any node) one passes, the others wait for its row lock, match nothing and answer 409.
    /// </summary>
    private async Task DecideOnceAsync(RollJob job, long row,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ReviewResult>> decide, CancellationToken ct)
    {
        var decided = await Reviews(job, row).Where(r => r.Decision == ReviewDecisions.Pending).ExecuteUpdateAsync(decide, ct);
        if (decided == 1) return;
        var review = await ReviewAsync(job, row, ct);
        throw ProblemException.Conflict($"Row {row} was already {review.Decision} by {review.DecidedBy}.");
    }

    /// <summary>Two clerks deciding the same row at once: the unique (job, attempt, row) index on stops lets only one confirmation in.</summary>
    private async Task SaveOnceAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw ProblemException.Conflict("This row was decided at the same moment by someone else."); }
    }
}
