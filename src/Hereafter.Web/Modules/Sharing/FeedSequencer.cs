using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>
/// Gives committed events their feed positions, one batch at a time under a database-wide lock, so the
/// feed's order is the order in which events became visible: a reader paging by position never skips an
/// event that committed after a later-inserted one, and never sees one twice.
/// </summary>
public sealed class FeedSequencer(HereafterDbContext db, OutboxSignal signal)
{
    private const long LockKey = 727003;

    /// <summary>Sequences what is committed and not yet sequenced; returns how many were sequenced.</summary>
    public async Task<int> AssignAsync(CancellationToken ct)
    {
        // Cheap check first: nothing to do is the common case.
        if (!await db.Set<SharingEvent>().AnyAsync(e => e.FeedPosition == null, ct)) return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        var pending = await db.Set<SharingEvent>().Where(e => e.FeedPosition == null)
            .OrderBy(e => e.Position).Take(1000).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        var last = await db.Set<SharingEvent>().MaxAsync(e => e.FeedPosition, ct) ?? 0;
        foreach (var e in pending) e.FeedPosition = ++last;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // Webhook dispatchers on this node wake for the newly sequenced events.
        signal.Notify();
        return pending.Count;
    }
}
