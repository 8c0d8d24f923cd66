using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.FollowUpPlacements;

/// <summary>
/// Turns of a periodic job shared by every node: the node whose conditional UPDATE moves the job's next-run time
/// forward runs it. On PostgreSQL a second node's UPDATE waits on the row lock and then sees the new time (READ
/// COMMITTED re-checks the condition); SQLite serialises writers. Either way one node per period.
/// </summary>
public sealed class CustodyJobLeases(HereafterDbContext db, TimeProvider clock)
{
    public async Task<bool> TryClaimAsync(string job, TimeSpan period, string node, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!await db.Set<CustodyJobLease>().AsNoTracking().AnyAsync(l => l.Name == job, ct))
        {
            db.Add(new CustodyJobLease { Name = job, NextRunAt = now });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (UniqueViolation.Is(e)) { } // another node created it first
            db.ChangeTracker.Clear();
        }
        var next = now + period;
        var claimed = await db.Set<CustodyJobLease>().Where(l => l.Name == job && l.NextRunAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.NextRunAt, next).SetProperty(l => l.RunBy, node).SetProperty(l => l.LastRunAt, now), ct);
        return claimed == 1;
    }
}
