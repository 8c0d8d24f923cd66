namespace Hereafter.Domain.Identity;

/// <summary>
/// A person's name as written on the form (one field), split into family name and given names for systems that need
/// them apart (FHIR <c>HumanName.family</c> / <c>given</c>):
/// <list type="bullet">
/// <item>A Chinese name (Han characters, no separator) is family name first. The family name is the first character, or
/// the first two when they are a compound surname (欧阳, 司马, 诸葛, …) and a given name follows.</item>
/// <item>A transliterated name with a middle dot (买买提·艾力, as ethnic-minority names are written) is given name first
/// and the last part is taken as the family name, as identity documents do.</item>
/// <item>A Latin-script name with spaces (a passport name) is given names first and the last word the family name, unless
/// exactly the first word is in capitals (SMITH John), the way many documents mark the family name.</item>
/// </list>
/// A single word has a family name and no given name.
/// </summary>
public sealed record PersonName(string Family, IReadOnlyList<string> Given)
{
    /// <summary>The two-character surnames of the Hundred Family Surnames (百家姓) and others still common.</summary>
    private static readonly HashSet<string> CompoundSurnames =
    [
        "万俟", "上官", "东方", "东郭", "东门", "乐正", "亓官", "公孙", "公羊", "公西", "公良", "公冶", "公仪", "公山",
        "南宫", "南门", "司马", "司徒", "司空", "司寇", "呼延", "夏侯", "太史", "太叔", "宇文", "宗政", "宰父", "尉迟",
        "巫马", "左丘", "慕容", "拓跋", "令狐", "仲孙", "诸葛", "赫连", "轩辕", "钟离", "长孙", "闻人", "闾丘", "皇甫",
        "端木", "第五", "羊舌", "微生", "梁丘", "段干", "百里", "漆雕", "澹台", "濮阳", "独孤", "申屠", "西门", "谷梁",
        "颛孙", "鲜于", "壤驷", "子车", "夹谷", "欧阳",
    ];

    /// <summary>Splits a name as the summary describes; null for an empty name.</summary>
    public static PersonName? Split(string? name)
    {
        var text = name?.Trim();
        if (string.IsNullOrEmpty(text)) return null;

        if (text.Contains('·') || text.Contains('•'))
        {
            var parts = text.Split(['·', '•'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return parts.Length == 0 ? null : new PersonName(parts[^1], parts[..^1]);
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1)
        {
            static bool Capitals(string w) => w.Any(char.IsLetter) && w.Where(char.IsLetter).All(char.IsUpper);
            var familyFirst = Capitals(words[0]) && !words[1..].Any(Capitals);
            return familyFirst ? new PersonName(words[0], words[1..]) : new PersonName(words[^1], words[..^1]);
        }

        if (!text.Any(IsHan)) return new PersonName(text, []);
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        var characters = new List<string>();
        while (elements.MoveNext()) characters.Add(elements.GetTextElement());
        if (characters.Count == 1) return new PersonName(text, []);
        var familyLength = characters.Count > 2 && CompoundSurnames.Contains(characters[0] + characters[1]) ? 2 : 1;
        return new PersonName(string.Concat(characters.Take(familyLength)), [string.Concat(characters.Skip(familyLength))]);
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
