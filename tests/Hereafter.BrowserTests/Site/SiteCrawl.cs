using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hereafter.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Hereafter.BrowserTests.Site;

/// <summary>One page as the crawler saw it at the phone width, in one language.</summary>
/// <param name="Foreign">Text in the other language: English words on a Chinese page, CJK characters on an English one.</param>
public sealed record CrawledPage(string Role, string Language, string Url, int Status, int ScrollWidth, IReadOnlyList<string> Foreign);

/// <summary>Every page, address and downloaded file name the crawl met, for <see cref="SiteCrawlTests"/>'s checks.</summary>
/// <param name="Addresses">Every URL the browser requested (pages, redirects, images, scripts) and every download's URL.</param>
/// <param name="FileNames">Downloaded files' names (Content-Disposition), with the role and link they came from.</param>
/// <param name="Problems">Pages the crawler could not open.</param>
public sealed record CrawlResult(
    IReadOnlyList<CrawledPage> Pages,
    IReadOnlyList<(string Role, string Url)> Addresses,
    IReadOnlyList<(string Role, string Url, string FileName)> FileNames,
    IReadOnlyList<string> Problems);

/// <summary>
/// Signs in as each demo role (and as nobody), at the phone viewport, and follows every same-origin link from the home
/// page and the menu, breadth first and bounded: a few pages of each shape (<c>/certificates/{id}</c>), sign-out, the
/// language switch, <c>/api</c> and the OAuth endpoints left out; links marked <c>download</c> are fetched only for their
/// file name. Each page is scanned once in Chinese and, after switching to English, once more in English. The public
/// pages are crawled once, as the public; staff crawls skip pages of the same shapes.
/// </summary>
public static class SiteCrawl
{
    /// <summary>Demo accounts by role (Platform/Demo/DemoData.cs); null is the public.</summary>
    public static readonly (string Role, string? UserName)[] Roles =
    [
        ("anonymous", null),
        ("doctor", "doctor.wang"),
        ("police officer", "officer.huang"),
        ("civil-affairs clerk", "clerk.civil"),
        ("supervisor", "supervisor.zhou"),
        ("funeral home", "funeral.liu"),
        ("department user", "social.wu"),
        ("bank", "bank.icbc"),
        ("cemetery", "cemetery.sun"),
        // A family member, signed in at the demo identity provider; the crawl starts at the family home.
        ("family", FamilyPrefix + "citizen.wang"),
    ];

    /// <summary>Marks a citizen of the demo identity provider in <see cref="Roles"/> (family pages, not staff sign-in).</summary>
    public const string FamilyPrefix = "family:";

    private const int MaxPagesPerRole = 40;
    private const int MaxPerPathShape = 3;
    private const int MaxDownloadsPerShape = 2;

    private static readonly string[] SkippedPrefixes = ["/signout", "/api", "/culture", "/connect", "/_framework", "/_content", "/health"];

    public static async Task<CrawlResult> RunAsync(ChromiumFixture chromium, string baseUrl)
    {
        var pages = new ConcurrentBag<CrawledPage>();
        var addresses = new ConcurrentBag<(string, string)>();
        var files = new ConcurrentBag<(string, string, string)>();
        var problems = new ConcurrentBag<string>();
        // The public first: the pages it reaches (the price lists, the calculator) look the same to everybody, so the
        // staff crawls skip pages of those shapes and spend their pages on their own. Then two roles at a time: the server and Chromium
        // share a small machine.
        var publicShapes = new HashSet<string>(StringComparer.Ordinal);
        async Task CrawlAsync((string Role, string? UserName) r, ISet<string> skip, ISet<string>? reached)
        {
            try { await CrawlRoleAsync(chromium, baseUrl, r.Role, r.UserName, skip, reached, pages, addresses, files, problems); }
            catch (Exception e) { problems.Add($"[{r.Role}] crawl stopped: {e}"); }
        }
        await CrawlAsync(Roles[0], new HashSet<string>(), publicShapes);
        publicShapes.Remove("/");
        using var gate = new SemaphoreSlim(2);
        await Task.WhenAll(Roles.Skip(1).Select(async r =>
        {
            await gate.WaitAsync();
            try { await CrawlAsync(r, publicShapes, null); }
            finally { gate.Release(); }
        }));
        return new CrawlResult([.. pages.OrderBy(p => p.Role).ThenBy(p => p.Language).ThenBy(p => p.Url)], [.. addresses], [.. files], [.. problems]);
    }

    private static async Task CrawlRoleAsync(ChromiumFixture chromium, string baseUrl, string role, string? userName,
        ISet<string> skip, ISet<string>? reached, ConcurrentBag<CrawledPage> pages, ConcurrentBag<(string, string)> addresses, ConcurrentBag<(string, string, string)> files,
        ConcurrentBag<string> problems)
    {
        await using var context = await chromium.NewContextAsync(baseUrl, ChromiumFixture.Phone);
        context.Request += (_, request) => addresses.Add((role, request.Url));
        IPage page;
        var start = "/";
        if (userName?.StartsWith(FamilyPrefix, StringComparison.Ordinal) == true)
        {
            page = await context.NewPageAsync();
            start = "/family";
            await FamilySignIn.SignInAsync(page, userName[FamilyPrefix.Length..], start);
        }
        else page = userName is null ? await context.NewPageAsync() : await DemoSignIn.AsAsync(context, userName);
        page.Download += (_, download) => files.Add((role, download.Url, download.SuggestedFilename));

        var origin = new Uri(baseUrl);
        var queue = new Queue<string>([start]);
        var queued = new HashSet<string>(StringComparer.Ordinal) { start };
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var visited = new List<string>();
        while (queue.Count > 0 && visited.Count < MaxPagesPerRole)
        {
            var url = queue.Dequeue();
            var scan = await OpenAsync(page, url, role, "zh-CN", pages, problems);
            if (scan is null) continue;
            visited.Add(url);
            foreach (var link in scan.Links)
            {
                if (!Uri.TryCreate(link.Href, UriKind.Absolute, out var target) || target.Scheme != origin.Scheme || target.Authority != origin.Authority) continue;
                var local = target.PathAndQuery;
                if (link.Download)
                {
                    if (queued.Add(local) && Take(shapes, "download " + Shape(target.AbsolutePath), MaxDownloadsPerShape))
                        await DownloadAsync(context, baseUrl, local, role, addresses, files, problems);
                    continue;
                }
                if (SkippedPrefixes.Any(p => target.AbsolutePath.StartsWith(p, StringComparison.OrdinalIgnoreCase))) continue;
                if (skip.Contains(Shape(target.AbsolutePath)) || !queued.Add(local) || !Take(shapes, Shape(target.AbsolutePath), MaxPerPathShape)) continue;
                queue.Enqueue(local);
            }
        }

        reached?.UnionWith(visited.Select(v => Shape(v.Split('?')[0])));
        // The same pages in English: the culture cookie, as the language switch sets it.
        await page.GotoAsync("/culture/en?returnUrl=%2F");
        foreach (var url in visited) await OpenAsync(page, url, role, "en", pages, problems);
    }

    private static bool Take(Dictionary<string, int> shapes, string shape, int max)
    {
        shapes.TryGetValue(shape, out var n);
        if (n >= max) return false;
        shapes[shape] = n + 1;
        return true;
    }

    /// <summary>A path with its ids, numbers and tokens replaced, so that a list's hundred rows count as one page.</summary>
    public static string Shape(string path) =>
        string.Join('/', path.Split('/').Select(s =>
            Guid.TryParse(s, out _) ? "{id}" :
            s.Length > 0 && s.All(char.IsAsciiDigit) ? "{n}" :
            s.Length >= 20 ? "{token}" : s));

    private static async Task<PageScan?> OpenAsync(IPage page, string url, string role, string language,
        ConcurrentBag<CrawledPage> pages, ConcurrentBag<string> problems)
    {
        IResponse? response;
        try
        {
            response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 30_000 });
        }
        catch (PlaywrightException e) when (e.Message.Contains("Download is starting", StringComparison.Ordinal))
        {
            return null; // a file, not a page: its name comes through the Download event
        }
        catch (PlaywrightException e)
        {
            problems.Add($"[{role}] {url}: {e.Message.Split('\n')[0]}");
            return null;
        }
        if (response is null) return null;
        var contentType = await response.HeaderValueAsync("content-type") ?? "";
        if (!contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)) return null;
        var scan = PageScan.From(await page.EvaluateAsync<JsonElement>(ScanScript));
        var shown = new Uri(page.Url).PathAndQuery;
        // With <base href="/">, a bare "#section" leads to the home page, not to the section: links carry the page's path.
        foreach (var bare in await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('a[href^=\"#\"]'), a => a.getAttribute('href'))"))
            problems.Add($"[{role}, {language}] {shown}: the link {bare} leads to the home page (give it the page's path)");
        pages.Add(new CrawledPage(role, language, shown == url ? url : $"{url} → {shown}", response.Status, scan.ScrollWidth, scan.Foreign));
        return scan;
    }

    private static async Task DownloadAsync(IBrowserContext context, string baseUrl, string url, string role,
        ConcurrentBag<(string, string)> addresses, ConcurrentBag<(string, string, string)> files, ConcurrentBag<string> problems)
    {
        addresses.Add((role, baseUrl + url));
        var response = await context.APIRequest.GetAsync(url);
        if (!response.Ok)
        {
            problems.Add($"[{role}] download {url}: HTTP {response.Status}");
            return;
        }
        if (response.Headers.TryGetValue("content-disposition", out var disposition))
            files.Add((role, url, FileNameOf(disposition)));
        await response.DisposeAsync();
    }

    /// <summary>The file name of a Content-Disposition header (the RFC 5987 <c>filename*</c> when there is one).</summary>
    public static string FileNameOf(string disposition)
    {
        var star = Regex.Match(disposition, @"filename\*\s*=\s*[^']*'[^']*'([^;]+)", RegexOptions.IgnoreCase);
        if (star.Success) return Uri.UnescapeDataString(star.Groups[1].Value.Trim());
        var plain = Regex.Match(disposition, @"filename\s*=\s*""?([^"";]+)""?", RegexOptions.IgnoreCase);
        return plain.Success ? plain.Groups[1].Value.Trim() : disposition;
    }

    private sealed record PageScan(int ScrollWidth, IReadOnlyList<(string Href, bool Download)> Links, IReadOnlyList<string> Foreign)
    {
        public static PageScan From(JsonElement scan) => new(
            scan.GetProperty("scrollWidth").GetInt32(),
            [.. scan.GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("href").GetString() ?? "", l.GetProperty("download").GetBoolean()))],
            [.. scan.GetProperty("foreign").EnumerateArray().Select(f => f.GetString() ?? "")]);
    }

    /// <summary>
    /// In the page: its width, its links, and its text in the other language. Skipped: <c>code</c>, <c>pre</c>,
    /// <c>.mono</c>, <c>[translate=no]</c>, scripts, and any element whose <c>lang</c> differs from the page's (stored
    /// names and addresses, the language switch). On Chinese pages codes are allowed: words in capitals and digits
    /// (PDF, CSV, ICD-10, QR, ID), single letters, a few product names and unit symbols (KiB), file extensions, URLs,
    /// e-mail addresses and paths. A stored name the page marks may also appear in the title.
    /// </summary>
    private const string ScanScript = """
        () => {
            const pageLang = (document.documentElement.lang || 'zh-CN').toLowerCase();
            const chinesePage = pageLang.startsWith('zh');
            const skip = 'script, style, noscript, template, code, pre, kbd, samp, .mono, [translate="no"]';
            const ownLanguage = el => {
                const marked = el.closest('[lang]');
                const lang = marked ? marked.getAttribute('lang').toLowerCase() : pageLang;
                return chinesePage ? lang.startsWith('zh') : !lang.startsWith('zh');
            };
            const names = new Set(['KiB', 'MiB', 'GiB', 'OAuth', 'OpenID', 'Excel', 'Scalar', 'Webhook', 'Webhooks', 'iOS', 'Android', 'WebHook']);
            const englishWords = text => {
                const cleaned = text
                    .replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ')
                    .replace(/\S+@\S+\.\S+/g, ' ')
                    .replace(/(^|\s)\/\S*/g, ' ')
                    .replace(/\.(csv|xlsx|pdf|png|jpe?g|json|zip)\b/gi, ' ');
                return (cleaned.match(/[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*/g) || [])
                    .filter(w => w.length > 1 && !/^[A-Z]+(?:-[A-Z]+)*$/.test(w) && !names.has(w));
            };
            const cjk = /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]+/g;
            const found = [];
            const check = (el, text, where) => {
                text = (text || '').replace(/\s+/g, ' ').trim();
                if (!text || el.closest(skip) || !ownLanguage(el)) return;
                const bad = chinesePage ? englishWords(text) : (text.match(cjk) || []);
                if (bad.length === 0) return;
                const shown = text.length > 90 ? text.slice(0, 90) + '…' : text;
                found.push(`${bad.join(' ')}  ⟵  ${where}"${shown}"`);
            };
            // A title may carry a stored name (an institution's price list): the same text the page marks as foreign.
            let title = document.title;
            for (const el of document.body.querySelectorAll('[lang]'))
                if (!ownLanguage(el) && el.textContent.trim().length > 1) title = title.split(el.textContent.trim()).join(' ');
            check(document.documentElement, title, '<title> ');
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode())
                if (node.parentElement) check(node.parentElement, node.nodeValue, '');
            for (const el of document.body.querySelectorAll('[title], [aria-label], [placeholder], [alt], input[type=submit][value], input[type=button][value]'))
                for (const attr of ['title', 'aria-label', 'placeholder', 'alt', 'value'])
                    if (el.hasAttribute(attr) && (attr !== 'value' || el.matches('input[type=submit], input[type=button]')))
                        check(el, el.getAttribute(attr), `[${attr}] `);
            return {
                scrollWidth: document.documentElement.scrollWidth,
                // An SVG link's href is an SVGAnimatedString, not a string: resolve its attribute against the page.
                links: [...document.querySelectorAll('a[href]')].map(a => ({ href: new URL(a.getAttribute('href'), document.baseURI).href, download: a.hasAttribute('download') })),
                foreign: [...new Set(found)],
            };
        }
        """;
}
