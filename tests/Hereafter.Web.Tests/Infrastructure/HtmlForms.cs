using System.Net;
using System.Text.RegularExpressions;

namespace Hereafter.Web.Tests.Infrastructure;

/// <summary>Posts static-SSR forms the way a browser without script would: hidden fields (antiforgery, _handler) included.</summary>
public static partial class HtmlForms
{
    /// <summary>GETs <paramref name="url"/>, takes the form whose hidden <c>_handler</c> is <paramref name="formName"/>, and posts it with <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string formName, IDictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(url);
        return await SubmitAsync(client, url, html, formName, fields);
    }

    /// <summary>Posts the form named <paramref name="formName"/> of a page already fetched (<paramref name="html"/>, from <paramref name="url"/>).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string html, string formName, IDictionary<string, string> fields)
    {
        var form = Forms().Matches(html).Select(m => m.Value)
            .FirstOrDefault(f => f.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form named '{formName}' on {url}.");
        var values = HiddenInputs().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (k, v) in fields) values[k] = v;
        var action = FormAction().Match(form) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : url;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// The hidden fields (antiforgery, _handler) and the action of the form named <paramref name="formName"/>, for posts
    /// a dictionary cannot describe: several values of one name (checkboxes), or files (multipart).
    /// </summary>
    public static (IReadOnlyDictionary<string, string> Hidden, string? Action) Form(string html, string formName)
    {
        var form = Forms().Matches(html).Select(m => m.Value)
            .FirstOrDefault(f => f.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form named '{formName}'.");
        var hidden = HiddenInputs().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        return (hidden, FormAction().Match(form) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : null);
    }

    /// <summary>The value of the antiforgery hidden field in a page.</summary>
    public static string AntiforgeryToken(string html) =>
        HiddenInputs().Matches(html).First(m => m.Groups["name"].Value == "__RequestVerificationToken").Groups["value"].Value;

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("<input[^>]*?type=\"hidden\"[^>]*?name=\"(?<name>[^\"]*)\"[^>]*?value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInputs();

    [GeneratedRegex("<form[^>]*?\\baction=\"([^\"]*)\"")]
    private static partial Regex FormAction();
}
