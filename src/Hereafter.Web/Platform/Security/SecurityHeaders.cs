using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;

namespace Hereafter.Web.Platform.Security;

/// <summary>
/// Host hardening: required production settings, forwarded headers from configured proxies only, HSTS and Secure
/// cookies outside Development, and a Content-Security-Policy plus <c>X-Content-Type-Options: nosniff</c> everywhere.
/// </summary>
public static class SecurityHeaders
{
    public const string KnownProxies = "Platform:ForwardedHeaders:KnownProxies";
    public const string KnownNetworks = "Platform:ForwardedHeaders:KnownNetworks";

    /// <summary>
    /// Pages: scripts only from this site (blazor.web.js; no inline script), styles from this site plus inline style
    /// attributes, images from this site or data: URIs (QR codes), no plug-ins, no framing, forms post only here.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The Scalar API reference runs an inline configuration script and builds its styles and workers at run time.</summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'none'";

    public const string ApiReferencePath = "/api-docs";

    public static IServiceCollection AddPlatformSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ProductionSettings.Require(configuration, environment);

        var proxies = List(configuration, KnownProxies).Select(p => IPAddress.TryParse(p, out var ip) ? ip
            : throw new InvalidOperationException($"{KnownProxies}: '{p}' is not an IP address.")).ToList();
        var networks = List(configuration, KnownNetworks).Select(n => System.Net.IPNetwork.TryParse(n, out var net) ? net
            : throw new InvalidOperationException($"{KnownNetworks}: '{n}' is not a network in CIDR notation (e.g. 10.0.0.0/8).")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // X-Forwarded-For and -Proto are believed only from the proxies configured here: nobody else can claim
            // another client address (rate limits partition by it) or https.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies) o.KnownProxies.Add(p);
            foreach (var n in networks) o.KnownIPNetworks.Add(n);
            // Walk back through every configured proxy in a chain, stopping at the first address that is not one.
            o.ForwardLimit = null;
        });

        if (!environment.IsDevelopment())
        {
            services.AddHsts(o =>
            {
                o.MaxAge = TimeSpan.FromDays(365);
                o.IncludeSubDomains = false;
            });
            services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme,
                o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            // Every other cookie (antiforgery, culture) is marked Secure by the cookie policy. Not through
            // AntiforgeryOptions: with SecurePolicy.Always there, a plain-http request to a form page throws (500).
            services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
        }
        return services;
    }

    /// <summary>First in the pipeline: the forwarded scheme and address must be known before anything else looks.</summary>
    public static IApplicationBuilder UsePlatformSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseCookiePolicy();
        }
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(ApiReferencePath) ? ApiReferencePolicy : PagePolicy;
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }

    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var items = section.GetChildren().Select(c => c.Value).ToList();
        if (items.Count == 0) items.Add(section.Value);
        return items.SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
