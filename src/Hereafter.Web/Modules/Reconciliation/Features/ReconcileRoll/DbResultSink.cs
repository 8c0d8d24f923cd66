using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReconcileRoll;

/// <summary>Buffers engine results and writes them in batches, tagged with the attempt.</summary>
internal sealed class DbResultSink(HereafterDbContext db, Guid jobId, int attempt, int batchSize, DateTimeOffset at, CancellationToken ct) : IReconciliationSink
{
    private int _pending;

    public void Stop(StopRow row) => Add(ResultRows.ToEntity(row, jobId, attempt, StopOrigin.Exact, at));
    public void Review(ReviewRow row) => Add(ResultRows.ToEntity(row, jobId, attempt));
    public void Reject(RejectedRow row) => Add(new RejectedResult { JobId = jobId, Attempt = attempt, Row = row.Row, Reason = Truncate(row.Reason, 500) });

    private void Add(object entity)
    {
        db.Add(entity);
        if (++_pending >= batchSize) Flush();
    }

    public void Flush()
    {
        if (_pending == 0) return;
        ct.ThrowIfCancellationRequested();
        db.SaveChanges();
        db.ChangeTracker.Clear();
        _pending = 0;
    }

    private static string Truncate(string s, int max) => s.Length > max ? s[..max] : s;
}
