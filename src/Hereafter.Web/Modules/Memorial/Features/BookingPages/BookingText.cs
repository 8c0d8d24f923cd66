using System.Globalization;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Memorial.Features.BookingPages;

/// <summary>Dates and slot times as the booking pages write them (China local, 24-hour clock).</summary>
public static class BookingText
{
    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    /// <summary><c>2027-04-04（周日）</c>, in English <c>2027-04-04 (Sun)</c>.</summary>
    public static string Day(DateOnly date, Texts t) =>
        string.Format(CultureInfo.InvariantCulture, t["{0}（{1}）"], Iso(date), t[Weekdays[(int)date.DayOfWeek]]);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary><c>08:00–09:00</c>.</summary>
    public static string Slot(TimeOnly start, TimeOnly end) => $"{Time(start)}–{Time(end)}";

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A <c>time</c> input's value (<c>08:00</c>, or <c>08:00:00</c> from some browsers).</summary>
    public static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
