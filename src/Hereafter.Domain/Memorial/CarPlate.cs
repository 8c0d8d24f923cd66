using System.Text;
using System.Text.RegularExpressions;

namespace Hereafter.Domain.Memorial;

/// <summary>
/// A mainland Chinese number plate (机动车号牌) as a booking records it: the province's character, the issuing office's
/// letter and five characters (蓝牌/黄牌, last one may be 挂/学/警/港/澳), or six for a new-energy plate (绿牌: D/F then
/// a letter or digit and four digits, or five digits then D/F). Letters I and O are never used. Spaces, the middle dot
/// and hyphens people type are dropped, letters upper-cased: "贵a·12345" → "贵A12345".
/// </summary>
public static partial class CarPlate
{
    public const int MaxLength = 8;

    /// <summary>The normalised plate, or null when <paramref name="text"/> is not a plate.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 20) return null;
        var plate = new StringBuilder(MaxLength);
        foreach (var c in text.Trim())
        {
            if (c is ' ' or '·' or '•' or '.' or '-' or '\u3000') continue;
            plate.Append(char.ToUpperInvariant(c));
        }
        var value = plate.ToString();
        return Pattern().IsMatch(value) ? value : null;
    }

    [GeneratedRegex(
        "^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z]" +
        "(?:[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]|[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF])$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
