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
