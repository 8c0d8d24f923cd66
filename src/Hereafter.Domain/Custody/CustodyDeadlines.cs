using Hereafter.Domain.Time;

namespace Hereafter.Domain.Custody;

/// <summary>Why a custody record is overdue (one reason at most: each belongs to its own states). Codes: <c>over-storage-limit</c>, <c>placement-overdue</c>, <c>unclaimed</c>.</summary>
public enum CustodyOverdue
{
    /// <summary>超期存放: still in storage after <c>StorageUntil</c> (arrival + the configured days, or the last extension).</summary>
    OverStorageLimit,
    /// <summary>骨灰去向未落实: ashes released (or taken home) and no placement confirmed within the follow-up period.</summary>
    PlacementOverdue,
    /// <summary>无主骨灰: ashes stored at the funeral home and unclaimed for the configured period, or marked unclaimed.</summary>
    Unclaimed,
}

/// <summary>The dates of a record that its deadlines run from.</summary>
public sealed record CustodyRecordTimes(CustodyState State, DateTimeOffset? StorageUntil, DateTimeOffset? AshesReleasedAt, DateTimeOffset? AshesStoredAt);

/// <summary>The configured periods (section <c>Custody</c>): days to a placement follow-up and to 无主骨灰.</summary>
public sealed record CustodyPeriods(int PlacementFollowUpDays, int UnclaimedAfterDays);

/// <summary>
/// The one rule of what is overdue in the loop and why, used by the supervision list and page and by the follow-up job.
/// The storage limit is an instant (<c>StorageUntil</c>); the follow-up and unclaimed periods count China calendar days
/// from the day of release or storage (a release at 00:30 on 2 January in China is on 2 January, though it is still
/// 1 January in UTC): due on that date plus the days, overdue from China midnight starting the due date.
/// </summary>
public static class CustodyDeadlines
{
    /// <summary>Why the record is overdue at <paramref name="now"/>, or null when it is not.</summary>
    public static CustodyOverdue? Overdue(CustodyRecordTimes record, DateTimeOffset now, CustodyPeriods periods)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(periods);
        return record.State switch
        {
            CustodyState.InStorage when record.StorageUntil is { } until && now > until => CustodyOverdue.OverStorageLimit,
            CustodyState.AshesReleased when record.AshesReleasedAt is { } released && now >= DueAt(released, periods.PlacementFollowUpDays)
                => CustodyOverdue.PlacementOverdue,
            CustodyState.AshesStored when record.AshesStoredAt is { } stored && now >= DueAt(stored, periods.UnclaimedAfterDays)
                => CustodyOverdue.Unclaimed,
            CustodyState.Unclaimed => CustodyOverdue.Unclaimed,
            _ => null,
        };
    }

    /// <summary>The China date on which a period of <paramref name="days"/> started at <paramref name="from"/> falls due.</summary>
    public static DateOnly DueDate(DateTimeOffset from, int days) => ChinaTime.DateOf(from).AddDays(days);

    /// <summary>The instant from which a period started at <paramref name="from"/> is overdue: China midnight starting its due date.</summary>
    public static DateTimeOffset DueAt(DateTimeOffset from, int days) => ChinaTime.StartOfDayUtc(DueDate(from, days));

    /// <summary>
    /// For queries: a period of <paramref name="days"/> is overdue at <paramref name="now"/> exactly when it started before
    /// the returned instant (China midnight starting the day <paramref name="days"/> − 1 days before today).
    /// Equivalent to <see cref="DueAt"/> ≤ now.
    /// </summary>
    public static DateTimeOffset StartedBefore(DateTimeOffset now, int days) =>
        ChinaTime.StartOfDayUtc(ChinaTime.DateOf(now).AddDays(1 - days));

    public static string ChineseName(this CustodyOverdue reason) => reason switch
    {
        CustodyOverdue.OverStorageLimit => "超期存放",
        CustodyOverdue.PlacementOverdue => "骨灰去向未落实",
        CustodyOverdue.Unclaimed => "无主骨灰",
        _ => reason.ToString(),
    };

    public static string EnglishName(this CustodyOverdue reason) => reason switch
    {
        CustodyOverdue.OverStorageLimit => "Over the storage limit",
        CustodyOverdue.PlacementOverdue => "Placement overdue",
        CustodyOverdue.Unclaimed => "Unclaimed",
        _ => reason.ToString(),
    };
}
