namespace Hereafter.Domain.Time;

/// <summary>
/// Working-day arithmetic for deadlines such as "report within 5 working days". A working day is
/// Monday–Friday unless it is a public holiday, or any day listed as a make-up working day (调休上班).
/// Holidays and make-up days are configuration (the State Council publishes them each year).
/// </summary>
public static class WorkingDays
{
    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>.
    /// Zero when <paramref name="to"/> is not after <paramref name="from"/>.
    /// </summary>
    public static int Between(DateOnly from, DateOnly to, IReadOnlySet<DateOnly>? holidays = null, IReadOnlySet<DateOnly>? extraWorkdays = null)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day, holidays, extraWorkdays))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/> (before it when
    /// negative); <paramref name="start"/> itself when zero. Satisfies Between(start, Add(start, n)) == n for n ≥ 0.
    /// </summary>
    public static DateOnly Add(DateOnly start, int workingDays, IReadOnlySet<DateOnly>? holidays = null, IReadOnlySet<DateOnly>? extraWorkdays = null)
    {
        var step = workingDays < 0 ? -1 : 1;
        var remaining = Math.Abs(workingDays);
        var day = start;
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day, holidays, extraWorkdays))
            {
                remaining--;
            }
        }

        return day;
    }

    public static bool IsWorkingDay(DateOnly day, IReadOnlySet<DateOnly>? holidays = null, IReadOnlySet<DateOnly>? extraWorkdays = null)
    {
        if (extraWorkdays?.Contains(day) == true)
        {
            return true;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && holidays?.Contains(day) != true;
    }
}
