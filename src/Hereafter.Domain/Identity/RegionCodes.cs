using System.Reflection;

namespace Hereafter.Domain.Identity;

/// <summary>
/// GB/T 2260 administrative-division codes (行政区划代码), loaded from the embedded
/// <c>region-codes.txt</c> (current province, prefecture and county codes; source and licence in the
/// file header).
/// </summary>
public static class RegionCodes
{
    private static readonly Lazy<HashSet<string>> Codes = new(Load);

    /// <summary>The 34 province-level codes (first two digits), including 71 Taiwan, 81 Hong Kong, 82 Macao.</summary>
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    /// <summary>Municipalities directly under the central government: Beijing, Tianjin, Shanghai, Chongqing.</summary>
    private static readonly HashSet<string> Municipalities = ["11", "12", "31", "50"];

    /// <summary>
    /// Prefectures abolished or renumbered after 1985 whose codes are still on older ID cards. Only
    /// Guizhou's are listed (the platform's home province): 遵义地区 5221 (now 5203), 铜仁地区 5222 (now
    /// 5206), 毕节地区 5224 (now 5205), 安顺地区 5225 (now 5204).
    /// </summary>
    private static readonly HashSet<string> FormerPrefectures = ["5221", "5222", "5224", "5225"];

    /// <summary>Number of codes in the embedded list.</summary>
    public static int Count => Codes.Value.Count;

    /// <summary>The embedded codes, sorted.</summary>
    public static IEnumerable<string> All => Codes.Value.Order(StringComparer.Ordinal);

    /// <summary>
    /// Whether a six-digit code is a plausible region code of an ID number. Because IDs issued long ago
    /// carry codes of counties since abolished or renumbered, the rule is deliberately lenient:
    /// <list type="number">
    /// <item>the code is six ASCII digits and its first two digits are one of the 34 province codes; and</item>
    /// <item>one of: (a) the code is in the list; (b) its prefecture, the first four digits + "00", is in
    /// the list; (c) for the four municipalities (11, 12, 31, 50), the province code + "0000" is in the list
    /// and the middle digits are 01, 02 or 03 (市辖区, 县, and Chongqing's former 市); (d) the first four
    /// digits are a known former prefecture of Guizhou (5221, 5222, 5224, 5225).</item>
    /// </list>
    /// A province-direct county-level city (middle digits 90, e.g. 429004 仙桃) passes by (b) because
    /// its pseudo-prefecture (429000) is in the list.
    /// </summary>
    public static bool Exists(string sixDigitCode)
    {
        if (sixDigitCode is not { Length: 6 } || !sixDigitCode.All(char.IsAsciiDigit))
        {
            return false;
        }

        var province = sixDigitCode[..2];
        if (!Provinces.Contains(province))
        {
            return false;
        }

        var codes = Codes.Value;
        if (codes.Contains(sixDigitCode) || codes.Contains(sixDigitCode[..4] + "00"))
        {
            return true;
        }

        if (Municipalities.Contains(province) && codes.Contains(province + "0000")
            && sixDigitCode.Substring(2, 2) is "01" or "02" or "03")
        {
            return true;
        }

        return FormerPrefectures.Contains(sixDigitCode[..4]);
    }

    private static HashSet<string> Load()
    {
        var assembly = typeof(RegionCodes).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("region-codes.txt", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The embedded region-codes.txt resource is missing.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 6 && line[0] != '#')
            {
                set.Add(line);
            }
        }

        return set;
    }
}
