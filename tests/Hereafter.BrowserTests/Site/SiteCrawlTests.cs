using System.Text.RegularExpressions;
using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.BrowserTests.Site;

/// <summary>The crawl, run once for all of <see cref="SiteCrawlTests"/>' checks (one server, one pass per role).</summary>
public sealed class SiteCrawlRun
{
    private readonly Lock _gate = new();
    private Task<CrawlResult>? _result;

    public Task<CrawlResult> GetAsync(ChromiumFixture chromium, BrowserAppFactory app)
    {
        lock (_gate) return _result ??= SeedThenCrawlAsync(chromium, app);
    }

    private static async Task<CrawlResult> SeedThenCrawlAsync(ChromiumFixture chromium, BrowserAppFactory app)
    {
        await FamilyTaskSeed.AddAsync(app);
        return await SiteCrawl.RunAsync(chromium, app.BaseUrl);
    }
}

/// <summary>
/// Issue #10's checks over every page each role can reach (<see cref="SiteCrawl"/>), at a 390 px phone: no page wider
/// than the screen, no citizen ID in any address or file name, and each page in one language. Failures list the page
/// and the offending text, one per line.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SiteCrawlTests(ChromiumFixture chromium, BrowserAppFactory app, SiteCrawlRun crawl)
    : IClassFixture<BrowserAppFactory>, IClassFixture<SiteCrawlRun>
{
    /// <summary>17 digits and a digit or X, not inside a longer run of letters and digits (a Guid, a token).</summary>
    private static readonly Regex CitizenId = new(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])", RegexOptions.Compiled);

    [ChromiumFact]
    public async Task EveryPage_FitsA390PixelScreen()
    {
        var result = await crawl.GetAsync(chromium, app);
        AssertTheCrawlReachedEveryRole(result);
        var wide = result.Pages.Where(p => p.ScrollWidth > ChromiumFixture.Phone.Width)
            .Select(p => $"[{p.Role}, {p.Language}] {p.Url}: scrollWidth {p.ScrollWidth}").Distinct().ToList();
        Assert.True(wide.Count == 0, $"{wide.Count} pages scroll sideways at 390 px:\n" + string.Join('\n', wide));
    }

    [ChromiumFact]
    public async Task EveryLink_LeadsToAPage()
    {
        var result = await crawl.GetAsync(chromium, app);
        AssertTheCrawlReachedEveryRole(result);
        var broken = result.Pages.Where(p => p.Status >= 400).Select(p => $"[{p.Role}, {p.Language}] {p.Url}: HTTP {p.Status}")
            .Concat(result.Problems).Distinct().ToList();
        Assert.True(broken.Count == 0, $"{broken.Count} links lead nowhere:\n" + string.Join('\n', broken));
    }

    private static readonly System.Text.RegularExpressions.Regex OidcNonce = new(@"nonce=[0-9]+\.[A-Za-z0-9_-]+");

    [ChromiumFact]
    public async Task NoAddressOrFileName_CarriesACitizenId()
    {
        var result = await crawl.GetAsync(chromium, app);
        AssertTheCrawlReachedEveryRole(result);
        var seeded = await SeededIdNumbersAsync();
        Assert.NotEmpty(result.Addresses);
        // The OpenID Connect handler's nonce starts with 18 digits of clock ticks: random, never a person's ID.
        var leaks = result.Addresses.Select(a => (a.Role, Where: "URL", Text: OidcNonce.Replace(Uri.UnescapeDataString(a.Url), "nonce=…")))
            .Concat(result.FileNames.Select(f => (f.Role, Where: $"file name (from {f.Url})", Text: f.FileName)))
            .Where(x => CitizenId.IsMatch(x.Text) || seeded.Any(id => x.Text.Contains(id, StringComparison.OrdinalIgnoreCase)))
            .Select(x => $"[{x.Role}] {x.Where}: {x.Text}").Distinct().ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} addresses or file names carry a citizen ID:\n" + string.Join('\n', leaks));
    }

    [ChromiumFact]
    public async Task ChinesePages_HaveNoEnglishWords_OutsideCodes()
    {
        var result = await crawl.GetAsync(chromium, app);
        AssertTheCrawlReachedEveryRole(result);
        var found = Offending(result, "zh-CN");
        Assert.True(found.Count == 0, $"English on {found.Count} Chinese pages (word ⟵ text):\n" + string.Join('\n', found));
    }

    [ChromiumFact]
    public async Task EnglishPages_HaveNoChinese_OutsideStoredNames()
    {
        var result = await crawl.GetAsync(chromium, app);
        AssertTheCrawlReachedEveryRole(result);
        var found = Offending(result, "en");
        Assert.True(found.Count == 0, $"Chinese on {found.Count} English pages (characters ⟵ text):\n" + string.Join('\n', found));
    }

    /// <summary>One entry per page (its URL, then its offending texts), the same page seen by several roles once.</summary>
    private static List<string> Offending(CrawlResult result, string language) =>
        [.. result.Pages.Where(p => p.Language == language && p.Foreign.Count > 0)
            .GroupBy(p => SiteCrawl.Shape(p.Url.Split('?')[0]) + string.Join('|', p.Foreign))
            .Select(g => $"{g.First().Url} [{string.Join(", ", g.Select(p => p.Role).Distinct())}]\n    " + string.Join("\n    ", g.First().Foreign))];

    private static void AssertTheCrawlReachedEveryRole(CrawlResult result)
    {
        foreach (var (role, user) in SiteCrawl.Roles)
        {
            var reached = result.Pages.Count(p => p.Role == role && p.Language == "zh-CN");
            Assert.True(reached >= (user is null ? 2 : 4), $"the crawl reached only {reached} pages as {role}; problems:\n" + string.Join('\n', result.Problems));
        }
    }

    /// <summary>The ID numbers of the people the demo data and the tests put in the database.</summary>
    private async Task<List<string>> SeededIdNumbersAsync()
    {
        using var scope = app.Services.CreateScope();
        var numbers = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<Certificate>().Select(c => c.Number).ToListAsync();
        return [.. numbers.Where(n => n.Length is 15 or 18 && n[..^1].All(char.IsAsciiDigit)).Distinct()];
    }
}
