using Hereafter.Domain.Time;
using Microsoft.Extensions.Time.Testing;

namespace Hereafter.Domain.Tests.Time;

public class ChinaTimeTests
{
    // 23:30 and 00:30 China time on either side of China midnight, 15:30 and 16:30 UTC.
    private static readonly DateTimeOffset At2330China = new(2026, 11, 30, 15, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset At0030China = new(2026, 11, 30, 16, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Today_At2330China_IsThatChinaDay() =>
        Assert.Equal(new DateOnly(2026, 11, 30), ChinaTime.Today(new FakeTimeProvider(At2330China)));

    [Fact]
    public void Today_At0030China_IsTheNextDay_WhileUtcIsStillTheDayBefore()
    {
        var clock = new FakeTimeProvider(At0030China);
        Assert.Equal(new DateOnly(2026, 12, 1), ChinaTime.Today(clock));
        Assert.Equal(30, clock.GetUtcNow().Day);
    }

    [Fact]
    public void DateOf_IgnoresTheOffsetTheInstantCarries()
    {
        var utc = new DateTimeOffset(2026, 11, 30, 16, 10, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 12, 1), ChinaTime.DateOf(utc));
        Assert.Equal(new DateOnly(2026, 12, 1), ChinaTime.DateOf(utc.ToOffset(TimeSpan.FromHours(-5))));
        Assert.Equal(new DateOnly(2026, 12, 1), ChinaTime.DateOf(utc.ToOffset(TimeSpan.FromHours(8))));
    }

    [Fact]
    public void MonthNumber_IsTheChinaMonth_OnEitherSideOfTheMonthsLastMidnight()
    {
        Assert.Equal(202611, ChinaTime.MonthNumber(At2330China));
        // 00:30 on 1 December in China is still 30 November in UTC.
        Assert.Equal(202612, ChinaTime.MonthNumber(At0030China));
        Assert.Equal(202612, ChinaTime.MonthNumber(At0030China.ToOffset(TimeSpan.FromHours(-5))));
        // The year turns with the China date too: 00:30 on 1 January 2027 in China is 31 December 2026 in UTC.
        Assert.Equal(202701, ChinaTime.MonthNumber(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void StartOfDayUtc_IsSixteenHundredUtcTheDayBefore() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), ChinaTime.StartOfDayUtc(new DateOnly(2026, 12, 1)));

    [Fact]
    public void ToChina_KeepsTheInstant_WithPlusEightOffset()
    {
        var china = ChinaTime.ToChina(At0030China);
        Assert.Equal(At0030China, china);
        Assert.Equal(TimeSpan.FromHours(8), china.Offset);
        Assert.Equal("2026-12-01 00:30", ChinaTime.Minutes(At0030China));
        Assert.Equal("2026-12-01", ChinaTime.Date(At0030China));
        Assert.Equal("2026-12", ChinaTime.Month(At0030China));
    }

    [Fact]
    public void Zone_IsAsiaShanghai_AtPlusEight_WithoutDaylightSaving()
    {
        Assert.Equal("Asia/Shanghai", ChinaTime.Zone.Id);
        Assert.False(ChinaTime.Zone.SupportsDaylightSavingTime);
        Assert.Equal(TimeSpan.FromHours(8), ChinaTime.Zone.GetUtcOffset(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc)));
    }
}
