using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Components.Display;

[EnglishStrings]
internal static class DisplayStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["状态说明"] = "What the statuses mean",
        ["："] = ": ",
    };
}
