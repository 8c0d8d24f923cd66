namespace Hereafter.Web.Modules.Certificates;

/// <summary>
/// The public verification address a signed token is printed and encoded in the QR code under:
/// <c>Platform:PublicBaseUrl</c> when it is set (required outside Development). In Development without it, the
/// address the request came to (scheme, host and port), so that a QR code scanned from a page or PDF served on any port
/// opens this server; a command run without a request falls back to the <c>dotnet run</c> address.
/// </summary>
public sealed class VerificationLinks(IConfiguration configuration, IHostEnvironment environment, IHttpContextAccessor http) : Contracts.IVerificationAddresses
{
    /// <summary>The <c>dotnet run</c> address (launchSettings.json): Development's fallback when no request is served.</summary>
    public const string DevelopmentFallback = "http://localhost:5080";

    public string For(string token) => $"{BaseUrl().TrimEnd('/')}/verify/{token}";

    private string BaseUrl()
    {
        var configured = configuration["Platform:PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (!environment.IsDevelopment()) throw new InvalidOperationException("Platform:PublicBaseUrl is not set.");
        // Trusting the Host header is acceptable only here: production always prints the configured address.
        return http.HttpContext?.Request is { Host.HasValue: true } request
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : DevelopmentFallback;
    }
}
