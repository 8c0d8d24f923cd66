using System.Globalization;
using System.Threading.RateLimiting;
using Hereafter.Domain.Messages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Platform.RateLimits;

/// <summary>One fixed-window limit: at most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/>; 0 or less means no limit.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; } = 60;

    public bool Limits => PermitLimit > 0 && WindowSeconds > 0;
}

/// <summary>
/// Settings of section <c>RateLimits</c>. Limits are counted per node (a caller spread over n nodes gets up to n times
/// the limit). Addresses are the connection's remote address, which the forwarded-headers middleware replaces with the
/// client's address when a proxy is configured.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>False turns every limit below off (benchmarks of one endpoint from one loopback address).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in form posts (<c>POST /signin</c>) per remote address. A hospital's staff often share one NAT address.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 30 };

    /// <summary><c>/connect/token</c> per <c>client_id</c> (form or HTTP Basic), or per address when none is given.</summary>
    public RateLimitRule Token { get; set; } = new() { PermitLimit = 300 };

    /// <summary><c>/connect/token</c> per remote address whatever the client id, so rotating made-up client ids gains nothing.</summary>
    public RateLimitRule TokenPerAddress { get; set; } = new() { PermitLimit = 1200 };

    /// <summary>Public verification (<c>/verify/{token}</c> and <c>/api/v1/verify/{token}</c>) per address; mobile carriers put many phones behind one.</summary>
    public RateLimitRule Verify { get; set; } = new() { PermitLimit = 300 };

    /// <summary>Public lookups of a certificate by number and name (<c>POST /verify</c>) per address: a guess costs a
    /// request, so the limit is far below the QR scans'.</summary>
    public RateLimitRule VerifyLookup { get; set; } = new() { PermitLimit = 10 };

    /// <summary>The public price calculator (<c>/prices/calculator</c> and <c>POST /api/v1/price-calculations</c>) per address.</summary>
    public RateLimitRule PriceCalculator { get; set; } = new() { PermitLimit = 120 };

    /// <summary>A citizen's claims of a case by certificate number and the deceased's name (<c>POST /api/v1/family/cases</c>
    /// and the family home page's form), per signed-in citizen: a guess costs a claim, and a wrong pair is never told apart.</summary>
    public RateLimitRule FamilyClaim { get; set; } = new() { PermitLimit = 10, WindowSeconds = 600 };
}

/// <summary>
/// Request limits on the endpoints that cost the platform most per anonymous request or invite guessing. One global
/// limiter keyed on the path (<see cref="PathRateLimiter"/>), so a limit applies whoever answers the path (an endpoint, a
/// Blazor page or middleware such as an OAuth server); it counts without locks, since the public verification it guards
/// is the hottest path there is. Over the limit: 429 with <c>Retry-After</c>, a ProblemDetails body for <c>/api</c> and
/// <c>/connect</c>, a short Chinese page otherwise.
/// </summary>
public static class RateLimitsModule
{
    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<RateLimitOptions>, TimeProvider>((o, limits, clock) =>
            {
                var settings = limits.Value;
                o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                o.OnRejected = RejectAsync;
                if (!settings.Enabled) return;
                o.GlobalLimiter = new PathRateLimiter(settings, clock);
            });
        services.AddRateLimiter(_ => { });
        services.AddSingleton<CallerRateLimits>();
        return services;
    }

    /// <summary>After routing and forwarded headers, before authentication (an OAuth server answers the token path there).</summary>
    public static IApplicationBuilder UsePlatformRateLimits(this IApplicationBuilder app)
    {
        // The limiter is synchronous; the client id of a token request is in its form body, read here first
        // (ASP.NET Core keeps the parsed form, so the token endpoint does not read the body again).
        app.Use(async (http, next) =>
        {
            if (IsToken(http.Request) && HttpMethods.IsPost(http.Request.Method))
                http.Items[PathRateLimiter.ClientIdItem] = await ClientIdAsync(http.Request);
            await next(http);
        });
        return app.UseRateLimiter();
    }

    internal static bool IsToken(HttpRequest request) => request.Path.Equals("/connect/token", StringComparison.OrdinalIgnoreCase);

    private static async Task<string?> ClientIdAsync(HttpRequest request)
    {
        // RFC 6749 §2.3.1: HTTP Basic client authentication, or the form's client_id.
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = pair.IndexOf(':');
                if (colon > 0) return Bounded(Uri.UnescapeDataString(pair[..colon]));
            }
            catch (FormatException) { }
        }
        if (!request.HasFormContentType) return null;
        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return Bounded(form["client_id"].ToString());
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A malformed body: the token endpoint answers it; the request is limited per address.
            return null;
        }
    }

    // A counter's key is held in memory while its window lasts: a made-up client id of any length must not be.
    private static string? Bounded(string clientId) => clientId.Length is > 0 and <= 100 ? clientId : null;

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        // The limiter answers before the request's language is chosen: an API caller reads English, a page Chinese.
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/connect"))
        {
            var message = new Message("platform.rate-limit.too-many-requests").With("seconds", seconds);
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = message.English,
                Type = "https://tools.ietf.org/html/rfc6585#section-4",
                Extensions = { ["code"] = message.Key },
            };
            await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        var title = new Message("platform.rate-limit.page-title").Chinese;
        var retry = new Message("platform.rate-limit.retry-after").With("seconds", seconds).Chinese;
        await http.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">" +
            $"<title>{title}</title></head><body><h1>{title}</h1><p>{retry}</p></body></html>", ct);
    }
}
