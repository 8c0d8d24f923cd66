using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Hereafter.Web.Modules.Pricing.Features.BrowsePrices;

/// <summary>
/// The public price pages face the whole city, so their rendered HTML is kept for a few seconds per node
/// (ASP.NET Core output caching: only anonymous GETs answered 200 without cookies; per path, query and culture).
/// A price approved, rejected or a warning closed on this node evicts the entries at once; on other web nodes
/// they expire within <see cref="Lifetime"/>, so the public may see the previous price for that long after an
/// approval, and a price whose effective date arrives at midnight shows up to that long later. Correctness of
/// bills never reads this cache.
/// </summary>
public static class PublicPriceCache
{
    public const string Policy = "public-prices";
    public const string Tag = "public-prices";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddPricingPages(this IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b
            .Expire(Lifetime)
            .Tag(Tag)
            .SetVaryByQuery("*")
            .SetVaryByHeader("blazor-enhanced-nav")
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))));
        services.AddTransient<IStartupFilter, EvictOnPriceWrites>();
        return services;
    }

    /// <summary>True for a request that may have changed what the public price pages show.</summary>
    public static bool ChangesPrices(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && (request.Path.StartsWithSegments("/api/v1/price-changes") || request.Path.StartsWithSegments("/api/v1/price-warnings")
            || request.Path.StartsWithSegments("/api/v1/pricing") || request.Path.StartsWithSegments("/supervision/prices")
            || request.Path.StartsWithSegments("/supervision/price-warnings"));

    /// <summary>Evicts this node's cached price pages after any successful write to prices, warnings or settings, API or page.</summary>
    private sealed class EvictOnPriceWrites : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, inner) =>
            {
                // Before the answer leaves (the change is committed by then), so whoever reads it and then opens a
                // public page gets the new state from this node.
                if (ChangesPrices(http.Request))
                    http.Response.OnStarting(static state =>
                    {
                        var h = (HttpContext)state;
                        return h.Response.StatusCode < 400
                            ? h.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Tag, CancellationToken.None).AsTask()
                            : Task.CompletedTask;
                    }, http);
                return inner(http);
            });
            next(app);
        };
    }
}
