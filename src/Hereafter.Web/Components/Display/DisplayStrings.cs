using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Components.Display;

[EnglishStrings]
internal static class DisplayStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["状态说明"] = "What the statuses mean",
        ["："] = ": ",
        // Charts (BarChart, LineChart).
        ["这一期间没有数据。"] = "There are no figures for this period.",
        ["类别"] = "Category",
        ["元"] = "yuan",
    };
}
