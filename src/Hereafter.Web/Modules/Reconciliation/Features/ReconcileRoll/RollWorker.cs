using Hereafter.Domain.Messages;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReconcileRoll;

/// <summary>
/// Runs queued reconciliations, one at a time per node. A job is claimed with <c>FOR UPDATE SKIP LOCKED</c>
/// (PostgreSQL) and a conditional update of its attempt number (both providers), then held by a lease that
/// is renewed every second; a node that dies stops renewing and another node takes the job over after
/// <see cref="ReconciliationSettings.LeaseSeconds"/>. Every attempt writes its own rows and the job points at
/// the completed attempt in the same transaction that completes it, so partial results are never visible
/// and a re-run gives the same result. See docs/adr/0005.
/// </summary>
public sealed class RollWorker(IServiceScopeFactory scopes, RollWorkSignal signal, TimeProvider clock, IOptions<ReconciliationSettings> settings, ILogger<RollWorker> logger)
    : BackgroundService
{
    /// <summary>This node's name in <see cref="RollJob.LeaseOwner"/>.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("n")[..6]}";

    private const int MaxAttempts = 3;
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and tests finish seeding) before the first claim.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() >= _nextSweep)
                {
                    _nextSweep = clock.GetUtcNow() + SweepInterval;
                    await DeleteAbandonedUploadsAsync(stoppingToken);
                }
                while (await ProcessNextAsync(stoppingToken)) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Reconciliation worker failed; retrying");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            try { await signal.WaitAsync(TimeSpan.FromMilliseconds(settings.Value.PollMilliseconds), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>
    /// Deletes uploads that will never complete: a job still <c>uploading</c> whose chunks stopped arriving
    /// (<see cref="ReconciliationSettings.AbandonedUploadMinutes"/>; the node died or lost the database mid-upload),
    /// with its chunks, and any chunks left behind by a job that has finished. Any node may run it.
    /// </summary>
    /// <returns>The number of abandoned uploads deleted.</returns>
    public async Task<int> DeleteAbandonedUploadsAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var now = clock.GetUtcNow();
        var abandoned = db.Set<RollJob>().Where(j => j.Status == JobStatus.Uploading && (j.LeaseUntil == null || j.LeaseUntil < now));
        await db.Set<UploadChunk>().Where(c => abandoned.Any(j => j.Id == c.JobId)).ExecuteDeleteAsync(ct);
        var deleted = await abandoned.ExecuteDeleteAsync(ct);
        await db.Set<UploadChunk>()
            .Where(c => db.Set<RollJob>().Any(j => j.Id == c.JobId && (j.Status == JobStatus.Completed || j.Status == JobStatus.Failed || j.Status == JobStatus.Cancelled)))
            .ExecuteDeleteAsync(ct);
        if (deleted > 0) logger.LogWarning("Deleted {Count} abandoned reconciliation uploads", deleted);
        return deleted;
    }

    /// <summary>Claims and runs one due job; false when there is none.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken ct)
    {
        var claim = await ClaimAsync(ct);
        if (claim is null) return false;
        await RunAsync(claim.Value.Id, claim.Value.Attempt, ct);
        return true;
    }

    private async Task<(Guid Id, int Attempt)?> ClaimAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        RollJob? job;
        if (db.IsPostgres)
        {
            job = await db.Set<RollJob>().FromSqlRaw(
                    """
                    SELECT * FROM reconciliation_jobs
                    WHERE "Status" = {1} OR ("Status" = {2} AND "LeaseUntil" < {0})
                    ORDER BY "CreatedAt" LIMIT 1 FOR UPDATE SKIP LOCKED
                    """, now, JobStatus.Queued.ToCode(), JobStatus.Running.ToCode())
                .AsNoTracking().FirstOrDefaultAsync(ct);
        }
        else
        {
            job = await db.Set<RollJob>().AsNoTracking()
                .Where(j => j.Status == JobStatus.Queued || (j.Status == JobStatus.Running && j.LeaseUntil < now))
                .OrderBy(j => j.CreatedAt).FirstOrDefaultAsync(ct);
        }
        if (job is null) return null;
        var attempt = job.Attempt + 1;
        var lease = now + TimeSpan.FromSeconds(settings.Value.LeaseSeconds);
        // The attempt number is the claim's compare-and-set: of two nodes that read the same row, one wins.
        var claimed = await db.Set<RollJob>().Where(j => j.Id == job.Id && j.Attempt == job.Attempt && j.Status == job.Status)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.Attempt, attempt)
                .SetProperty(j => j.LeaseOwner, NodeId).SetProperty(j => j.LeaseUntil, lease)
                .SetProperty(j => j.StartedAt, now).SetProperty(j => j.RowsDone, 0L).SetProperty(j => j.BytesDone, 0L), ct);
        await tx.CommitAsync(ct);
        if (claimed == 0) return null;
        if (job.Status == JobStatus.Running)
            logger.LogWarning("Took over reconciliation {Job} from {Owner} (lease lapsed); attempt {Attempt}", job.Id, job.LeaseOwner, attempt);
        return (job.Id, attempt);
    }

    private async Task RunAsync(Guid jobId, int attempt, CancellationToken stopping)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var progress = new LatestProgress();
        using var leaseLoop = new CancellationTokenSource();
        var renewing = RenewLeaseAsync(jobId, attempt, progress, lost, leaseLoop.Token);
        string outcome = "";
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var job = await db.Set<RollJob>().AsNoTracking().FirstAsync(j => j.Id == jobId, lost.Token);
            if (job.Attempt > MaxAttempts)
            {
                // Stored in Chinese as before; the page heads it with the code's message in the clerk's language.
                await FailAsync(db, jobId, attempt, "internal", new Message("reconciliation.roll.interrupted").Chinese, CancellationToken.None);
                return;
            }
            await DeleteRowsAsync(db, jobId, onlyAttempt: null, lost.Token);

            var deaths = new List<Death>();
            await foreach (var d in scope.ServiceProvider.GetRequiredService<IActiveDeaths>().ReadAllAsync(lost.Token))
                deaths.Add(new Death(d.IdNumber, d.Name, d.BirthDate, d.DeathDate));
            var register = DeathRegister.From(deaths);
            var systemActor = new Actor("reconciliation-worker", job.UploadedBy, job.OrganisationId, job.OrganisationName, null, new HashSet<string>());
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(systemActor, "reconciliation.deaths-read",
                $"reconciliation:{jobId}", "benefit-reconciliation", $"{register.Count} active deaths read to reconcile {job.Programme} (attempt {attempt})", lost.Token);

            var rule = ProgrammeRules.Defaults[job.Programme];
            var sink = new DbResultSink(db, jobId, attempt, settings.Value.BatchSize, clock.GetUtcNow(), lost.Token);
            await using var stream = new ChunkStream(db, jobId, job.SizeBytes, UploadRoll.UploadRollHandler.ChunkSize);
            var summary = await Task.Run(() =>
            {
                var s = Reconciler.Run(register, stream, new ReconciliationOptions(rule) { Limits = settings.Value.Limits }, sink, progress, lost.Token);
                sink.Flush();
                return s;
            }, lost.Token);

            await using var tx = await db.Database.BeginTransactionAsync(lost.Token);
            var done = await db.Set<RollJob>().Where(j => j.Id == jobId && j.Attempt == attempt && j.Status == JobStatus.Running)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, JobStatus.Completed).SetProperty(j => j.CompletedAttempt, attempt)
                    .SetProperty(j => j.FinishedAt, clock.GetUtcNow()).SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(j => j.RowsDone, summary.Rows).SetProperty(j => j.BytesDone, job.SizeBytes)
                    .SetProperty(j => j.DeathsUsed, register.Count).SetProperty(j => j.Rows, summary.Rows)
                    .SetProperty(j => j.ExactStops, summary.ExactStops).SetProperty(j => j.ReviewCount, summary.Review)
                    .SetProperty(j => j.RejectedCount, summary.Rejected).SetProperty(j => j.Unmatched, summary.Unmatched)
                    .SetProperty(j => j.OverpaidMonths, summary.OverpaidMonths).SetProperty(j => j.OverpaidAmount, summary.OverpaidAmount), lost.Token);
            if (done == 0)
            {
                // Cancelled, or another node took the job over: this attempt's rows are not the result.
                await tx.RollbackAsync(CancellationToken.None);
                await DeleteAttemptAsync(db, jobId, attempt);
                return;
            }
            // The upload has served its purpose; the results are what the department keeps.
            await db.Set<UploadChunk>().Where(c => c.JobId == jobId).ExecuteDeleteAsync(lost.Token);
            await tx.CommitAsync(lost.Token);
            outcome = "completed";
        }
        catch (RollFormatException e)
        {
            // The file itself is the problem (wrong columns, a zip bomb, an unclosed quote): final, never retried.
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            await DeleteAttemptAsync(db, jobId, attempt);
            await FailAsync(db, jobId, attempt, e.Code, e.Message, CancellationToken.None);
            outcome = "failed: " + e.Code;
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            await DeleteAttemptAsync(db, jobId, attempt);
            if (stopping.IsCancellationRequested)
            {
                // Shutting down: hand the job back at once instead of waiting for the lease to lapse.
                await db.Set<RollJob>().Where(j => j.Id == jobId && j.Attempt == attempt && j.Status == JobStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.LeaseOwner, (string?)null), CancellationToken.None);
            }
            outcome = "stopped";
        }
        catch (Exception e)
        {
            logger.LogError(e, "Reconciliation {Job} attempt {Attempt} failed", jobId, attempt);
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            await DeleteAttemptAsync(db, jobId, attempt);
            // Requeue: a database hiccup should not cost the clerk the upload; MaxAttempts bounds a real bug.
            await db.Set<RollJob>().Where(j => j.Id == jobId && j.Attempt == attempt && j.Status == JobStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.LeaseOwner, (string?)null), CancellationToken.None);
            outcome = "requeued";
        }
        finally
        {
            await leaseLoop.CancelAsync();
            try { await renewing; } catch (OperationCanceledException) { }
            logger.LogInformation("Reconciliation {Job} attempt {Attempt}: {Outcome}", jobId, attempt, outcome);
        }
    }

    /// <summary>Renews the lease and publishes progress every second; cancels the run when the job was cancelled or taken over.</summary>
    private async Task RenewLeaseAsync(Guid jobId, int attempt, LatestProgress progress, CancellationTokenSource lost, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try { await Task.Delay(TimeSpan.FromSeconds(1), clock, ct); }
            catch (OperationCanceledException) { return; }
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
                var lease = clock.GetUtcNow() + TimeSpan.FromSeconds(settings.Value.LeaseSeconds);
                var (rows, bytes) = progress.Read();
                var held = await db.Set<RollJob>().Where(j => j.Id == jobId && j.Attempt == attempt && j.Status == JobStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, lease).SetProperty(j => j.RowsDone, rows).SetProperty(j => j.BytesDone, bytes), ct);
                if (held == 0)
                {
                    await lost.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) { return; }
            catch (Exception e)
            {
                // The lease outlives a few missed renewals; a longer outage ends in a takeover, which is safe.
                logger.LogWarning(e, "Renewing the lease of reconciliation {Job} failed", jobId);
            }
        }
    }

    private async Task FailAsync(HereafterDbContext db, Guid jobId, int attempt, string code, string message, CancellationToken ct)
    {
        var failed = await db.Set<RollJob>().Where(j => j.Id == jobId && j.Attempt == attempt && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Failed).SetProperty(j => j.ErrorCode, code)
                .SetProperty(j => j.ErrorMessage, message.Length > 1000 ? message[..1000] : message)
                .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.FinishedAt, clock.GetUtcNow()), ct);
        // A file that cannot be reconciled is not kept: the clerk uploads a corrected one.
        if (failed > 0) await db.Set<UploadChunk>().Where(c => c.JobId == jobId).ExecuteDeleteAsync(ct);
    }

    private static Task DeleteAttemptAsync(HereafterDbContext db, Guid jobId, int attempt) =>
        DeleteRowsAsync(db, jobId, attempt, CancellationToken.None);

    /// <summary>
    /// Deletes a job's result rows: those of one attempt, or (before a run starts, when the job has no completed
    /// attempt) every row an interrupted attempt left behind.
    /// </summary>
    internal static async Task DeleteRowsAsync(HereafterDbContext db, Guid jobId, int? onlyAttempt, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await db.Set<StopResult>().Where(r => r.JobId == jobId && (onlyAttempt == null || r.Attempt == onlyAttempt)).ExecuteDeleteAsync(ct);
        await db.Set<ReviewResult>().Where(r => r.JobId == jobId && (onlyAttempt == null || r.Attempt == onlyAttempt)).ExecuteDeleteAsync(ct);
        await db.Set<RejectedResult>().Where(r => r.JobId == jobId && (onlyAttempt == null || r.Attempt == onlyAttempt)).ExecuteDeleteAsync(ct);
    }

    /// <summary>The engine reports on its own thread; the lease loop reads the latest figures.</summary>
    private sealed class LatestProgress : IProgress<ReconciliationProgress>
    {
        private long _rows, _bytes;
        public void Report(ReconciliationProgress value)
        {
            Interlocked.Exchange(ref _rows, value.Rows);
            Interlocked.Exchange(ref _bytes, value.BytesRead);
        }
        public (long Rows, long Bytes) Read() => (Interlocked.Read(ref _rows), Interlocked.Read(ref _bytes));
    }
}
