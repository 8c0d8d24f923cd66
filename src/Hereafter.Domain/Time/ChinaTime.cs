using System.Globalization;

namespace Hereafter.Domain.Time;

/// <summary>
/// The one definition of China time (北京时间, Asia/Shanghai). Every date a person sees or a rule uses
/// ("today", the date of death, the month a payment stops) is the China date, never the UTC date: between
/// 16:00 and 24:00 UTC the two differ by a day.
/// </summary>
/// <remarks>
/// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for every date the
/// platform handles and does not depend on the host's time-zone database (containers often lack one).
/// </remarks>
public static class ChinaTime
{
    /// <summary>UTC+8.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The zone, for APIs that want a <see cref="TimeZoneInfo"/>; id "Asia/Shanghai", no DST.</summary>
    public static readonly TimeZoneInfo Zone =
        TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", Offset, "China Standard Time", "China Standard Time");

    /// <summary>The same instant with the +08:00 offset.</summary>
    public static DateTimeOffset ToChina(DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary>The current instant in China time.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return ToChina(clock.GetUtcNow());
    }

    /// <summary>Today's date in China.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(Now(clock));

    /// <summary>The China calendar date of an instant, whatever offset it carries.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(ToChina(at).DateTime);

    /// <summary>The China wall-clock time <paramref name="date"/> at <paramref name="time"/>, as an instant.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);

    /// <summary>Midnight starting <paramref name="date"/> in China, in UTC (16:00 UTC the day before).</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly date) => At(date, TimeOnly.MinValue).ToUniversalTime();

    /// <summary>yyyy-MM-dd HH:mm in China time.</summary>
    public static string Minutes(DateTimeOffset at) => ToChina(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>yyyy-MM-dd, the China date.</summary>
    public static string Date(DateTimeOffset at) => ToChina(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>yyyy-MM, the China month.</summary>
    public static string Month(DateTimeOffset at) => ToChina(at).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The China month as the number yyyyMM (202501 for January 2025): a month a database can index and group by.</summary>
    public static int MonthNumber(DateTimeOffset at)
    {
        var china = ToChina(at);
        return china.Year * 100 + china.Month;
    }
}
