using Hereafter.Domain.Input;

namespace Hereafter.Web.Modules.Memorial.Features.ProxyOrders;

/// <summary>Proxy sweeping's uses of the free-text rules (<see cref="FreeText"/>): a text area's lines, and names to repeat.</summary>
internal static class ProxyText
{
    /// <summary>
    /// Text typed in a text area (a eulogy, a note), line endings made '\n': within <paramref name="max"/> characters, and
    /// each line free of control characters and angle brackets. Null for nothing typed.
    /// </summary>
    public static (string? Text, bool Valid) Lines(string? raw, int max)
    {
        var text = raw?.Trim() is { Length: > 0 } t ? t.ReplaceLineEndings("\n") : null;
        if (text is null) return (null, true);
        return (text, text.Length <= max && text.Split('\n').All(line => FreeText.Check(line, max, required: false) == FreeTextProblems.None));
    }

    /// <summary>
    /// What the person sent (a file name, an option code), fit to repeat in a message: at most <paramref name="max"/>
    /// characters, else cut; <paramref name="fallback"/> when it is empty or holds control characters.
    /// </summary>
    public static string Shown(string? raw, int max, string fallback)
    {
        var text = raw?.Trim() ?? "";
        if (FreeText.Check(text, int.MaxValue, allowAngleBrackets: true) != FreeTextProblems.None) return fallback;
        return text.Length > max ? text[..max] + "…" : text;
    }
}
