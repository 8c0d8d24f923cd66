using System.Collections.Concurrent;
using System.Net;
using Hereafter.Web.Modules.Pricing.Features.BrowsePrices;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>A small public page cache whose pages never expire during a test, however slow the machine.</summary>
public sealed class SmallPriceCacheFactory : HereafterFactory
{
    public const int MaxEntries = 20;

    protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Pricing:PublicPageCache:MaxEntries"] = MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Pricing:PublicPageCache:LifetimeSeconds"] = "3600",
    };
}

public sealed class PublicPriceCacheTests(SmallPriceCacheFactory factory) : IClassFixture<SmallPriceCacheFactory>
{
    [Fact]
    public async Task TenThousandJunkQueryStrings_KeepTheCacheWithinItsBound_AndTheRealPagesStayCached()
    {
        var anonymous = factory.CreateClient();
        var home = await factory.InstitutionAsync("gy-funeral-home");
        var cache = factory.Services.GetRequiredService<PublicPriceCache>();
        string[] real = ["/prices", $"/prices/{home}", "/prices?type=cemetery"];
        foreach (var path in real.Concat(real)) Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);

        // Junk that means the same pages (unknown parameters, unknown types, repeated or padded values, an upper-case id)
        // and junk that makes new pages (districts nobody has), 10,000 in all.
        var junk = new List<string>();
        for (var i = 0; junk.Count < 9_800; i++)
        {
            junk.Add($"/prices?utm_source=x{i}");
            junk.Add($"/prices?type=bogus-{i}&district=");
            junk.Add($"/prices?type=cemetery&type=x{i}&ref={i}");
            junk.Add($"/prices/{home.ToString().ToUpperInvariant()}?v={i}");
            junk.Add($"/prices/compare?x={i}");
            junk.Add($"/prices?type=%20cemetery%20&n={i}");
        }
        junk = junk.Take(9_800).Concat(Enumerable.Range(0, 200).Select(i => $"/prices?district=nowhere-{i}")).ToList();
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(junk, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (path, ct) =>
        {
            var response = await anonymous.GetAsync(path, ct);
            if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{path}: {(int)response.StatusCode}");
        });
        Assert.Empty(failures);
        Assert.InRange(cache.Count, 1, SmallPriceCacheFactory.MaxEntries);

        // The real pages were asked for twice before the flood: none of them renders again.
        var renders = cache.Renders;
        foreach (var path in real)
        {
            var html = await anonymous.GetStringAsync(path);
            Assert.Contains("</html>", html);
        }
        Assert.Equal(renders, cache.Renders);
        Assert.Contains("贵阳市殡仪馆", await anonymous.GetStringAsync($"/prices/{home}"));
    }

    [Fact]
    public async Task AJunkParameter_IsNotEchoedIntoTheCachedPage()
    {
        var anonymous = factory.CreateClient();
        var html = await anonymous.GetStringAsync("/prices/compare?item=&tracking=zz-junk-marker");
        Assert.DoesNotContain("zz-junk-marker", html);
        Assert.DoesNotContain("zz-junk-marker", await anonymous.GetStringAsync("/prices/compare"));
    }
}
