using System.Linq.Expressions;
using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Data;

namespace Hereafter.Web.Modules.Custody;

/// <summary>
/// <see cref="CustodyDeadlines"/> over the records table: the same rule as a query predicate (the periods become cut-off
/// instants through <see cref="CustodyDeadlines.StartedBefore"/>), and the reason of one loaded record. A record is in
/// the overdue list exactly when <see cref="ReasonOf"/> gives a reason.
/// </summary>
public static class CustodyOverdueQuery
{
    public static CustodyPeriods Periods(CustodyOptions options) => new(options.PlacementFollowUpDays, options.UnclaimedAfterDays);

    /// <summary>Records overdue at <paramref name="now"/>, for any of the three reasons.</summary>
    public static Expression<Func<CustodyRecord, bool>> Overdue(DateTimeOffset now, CustodyPeriods periods)
    {
        var releasedBefore = CustodyDeadlines.StartedBefore(now, periods.PlacementFollowUpDays);
        var storedBefore = CustodyDeadlines.StartedBefore(now, periods.UnclaimedAfterDays);
        return r => (r.State == CustodyState.InStorage && r.StorageUntil != null && r.StorageUntil < now)
                    || (r.State == CustodyState.AshesReleased && r.AshesReleasedAt != null && r.AshesReleasedAt < releasedBefore)
                    || (r.State == CustodyState.AshesStored && r.AshesStoredAt != null && r.AshesStoredAt < storedBefore)
                    || r.State == CustodyState.Unclaimed;
    }

    /// <summary>Records overdue at <paramref name="now"/> for one reason: the matching part of <see cref="Overdue"/>.</summary>
    public static Expression<Func<CustodyRecord, bool>> OverdueFor(CustodyOverdue reason, DateTimeOffset now, CustodyPeriods periods)
    {
        var releasedBefore = CustodyDeadlines.StartedBefore(now, periods.PlacementFollowUpDays);
        var storedBefore = CustodyDeadlines.StartedBefore(now, periods.UnclaimedAfterDays);
        return reason switch
        {
            CustodyOverdue.OverStorageLimit => r => r.State == CustodyState.InStorage && r.StorageUntil != null && r.StorageUntil < now,
            CustodyOverdue.PlacementOverdue => r => r.State == CustodyState.AshesReleased && r.AshesReleasedAt != null && r.AshesReleasedAt < releasedBefore,
            _ => r => (r.State == CustodyState.AshesStored && r.AshesStoredAt != null && r.AshesStoredAt < storedBefore) || r.State == CustodyState.Unclaimed,
        };
    }

    /// <summary>Why the record is overdue, and since when (the limit passed or the period fell due), or null.</summary>
    public static (CustodyOverdue Reason, DateTimeOffset Since)? ReasonOf(CustodyRecord r, DateTimeOffset now, CustodyPeriods periods)
    {
        var reason = CustodyDeadlines.Overdue(new CustodyRecordTimes(r.State, r.StorageUntil, r.AshesReleasedAt, r.AshesStoredAt), now, periods);
        if (reason is null) return null;
        DateTimeOffset since = reason switch
        {
            CustodyOverdue.OverStorageLimit => r.StorageUntil!.Value,
            CustodyOverdue.PlacementOverdue => CustodyDeadlines.DueAt(r.AshesReleasedAt!.Value, periods.PlacementFollowUpDays),
            _ when r.State == CustodyState.AshesStored => CustodyDeadlines.DueAt(r.AshesStoredAt!.Value, periods.UnclaimedAfterDays),
            _ => r.UnclaimedAt ?? r.UpdatedAt,
        };
        return (reason.Value, since);
    }

    /// <summary>When the record entered its current state.</summary>
    public static DateTimeOffset Since(CustodyRecord r) => r.State switch
    {
        CustodyState.PickedUp => r.PickedUpAt,
        CustodyState.InStorage => r.ArrivedAt ?? r.PickedUpAt,
        CustodyState.Cremated => r.CrematedAt ?? r.UpdatedAt,
        CustodyState.AshesReleased => r.AshesReleasedAt ?? r.UpdatedAt,
        CustodyState.AshesStored => r.AshesStoredAt ?? r.UpdatedAt,
        CustodyState.Placed => r.PlacedAt ?? r.UpdatedAt,
        CustodyState.Unclaimed => r.UnclaimedAt ?? r.UpdatedAt,
        _ => r.UpdatedAt,
    };
}
