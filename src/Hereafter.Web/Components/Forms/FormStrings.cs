using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Components.Forms;

[EnglishStrings]
internal static class FormStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["有 {0} 处需要修改："] = "There is a problem ({0} to fix):",
        ["无法完成："] = "There is a problem:",
        ["；"] = "; ",
        ["请核对"] = "Check your answers",
        ["返回修改"] = "Go back and change",
    };
}
