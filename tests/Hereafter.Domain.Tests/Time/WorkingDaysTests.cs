using Hereafter.Domain.Time;

namespace Hereafter.Domain.Tests.Time;

public class WorkingDaysTests
{
    private static readonly DateOnly Friday = new(2026, 11, 20);

    [Fact]
    public void WorkingDays_AcrossAWeekend_CountsOnlyWeekdays()
    {
        Assert.Equal(1, WorkingDays.Between(Friday, Friday.AddDays(3))); // Monday
        Assert.Equal(0, WorkingDays.Between(Friday, Friday.AddDays(2))); // Sunday
        Assert.Equal(5, WorkingDays.Between(Friday, Friday.AddDays(7))); // next Friday
        Assert.Equal(0, WorkingDays.Between(Friday, Friday));
        Assert.Equal(Friday.AddDays(7), WorkingDays.Add(Friday, 5));
        Assert.Equal(Friday.AddDays(3), WorkingDays.Add(Friday, 1));
        Assert.Equal(Friday, WorkingDays.Add(Friday, 0));
        Assert.Equal(Friday.AddDays(-7), WorkingDays.Add(Friday, -5));
    }

    [Fact]
    public void WorkingDays_AcrossNationalDayHoliday_SkipsHolidaysAndCountsMakeUpDays()
    {
        // 2025 National Day: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked.
        var holidays = new HashSet<DateOnly>(Enumerable.Range(1, 8).Select(d => new DateOnly(2025, 10, d)));
        var makeUp = new HashSet<DateOnly> { new(2025, 9, 28), new(2025, 10, 11) };
        var friday = new DateOnly(2025, 9, 26);

        Assert.Equal(3, WorkingDays.Between(friday, new DateOnly(2025, 9, 30), holidays, makeUp)); // Sun 28 (make-up), Mon 29, Tue 30
        Assert.Equal(3, WorkingDays.Between(friday, new DateOnly(2025, 10, 8), holidays, makeUp));
        Assert.Equal(new DateOnly(2025, 10, 10), WorkingDays.Add(friday, 5, holidays, makeUp));
        Assert.Equal(new DateOnly(2025, 10, 11), WorkingDays.Add(friday, 6, holidays, makeUp));
    }

    [Fact]
    public void WorkingDays_AddThenBetween_RoundTrips()
    {
        var holidays = new HashSet<DateOnly> { new(2026, 1, 1), new(2026, 1, 2) };
        for (var n = 0; n < 40; n++)
        {
            Assert.Equal(n, WorkingDays.Between(new DateOnly(2025, 12, 24), WorkingDays.Add(new DateOnly(2025, 12, 24), n, holidays), holidays));
        }
    }
}
