using CsCheck;
using Hereafter.Domain.Custody;
using Microsoft.Extensions.Time.Testing;

namespace Hereafter.Domain.Tests.Custody;

public class CustodyDeadlinesTests
{
    private static readonly CustodyPeriods Defaults = new(PlacementFollowUpDays: 90, UnclaimedAfterDays: 365);
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // 00:30 on 2 January 2026 in China is still 1 January in UTC.
    private static readonly DateTimeOffset ReleasedAt0030China = new(2026, 1, 2, 0, 30, 0, China);

    private static CustodyOverdue? At(CustodyRecordTimes times, DateTimeOffset now) =>
        CustodyDeadlines.Overdue(times, new FakeTimeProvider(now).GetUtcNow(), Defaults);

    [Fact]
    public void Released_At0030China_FallsDueOnTheChinaDatePlus90_NotTheUtcDate()
    {
        var times = new CustodyRecordTimes(CustodyState.AshesReleased, null, ReleasedAt0030China, null);
        Assert.Equal(new DateOnly(2026, 4, 2), CustodyDeadlines.DueDate(ReleasedAt0030China, 90));
        Assert.Null(At(times, new DateTimeOffset(2026, 4, 1, 23, 30, 0, China)));
        Assert.Equal(CustodyOverdue.PlacementOverdue, At(times, new DateTimeOffset(2026, 4, 2, 0, 30, 0, China)));
    }

    [Fact]
    public void Released_At2330China_IsOverdueFromChinaMidnightOfItsDueDate()
    {
        var released = new DateTimeOffset(2026, 1, 1, 23, 30, 0, China);
        var times = new CustodyRecordTimes(CustodyState.AshesReleased, null, released, null);
        Assert.Null(At(times, new DateTimeOffset(2026, 3, 31, 23, 30, 0, China)));
        Assert.Equal(CustodyOverdue.PlacementOverdue, At(times, new DateTimeOffset(2026, 4, 1, 0, 30, 0, China)));
    }

    [Fact]
    public void StoredAshes_BecomeUnclaimed_AYearOfChinaDaysLater()
    {
        var times = new CustodyRecordTimes(CustodyState.AshesStored, null, null, ReleasedAt0030China);
        Assert.Null(At(times, new DateTimeOffset(2027, 1, 1, 23, 30, 0, China)));
        Assert.Equal(CustodyOverdue.Unclaimed, At(times, new DateTimeOffset(2027, 1, 2, 0, 30, 0, China)));
    }

    [Fact]
    public void MarkedUnclaimed_IsUnclaimedAtOnce() =>
        Assert.Equal(CustodyOverdue.Unclaimed, At(new CustodyRecordTimes(CustodyState.Unclaimed, null, null, null), ReleasedAt0030China));

    [Fact]
    public void Storage_IsOverTheLimitOnlyAfterItsInstant_AcrossChinaMidnight()
    {
        var until = new DateTimeOffset(2026, 12, 3, 23, 30, 0, China);
        var times = new CustodyRecordTimes(CustodyState.InStorage, until, null, null);
        Assert.Null(At(times, until));
        Assert.Equal(CustodyOverdue.OverStorageLimit, At(times, new DateTimeOffset(2026, 12, 4, 0, 30, 0, China)));
    }

    [Fact]
    public void OtherStates_AreNeverOverdue()
    {
        var longAgo = new DateTimeOffset(2020, 1, 1, 0, 0, 0, China);
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, China);
        foreach (var state in new[] { CustodyState.PickedUp, CustodyState.Cremated, CustodyState.Placed })
            Assert.Null(At(new CustodyRecordTimes(state, longAgo, longAgo, longAgo), now));
    }

    [Fact]
    public void AReleaseLaterPlaced_IsNoLongerOverdue() =>
        Assert.Null(At(new CustodyRecordTimes(CustodyState.Placed, null, ReleasedAt0030China, null), new DateTimeOffset(2027, 1, 1, 0, 0, 0, China)));

    [Fact]
    public void StartedBefore_AgreesWithDueAt_ForAnyInstantsAndPeriod() =>
        Gen.Select(Gen.Long[0, 3L * 365 * 24 * 60], Gen.Long[0, 3L * 365 * 24 * 60], Gen.Int[0, 400])
            .Sample((startMinutes, nowMinutes, days) =>
            {
                var origin = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
                var from = origin.AddMinutes(startMinutes);
                var now = origin.AddMinutes(nowMinutes);
                Assert.Equal(now >= CustodyDeadlines.DueAt(from, days), from < CustodyDeadlines.StartedBefore(now, days));
            });
}
