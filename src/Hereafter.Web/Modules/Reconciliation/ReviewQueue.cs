using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Hereafter.Web.Modules.Reconciliation;

/// <summary>A review row of a completed job is decided once: confirmed or dismissed; a second decision is 409.</summary>
public sealed class ReviewQueue(HereafterDbContext db)
{
    private IQueryable<ReviewResult> Reviews(RollJob job, long row) =>
        db.Set<ReviewResult>().Where(r => r.JobId == job.Id && r.Attempt == job.CompletedAttempt && r.Row == row);

    public async Task<ReviewResult> RequireAsync(RollJob job, long row, CancellationToken ct) =>
        await Reviews(job, row).AsNoTracking().FirstOrDefaultAsync(ct)
        ?? throw ProblemException.NotFound(new Message("reconciliation.review-row.not-found").With("row", row));

    /// <summary>
    /// The decision is a conditional update on a still-pending row: of concurrent confirmations and dismissals
    /// (on any node) one passes, the others wait for its row lock, match nothing and answer 409.
    /// </summary>
    public async Task DecideOnceAsync(RollJob job, long row, Action<UpdateSettersBuilder<ReviewResult>> decide, CancellationToken ct)
    {
        var decided = await Reviews(job, row).Where(r => r.Decision == ReviewDecision.Pending).ExecuteUpdateAsync(decide, ct);
        if (decided == 1) return;
        var review = await RequireAsync(job, row, ct);
        var already = review.Decision == ReviewDecision.Dismissed
            ? new Message("reconciliation.review-row.already-dismissed")
            : new Message("reconciliation.review-row.already-confirmed");
        throw ProblemException.Conflict(already.With("row", row).With("by", review.DecidedBy));
    }
}
