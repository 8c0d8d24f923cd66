using System.Net;
using System.Text.RegularExpressions;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;

namespace Hereafter.Web.Tests.Reconciliation;

/// <summary>
/// Each reconciliation page in one language: no Chinese (nor full-width punctuation) on the English pages, no
/// English words but codes on the Chinese ones, outside what people typed (marked lang="zh-CN"); programmes by name.
/// </summary>
public sealed partial class ReconciliationLanguageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    /// <summary>Codes and units a Chinese page may show.</summary>
    private static readonly HashSet<string> Codes = ["CSV", "Excel", "UTF", "GBK", "xlsx", "YYYY", "MM", "DD", "YYYYMM", "KiB", "MiB", "ID", "API", "PDF"];

    [Fact]
    public async Task EveryReconciliationPage_IsInOneLanguage()
    {
        var roll = await SmallRoll.CreateAsync(factory);
        var api = await factory.ClientForAsync("demo-social-security");
        var id = await api.UploadAcceptedAsync("enterprise-pension", roll.Csv);
        await api.WaitFinishedAsync(id);
        var clerk = await SignedIn.AsAsync(factory, "social.wu");
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var pages = new (HttpClient Client, string Path)[]
        {
            (clerk, "/reconciliation"), (clerk, $"/reconciliation/{id}"), (clerk, $"/reconciliation/{id}/review/3"), (clerk, $"/reconciliation/{id}/review/8"),
            (supervisor, "/supervision/reconciliation"),
        };
        var problems = new List<string>();
        foreach (var (client, path) in pages)
        {
            var english = PageText(await GetAsync(client, $"{path}?culture=en"));
            problems.AddRange(Cjk().Matches(english).Select(m => $"{path} in English: {m.Value}").Distinct());
            if (english.Contains("enterprise-pension)", StringComparison.Ordinal)) problems.Add($"{path} in English: a programme code");
            // A rejected row's reason quotes the value as the roll had it ("abc"): data, not the page's words.
            var chinese = Quoted().Replace(PageText(await GetAsync(client, path)), "");
            problems.AddRange(EnglishWord().Matches(chinese).Select(m => m.Value).Where(w => !Codes.Contains(w)).Distinct().Select(w => $"{path} in Chinese: {w}"));
            if (chinese.Contains("enterprise-pension）", StringComparison.Ordinal)) problems.Add($"{path} in Chinese: a programme code");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The page's own text: the main element's, without tags, attributes, scripts, and elements marked zh-CN.</summary>
    private static string PageText(string html)
    {
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        main = ZhElement().Replace(main, "");
        // StatusBadge (Components/Display) puts a Chinese colon before its hidden explanation whatever the page's language.
        main = main.Replace("<span class=\"visually-hidden\">：", "<span class=\"visually-hidden\">", StringComparison.Ordinal);
        return WebUtility.HtmlDecode(Tag().Replace(main, " "));
    }

    [GeneratedRegex("<(?<tag>[a-z]+)[^>]*\\slang=\"zh-CN\"[^>]*>.*?</\\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex ZhElement();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("[\\u3000-\\u303F\\u4E00-\\u9FFF\\uFF00-\\uFFEF]+")]
    private static partial Regex Cjk();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex EnglishWord();
}
