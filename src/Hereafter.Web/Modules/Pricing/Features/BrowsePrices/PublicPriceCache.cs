using System.Globalization;
using System.Text.RegularExpressions;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Caching;
using Hereafter.Web.Platform.Data;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Pricing.Features.BrowsePrices;

/// <summary>
/// The public price pages face the whole city, so their rendered HTML is kept in memory for a few seconds per node
/// and answered as bytes without rendering: anonymous GETs of <c>/prices</c>, <c>/prices/compare</c> and
/// <c>/prices/{institutionId}</c>, per path, query and language, only answers 200 that set no cookie.
/// A price change proposed, approved or rejected, a warning raised or closed, or the settings changed, through the API or the
/// bureau's pages, drops every entry on the node that handled it before its answer leaves; on other web nodes entries
/// expire within <see cref="Lifetime"/>, so the public may see the previous price for that long after an approval,
/// and a price whose effective date arrives at midnight shows up to that long later. Bills never read this cache.
/// </summary>
/// <remarks>
/// ASP.NET Core's output cache did the same job but costs about as much again per hit (policy evaluation, key
/// building, and the memory store deserialising the entry); this serves a stored byte array.
/// Anonymous callers choose the URL, so the key is made of the parameters the pages read, canonicalised (the request
/// is rewritten to that canonical form before rendering, so the bytes stored are exactly the canonical page's), and
/// entries live in a segmented LRU: a page enters a small probation segment and moves to the protected one when asked
/// again, so a flood of one-off URLs only ever pushes out other one-off URLs.
/// </remarks>
public sealed partial class PublicPriceCache
{
    private const int MaxBodyBytes = 512 * 1024;
    private const int MaxValueLength = 64;

    private sealed record Entry(byte[] Body, string ContentType, long Generation, long ExpiresAt);

    private readonly BoundedLru<string, Entry> _probation;
    private readonly BoundedLru<string, Entry> _protected;
    private long _generation;
    private long _renders;

    public PublicPriceCache(IOptions<PublicPriceCacheOptions> options)
    {
        var max = Math.Max(2, options.Value.MaxEntries);
        var probation = Math.Max(1, max / 5);
        _probation = new BoundedLru<string, Entry>(probation, StringComparer.Ordinal);
        _protected = new BoundedLru<string, Entry>(max - probation, StringComparer.Ordinal);
        Lifetime = TimeSpan.FromSeconds(Math.Max(0, options.Value.LifetimeSeconds));
    }

    /// <summary>How long a page is kept; other nodes show an approved price at most this much later.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>Pages held on this node (never more than the configured maximum).</summary>
    public int Count => _probation.Count + _protected.Count;

    /// <summary>Cacheable requests that were rendered rather than answered from the cache, since start.</summary>
    public long Renders => Interlocked.Read(ref _renders);

    /// <summary>Drops every entry (the next request renders again).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _probation.Clear();
        _protected.Clear();
    }

    /// <summary>True for a request that may have changed what the public price pages show.</summary>
    public static bool ChangesPrices(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && (request.Path.StartsWithSegments("/api/v1/price-changes") || request.Path.StartsWithSegments("/api/v1/price-warnings")
            || request.Path.StartsWithSegments("/api/v1/pricing") || request.Path.StartsWithSegments("/api/v1/institutions")
            || request.Path.StartsWithSegments("/supervision/prices") || request.Path.StartsWithSegments("/supervision/price-warnings")
            || request.Path.StartsWithSegments("/prices/manage"));

    /// <summary>
    /// The canonical path and query of a cacheable request, or null: <c>/prices?district=&amp;type=</c>,
    /// <c>/prices/compare?item=</c>, <c>/prices/{id}</c> (lower-case id, no query). Other parameters are dropped; a
    /// parameter keeps its first value, trimmed; an empty value is dropped, and so is a type that is not an institution
    /// type. A value longer than the pages' data ever is makes the request uncacheable (it is rendered as asked).
    /// </summary>
    public static (string Path, string Query)? Canonical(HttpRequest request)
    {
        var path = request.Path.Value;
        if (path is "/prices")
        {
            var district = Value(request, "district");
            var type = Value(request, "type");
            if (district is null || type is null) return null;
            if (type.Length > 0 && !EnumCodes<InstitutionType>.TryParse(type, out _)) type = "";
            return (path, Query(("district", district), ("type", type)));
        }
        if (path is "/prices/compare")
        {
            var item = Value(request, "item");
            if (item is null) return null;
            // "Compare" with no item chosen keeps its empty item, so the page can say so (issue #10).
            return item.Length == 0 && request.Query.ContainsKey("item") ? (path, "?item=") : (path, Query(("item", item)));
        }
        if (path is not null && InstitutionPath().IsMatch(path)) return (path.ToLowerInvariant(), "");
        return null;
    }

    // "" when absent or blank; null when too long to be real.
    private static string? Value(HttpRequest request, string name)
    {
        var values = request.Query[name];
        var value = values.Count > 0 ? values[0]?.Trim() ?? "" : "";
        return value.Length > MaxValueLength ? null : value;
    }

    private static string Query(params (string Name, string Value)[] parameters)
    {
        var query = new QueryString();
        foreach (var (name, value) in parameters)
            if (value.Length > 0) query = query.Add(name, value);
        return query.Value ?? "";
    }

    /// <summary>Middleware: after authentication (signed-in people always get a fresh page with their own menu).</summary>
    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) || http.User.Identity?.IsAuthenticated == true || request.Headers.Authorization.Count > 0
            || Canonical(request) is not var (path, query))
        {
            await next(http);
            return;
        }
        // The page renders the canonical URL (its links and language switch included), so the bytes fit every URL with this key.
        // Routing has already chosen the endpoint and its route values.
        request.Path = path;
        request.QueryString = new QueryString(query.Length == 0 ? null : query);
        var enhanced = request.Headers["blazor-enhanced-nav"].Count > 0 ? "1" : "0";
        var key = string.Concat(path, query, "|", CultureInfo.CurrentUICulture.Name, "|", enhanced);
        var now = Environment.TickCount64;
        var generation = Interlocked.Read(ref _generation);
        var known = _protected.TryGet(key, out var hit);
        if (!known && _probation.TryGet(key, out hit) && hit.Generation == generation && hit.ExpiresAt > now)
        {
            // Asked for again: worth keeping.
            _probation.Remove(key);
            _protected.Set(key, hit);
            known = true;
        }
        if (hit is not null && hit.Generation == generation && hit.ExpiresAt > now)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = hit.ContentType;
            http.Response.ContentLength = hit.Body.Length;
            await http.Response.Body.WriteAsync(hit.Body, http.RequestAborted);
            return;
        }

        Interlocked.Increment(ref _renders);
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        if (!http.Response.HasStarted)
        {
            http.Response.ContentLength = buffer.Length;
            // Runs the OnStarting callbacks (a page's 404 is set there), so the status below is the final one.
            await http.Response.StartAsync(http.RequestAborted);
        }
        if (http.Response.StatusCode == StatusCodes.Status200OK && !http.Response.Headers.ContainsKey("Set-Cookie") && buffer.Length <= MaxBodyBytes)
        {
            var entry = new Entry(buffer.ToArray(), http.Response.ContentType ?? "text/html; charset=utf-8", generation, now + (long)Lifetime.TotalMilliseconds);
            if (known) _protected.Set(key, entry);
            else _probation.Set(key, entry);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    [GeneratedRegex("^/prices/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex InstitutionPath();
}

/// <summary>Settings of section <c>Pricing:PublicPageCache</c>.</summary>
public sealed class PublicPriceCacheOptions
{
    public const string Section = "Pricing:PublicPageCache";
    /// <summary>Rendered pages kept per node (a fifth of them for pages asked for once).</summary>
    public int MaxEntries { get; set; } = 1000;
    /// <summary>Seconds a page is kept.</summary>
    public int LifetimeSeconds { get; set; } = 10;
}

public static class PricingPagesModule
{
    public static IServiceCollection AddPricingPages(this IServiceCollection services)
    {
        services.AddOptions<PublicPriceCacheOptions>().BindConfiguration(PublicPriceCacheOptions.Section);
        services.AddSingleton<PublicPriceCache>();
        services.AddTransient<IStartupFilter, InvalidateOnPriceWrites>();
        return services;
    }

    /// <summary>Serves the public price pages from this node's short-lived cache; place after authentication.</summary>
    public static IApplicationBuilder UsePublicPriceCache(this IApplicationBuilder app)
    {
        var cache = app.ApplicationServices.GetRequiredService<PublicPriceCache>();
        return app.Use(next => http => cache.InvokeAsync(http, next));
    }

    /// <summary>Drops this node's cached price pages when a write to prices, warnings or settings succeeds, API or page.</summary>
    private sealed class InvalidateOnPriceWrites(PublicPriceCache cache) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, inner) =>
            {
                // Before the answer leaves (the change is committed by then), so whoever reads it and then opens a
                // public page gets the new state from this node.
                if (PublicPriceCache.ChangesPrices(http.Request))
                    http.Response.OnStarting(() =>
                    {
                        if (http.Response.StatusCode < 400) cache.Invalidate();
                        return Task.CompletedTask;
                    });
                return inner(http);
            });
            next(app);
        };
    }
}
