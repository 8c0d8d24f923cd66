using Hereafter.Domain.Messages;
using System.Linq.Expressions;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation;

/// <summary>
/// The rolls a department may work, shared by the handlers that read and follow them up. Rolls belong to the
/// organisation that uploaded them: another organisation gets 404 (it does not learn the job exists). Results
/// are read only from the completed attempt, so a half-finished attempt is never visible.
/// </summary>
public sealed class RollAccess(HereafterDbContext db, AuditLog audit)
{
    public async Task<RollJob> RequireJobAsync(Actor actor, Guid id, CancellationToken ct)
    {
        ReconciliationAccess.RequireDepartment(actor);
        var job = await db.Set<RollJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || job.OrganisationId != actor.OrganisationId || job.Status == JobStatus.Uploading)
            throw ProblemException.NotFound(new Message("reconciliation.roll.not-found"));
        return job;
    }

    public async Task<RollJob> RequireCompletedAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var job = await RequireJobAsync(actor, id, ct);
        if (job.Status != JobStatus.Completed)
            throw ProblemException.Conflict(new Message("reconciliation.roll.not-completed").With("status", job.Status.ToCode()));
        return job;
    }

    public IQueryable<StopResult> Stops(RollJob job) =>
        db.Set<StopResult>().AsNoTracking().Where(s => s.JobId == job.Id && s.Attempt == job.CompletedAttempt);

    public IQueryable<ReviewResult> Reviews(RollJob job) =>
        db.Set<ReviewResult>().AsNoTracking().Where(s => s.JobId == job.Id && s.Attempt == job.CompletedAttempt);

    public IQueryable<RejectedResult> Rejected(RollJob job) =>
        db.Set<RejectedResult>().AsNoTracking().Where(r => r.JobId == job.Id && r.Attempt == job.CompletedAttempt);

    /// <summary>One stop of the completed attempt, for a conditional update.</summary>
    public IQueryable<StopResult> Stop(RollJob job, long row) =>
        db.Set<StopResult>().Where(s => s.JobId == job.Id && s.Attempt == job.CompletedAttempt && s.Row == row);

    public async Task<StopResult> RequireStopAsync(RollJob job, long row, CancellationToken ct) =>
        await Stop(job, row).AsNoTracking().FirstOrDefaultAsync(ct)
        ?? throw ProblemException.NotFound(new Message("reconciliation.stop.not-found").With("row", row));

    /// <summary>
    /// The figures of completed jobs after the clerks' decisions so far (review rows confirmed become stops, dismissed
    /// ones unmatched), so that every tile and count agrees with the lists: one grouped query over the review rows
    /// whatever the number of jobs. With <paramref name="money"/> the confirmed rows' amounts and the follow-up
    /// (executed, recovered) are added too, for one job's page.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, RollSummaryDto>> SummariesAsync(IReadOnlyCollection<RollJob> jobs, bool money, CancellationToken ct)
    {
        var completed = jobs.Where(j => j.Status == JobStatus.Completed && j.CompletedAttempt is not null).ToList();
        var ids = completed.Select(j => j.Id).ToList();
        var decisions = ids.Count == 0 ? [] : await db.Set<ReviewResult>().AsNoTracking().Where(r => ids.Contains(r.JobId))
            .GroupBy(r => new { r.JobId, r.Attempt, r.Decision })
            .Select(g => new { g.Key.JobId, g.Key.Attempt, g.Key.Decision, Count = g.LongCount() })
            .ToListAsync(ct);
        var summaries = new Dictionary<Guid, RollSummaryDto>();
        foreach (var job in completed)
        {
            long Count(ReviewDecision d) => decisions.Where(x => x.JobId == job.Id && x.Attempt == job.CompletedAttempt && x.Decision == d).Sum(x => x.Count);
            var confirmed = Count(ReviewDecision.Confirmed);
            var summary = RollDtos.Figures(job) with
            {
                Stops = job.ExactStops + confirmed, ReviewPending = Count(ReviewDecision.Pending),
                UnmatchedNow = job.Unmatched + Count(ReviewDecision.Dismissed),
                OverpaidMonthsNow = job.OverpaidMonths, OverpaidAmountNow = job.OverpaidAmount,
            };
            if (money)
            {
                // Amounts are summed here, not in SQL: SQLite stores decimals as text. Confirmed rows are few.
                var stops = Stops(job);
                var fromReview = await stops.Where(s => s.Origin == StopOrigin.Review).Select(s => new { s.OverpaidMonths, s.OverpaidAmount }).ToListAsync(ct);
                var recovered = await stops.Where(s => s.RecoveredAmount != null).Select(s => s.RecoveredAmount!.Value).ToListAsync(ct);
                summary = summary with
                {
                    OverpaidMonthsNow = job.OverpaidMonths + fromReview.Sum(s => (long)s.OverpaidMonths),
                    OverpaidAmountNow = job.OverpaidAmount + fromReview.Sum(s => s.OverpaidAmount),
                    StopsExecuted = await stops.LongCountAsync(s => s.ExecutedMonth != null, ct),
                    Recovered = recovered.Sum(),
                };
            }
            summaries[job.Id] = summary;
        }
        return summaries;
    }

    /// <summary>
    /// A page of a completed job's result rows in row order (page from 1, at most 1,000 rows a page). Rows with
    /// personal data are read under <paramref name="auditAction"/>: each page read is audited once.
    /// </summary>
    public async Task<PageOf<TDto>> ReadPageAsync<TRow, TDto>(Actor actor, Guid id, Func<RollJob, IQueryable<TRow>> rows,
        Expression<Func<TRow, long>> row, Func<TRow, TDto> toDto, int page, int pageSize, string? auditAction, CancellationToken ct)
    {
        var job = await RequireCompletedAsync(actor, id, ct);
        var query = rows(job);
        var (p, size) = (Math.Max(1, page), Math.Clamp(pageSize, 1, 1000));
        var items = await query.OrderBy(row).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        if (auditAction is not null)
            await audit.RecordAsync(actor, auditAction, $"reconciliation:{id}", "benefit-reconciliation", $"page {p}: {items.Count} rows (masked)", ct);
        return new PageOf<TDto>(items.Select(toDto).ToList(), await query.LongCountAsync(ct), p, size);
    }
}
