using System.Globalization;
using System.Text;

namespace Hereafter.Domain.Identity;

/// <summary>Masks personal data for public pages (certificate verification, DOMAIN.md §3).</summary>
public static class PersonalDataMask
{
    /// <summary>
    /// Chinese names keep the family name and, from three characters on, the last character:
    /// 张三丰 → 张*丰, 张三 → 张*, 欧阳娜娜 → 欧**娜, one character → *. "无" (unidentified) is kept.
    /// Names containing Latin letters keep the first and last character and star every other
    /// non-space character: John Smith → J*** ****h.
    /// </summary>
    public static string Name(string? name)
    {
        var text = name?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text == "无")
        {
            return text;
        }

        var elements = TextElements(text);
        if (elements.Count == 1)
        {
            return "*";
        }

        var latin = text.Any(char.IsAsciiLetter);
        var builder = new StringBuilder();
        for (var i = 0; i < elements.Count; i++)
        {
            var keep = i == 0 || (i == elements.Count - 1 && (latin || elements.Count >= 3)) || elements[i] == " ";
            builder.Append(keep ? elements[i] : "*");
        }

        return builder.ToString();
    }

    /// <summary>
    /// 18-character citizen IDs keep the first 4 and last 4 characters (5201**********013X); other
    /// numbers keep the first 2 and last 2, and numbers of 4 characters or fewer are all stars.
    /// </summary>
    public static string IdNumber(string? id)
    {
        var text = id?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.Length == 18)
        {
            return string.Concat(text.AsSpan(0, 4), new string('*', 10), text.AsSpan(14));
        }

        if (text.Length <= 4)
        {
            return new string('*', text.Length);
        }

        return string.Concat(text.AsSpan(0, 2), new string('*', text.Length - 4), text.AsSpan(text.Length - 2));
    }

    /// <summary>
    /// Phone numbers keep the first 3 and last 4 digits, as Chinese services show them (138****5678, 0851****1234);
    /// numbers of 7 characters or fewer keep only the last 2.
    /// </summary>
    public static string Phone(string? phone)
    {
        var text = phone?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return text.Length <= 7
            ? string.Concat(new string('*', Math.Max(0, text.Length - 2)), text.AsSpan(Math.Max(0, text.Length - 2)))
            : string.Concat(text.AsSpan(0, 3), new string('*', text.Length - 7), text.AsSpan(text.Length - 4));
    }

    private static List<string> TextElements(string text)
    {
        var list = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            list.Add(enumerator.GetTextElement());
        }

        return list;
    }
}
