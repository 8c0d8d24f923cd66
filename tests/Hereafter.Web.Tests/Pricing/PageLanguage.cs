using System.Net;
using System.Text.RegularExpressions;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>
/// The words of a page's main content that are not in the page's language (issue #10): on English pages any CJK
/// character or full-width punctuation, on Chinese pages any English word that is not a code. Text inside an element
/// whose <c>lang</c> differs from the page's (names and addresses as typed) is skipped, as are scripts and styles.
/// Visible text and the attributes people read (title, aria-label, placeholder, label, alt) are scanned.
/// </summary>
public static partial class PageLanguage
{
    private static readonly HashSet<string> VoidElements = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

    /// <summary>Codes and names that are English on Chinese pages by design.</summary>
    private static readonly HashSet<string> ChineseAllowed = new(StringComparer.OrdinalIgnoreCase) { "Excel", "PDF", "CSV", "API", "ID", "QR", "m²", "JPEG", "PNG", "GIF", "WebP", "MB" };

    /// <summary>The offending fragments of <paramref name="html"/>'s &lt;main&gt; read as a page in <paramref name="pageLang"/> ("en" or "zh-CN").</summary>
    public static IReadOnlyList<string> Mismatches(string html, string pageLang)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.LastIndexOf("</main>", StringComparison.Ordinal);
        var main = start >= 0 && end > start ? html[start..end] : html;
        var english = pageLang.StartsWith("en", StringComparison.Ordinal);
        var found = new List<string>();
        var stack = new Stack<(string Tag, bool Other)>();
        bool Other() => stack.Count > 0 && stack.Peek().Other;
        void Check(string text)
        {
            text = WebUtility.HtmlDecode(text).Trim();
            if (text.Length == 0) return;
            if (english ? Cjk().IsMatch(text) : EnglishWords().Matches(text).Any(m => !ChineseAllowed.Contains(m.Value))) found.Add(text);
        }
        foreach (Match token in Tokens().Matches(main))
        {
            if (token.Groups["text"].Success)
            {
                if (!Other()) Check(token.Groups["text"].Value);
                continue;
            }
            var tag = token.Groups["name"].Value.ToLowerInvariant();
            if (tag.Length == 0) continue;
            if (token.Groups["close"].Success)
            {
                while (stack.Count > 0 && stack.Pop().Tag != tag) { }
                continue;
            }
            var attributes = token.Groups["attrs"].Value;
            var lang = Lang().Match(attributes) is { Success: true } l ? l.Groups[1].Value : null;
            var other = lang is null ? Other() : !lang.StartsWith(english ? "en" : "zh", StringComparison.OrdinalIgnoreCase);
            if (!other)
                foreach (Match a in ReadAttributes().Matches(attributes)) Check(a.Groups[2].Value);
            if (!VoidElements.Contains(tag) && !token.Value.EndsWith("/>", StringComparison.Ordinal)) stack.Push((tag, other));
        }
        return found;
    }

    public static void AssertIn(string html, string pageLang, string page)
    {
        var found = Mismatches(html, pageLang);
        Assert.True(found.Count == 0, $"{page} ({pageLang}) shows words of another language: {string.Join(" | ", found.Take(12))}");
    }

    [GeneratedRegex("<script\\b.*?</script>|<style\\b.*?</style>|<!--.*?-->|<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9-]*)(?<attrs>[^>]*)>|(?<text>[^<]+)", RegexOptions.Singleline)]
    private static partial Regex Tokens();

    [GeneratedRegex("\\blang=\"([^\"]*)\"")]
    private static partial Regex Lang();

    [GeneratedRegex("\\b(title|aria-label|placeholder|label|alt)=\"([^\"]*)\"")]
    private static partial Regex ReadAttributes();

    [GeneratedRegex("[\\u3000-\\u303F\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uFF00-\\uFFEF]")]
    private static partial Regex Cjk();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex EnglishWords();
}
