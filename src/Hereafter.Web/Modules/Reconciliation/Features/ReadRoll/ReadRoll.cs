using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Modules.Reconciliation.Features.ReconcileRoll;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReadRoll;

/// <summary>
/// A department's reconciliation jobs and their results. Rolls belong to the organisation that uploaded
/// them: another organisation gets 404 (it does not learn the job exists). Results are read only from the
/// completed attempt. Lists mask ID numbers and names; reading them is audited once per page.
/// </summary>
public sealed class ReadRollHandler(HereafterDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<RollJobDto>> ListAsync(Actor actor, int take, CancellationToken ct)
    {
        ReconciliationAccess.RequireDepartment(actor);
        var jobs = await db.Set<RollJob>().AsNoTracking()
            .Where(j => j.OrganisationId == actor.OrganisationId && j.Status != UploadRoll.UploadRollHandler.Uploading)
            .OrderByDescending(j => j.CreatedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return jobs.Select(j => ToDto(j, j.Status == JobStatuses.Completed ? Figures(j) : null)).ToList();
    }

    public async Task<RollJobDto> ReadAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var job = await RequireJobAsync(actor, id, ct);
        RollSummaryDto? summary = null;
        if (job.Status == JobStatuses.Completed)
        {
            var stops = Stops(job);
            var pending = await Reviews(job).LongCountAsync(r => r.Decision == ReviewDecisions.Pending, ct);
            var executed = await stops.LongCountAsync(s => s.ExecutedMonth != null, ct);
            var recovered = (await stops.Where(s => s.RecoveredAmount != null).Select(s => s.RecoveredAmount!.Value).ToListAsync(ct)).Sum();
            summary = Figures(job) with { ReviewPending = pending, StopsExecuted = executed, Recovered = recovered };
        }
        return ToDto(job, summary);
    }

    public async Task<PageOf<StopDto>> StopsAsync(Actor actor, Guid id, int page, int pageSize, CancellationToken ct)
    {
        var job = await RequireCompletedAsync(actor, id, ct);
        var query = Stops(job);
        var (p, size) = Paging(page, pageSize);
        var rows = await query.OrderBy(s => s.Row).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        await audit.RecordAsync(actor, "reconciliation.stops-read", $"reconciliation:{id}", "benefit-reconciliation", $"page {p}: {rows.Count} rows (masked)", ct);
        return new PageOf<StopDto>(rows.Select(ToDto).ToList(), await query.LongCountAsync(ct), p, size);
    }

    public async Task<PageOf<ReviewDto>> ReviewAsync(Actor actor, Guid id, int page, int pageSize, CancellationToken ct)
    {
        var job = await RequireCompletedAsync(actor, id, ct);
        var query = Reviews(job);
        var (p, size) = Paging(page, pageSize);
        var rows = await query.OrderBy(s => s.Row).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        await audit.RecordAsync(actor, "reconciliation.review-read", $"reconciliation:{id}", "benefit-reconciliation", $"page {p}: {rows.Count} rows (masked)", ct);
        return new PageOf<ReviewDto>(rows.Select(ToDto).ToList(), await query.LongCountAsync(ct), p, size);
    }

    public async Task<PageOf<RejectedDto>> RejectedAsync(Actor actor, Guid id, int page, int pageSize, CancellationToken ct)
    {
        var job = await RequireCompletedAsync(actor, id, ct);
        var query = db.Set<RejectedResult>().AsNoTracking().Where(r => r.JobId == job.Id && r.Attempt == job.CompletedAttempt);
        var (p, size) = Paging(page, pageSize);
        var rows = await query.OrderBy(r => r.Row).Skip((p - 1) * size).Take(size).Select(r => new RejectedDto(r.Row, r.Reason)).ToListAsync(ct);
        return new PageOf<RejectedDto>(rows, await query.LongCountAsync(ct), p, size);
    }

    /// <summary>Cancels a queued or running job; its worker notices within a second and discards its partial rows.</summary>
    public async Task<RollJobDto> CancelAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var job = await RequireJobAsync(actor, id, ct);
        var cancelled = await db.Set<RollJob>()
            .Where(j => j.Id == id && (j.Status == JobStatuses.Queued || j.Status == JobStatuses.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatuses.Cancelled).SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.FinishedAt, clock.GetUtcNow()), ct);
        if (cancelled == 0) throw ProblemException.Conflict($"The job is already {job.Status}.");
        await db.Set<UploadChunk>().Where(c => c.JobId == id).ExecuteDeleteAsync(ct);
        await audit.RecordAsync(actor, "reconciliation.cancel", $"reconciliation:{id}", "benefit-reconciliation", job.Programme, ct);
        return await ReadAsync(actor, id, ct);
    }

    internal IQueryable<StopResult> Stops(RollJob job) =>
        db.Set<StopResult>().AsNoTracking().Where(s => s.JobId == job.Id && s.Attempt == job.CompletedAttempt);

    internal IQueryable<ReviewResult> Reviews(RollJob job) =>
        db.Set<ReviewResult>().AsNoTracking().Where(s => s.JobId == job.Id && s.Attempt == job.CompletedAttempt);

    public async Task<RollJob> RequireJobAsync(Actor actor, Guid id, CancellationToken ct)
    {
        ReconciliationAccess.RequireDepartment(actor);
        var job = await db.Set<RollJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || job.OrganisationId != actor.OrganisationId || job.Status == UploadRoll.UploadRollHandler.Uploading)
            throw ProblemException.NotFound("No such reconciliation job for your organisation.");
        return job;
    }

    public async Task<RollJob> RequireCompletedAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var job = await RequireJobAsync(actor, id, ct);
        if (job.Status != JobStatuses.Completed)
            throw ProblemException.Conflict($"The job is {job.Status}; results exist only once it is completed.");
        return job;
    }

    private static RollSummaryDto Figures(RollJob job) => new(job.Rows, job.ExactStops, job.ReviewCount, job.RejectedCount, job.Unmatched,
        job.OverpaidMonths, job.OverpaidAmount, job.DeathsUsed);

    private static (int Page, int Size) Paging(int page, int pageSize) => (Math.Max(1, page), Math.Clamp(pageSize, 1, 1000));

    public static RollJobDto ToDto(RollJob j, RollSummaryDto? summary) => new(
        j.Id, j.Programme, ReconciliationAccess.ProgrammeName(j.Programme), j.Department, j.FileName, j.SizeBytes, j.Status,
        j.CreatedAt, j.UploadedBy, j.StartedAt, j.FinishedAt, j.RowsDone, j.BytesDone,
        j.Status == JobStatuses.Completed ? 100 : j.SizeBytes > 0 ? (int)Math.Min(99, j.BytesDone * 100 / j.SizeBytes) : 0,
        j.ErrorCode, j.ErrorMessage, summary);

    public static StopDto ToDto(StopResult s) => new(
        s.Row, s.Origin, PersonalDataMask.IdNumber(s.IdNumber), PersonalDataMask.Name(s.Name), s.Programme, s.MonthlyAmount, s.PaidThrough,
        s.DeathDate.ToString("yyyy-MM-dd"), s.StopFrom, s.OverpaidMonths, s.OverpaidAmount, s.SuspectId, s.ExecutedMonth, s.RecoveredAmount,
        s.RecoveredOn?.ToString("yyyy-MM-dd"));

    public static ReviewDto ToDto(ReviewResult r) => new(
        r.Row, r.Reason, ResultRows.ReasonText(r.Reason), PersonalDataMask.IdNumber(r.IdNumber), PersonalDataMask.Name(r.Name),
        PersonalDataMask.IdNumber(r.CandidateIdNumber), PersonalDataMask.Name(r.CandidateName), r.CandidateBirthDate?.ToString("yyyy-MM-dd"),
        r.CandidateDeathDate.ToString("yyyy-MM-dd"), r.MonthlyAmount, r.PaidThrough, r.StopFrom, r.OverpaidMonths, r.OverpaidAmount,
        r.Decision, r.DismissReason);
}
