using System.Globalization;
using Hereafter.Domain.Time;

namespace Hereafter.Web.Modules.Custody;

/// <summary>A <c>datetime-local</c> field's value, which staff type in Beijing time, and back.</summary>
public static class ChinaMinuteInput
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    public static DateTimeOffset? Parse(string? value) =>
        DateTime.TryParseExact(value?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, ChinaTime.Offset) : null;

    public static string Format(DateTimeOffset at) => ChinaTime.ToChina(at).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
