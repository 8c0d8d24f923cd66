using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

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
/// </remarks>
public sealed partial class PublicPriceCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private const int MaxEntries = 1000;
    private const int MaxBodyBytes = 512 * 1024;

    private sealed record Entry(byte[] Body, string ContentType, long Generation, long ExpiresAt);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Drops every entry (the next request renders again).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>True for a request that may have changed what the public price pages show.</summary>
    public static bool ChangesPrices(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && (request.Path.StartsWithSegments("/api/v1/price-changes") || request.Path.StartsWithSegments("/api/v1/price-warnings")
            || request.Path.StartsWithSegments("/api/v1/pricing") || request.Path.StartsWithSegments("/api/v1/institutions")
            || request.Path.StartsWithSegments("/supervision/prices") || request.Path.StartsWithSegments("/supervision/price-warnings")
            || request.Path.StartsWithSegments("/prices/manage"));

    private static bool Cacheable(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) || http.User.Identity?.IsAuthenticated == true || request.Headers.Authorization.Count > 0) return false;
        var path = request.Path.Value;
        return path is "/prices" or "/prices/compare" || (path is not null && InstitutionPath().IsMatch(path));
    }

    /// <summary>Middleware: after authentication (signed-in people always get a fresh page with their own menu).</summary>
    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (!Cacheable(http))
        {
            await next(http);
            return;
        }
        var key = string.Concat(http.Request.Path.Value, http.Request.QueryString.Value, "|", CultureInfo.CurrentUICulture.Name,
            "|", http.Request.Headers["blazor-enhanced-nav"].ToString());
        var now = Environment.TickCount64;
        var generation = Interlocked.Read(ref _generation);
        if (_entries.TryGetValue(key, out var hit) && hit.Generation == generation && hit.ExpiresAt > now)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = hit.ContentType;
            http.Response.ContentLength = hit.Body.Length;
            await http.Response.Body.WriteAsync(hit.Body, http.RequestAborted);
            return;
        }

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
        if (http.Response.StatusCode == StatusCodes.Status200OK && !http.Response.Headers.ContainsKey("Set-Cookie")
            && buffer.Length <= MaxBodyBytes && (_entries.Count < MaxEntries || _entries.ContainsKey(key)))
            _entries[key] = new Entry(buffer.ToArray(), http.Response.ContentType ?? "text/html; charset=utf-8", generation, now + (long)Lifetime.TotalMilliseconds);
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    [GeneratedRegex("^/prices/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex InstitutionPath();
}

public static class PricingPagesModule
{
    public static IServiceCollection AddPricingPages(this IServiceCollection services)
    {
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
