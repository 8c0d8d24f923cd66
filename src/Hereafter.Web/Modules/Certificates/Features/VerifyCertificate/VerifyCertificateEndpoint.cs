using Hereafter.Web.Modules.Certificates.Contracts;

namespace Hereafter.Web.Modules.Certificates.Features.VerifyCertificate;

public static class VerifyCertificateEndpoint
{
    public static IEndpointRouteBuilder MapVerifyCertificate(this IEndpointRouteBuilder app)
    {
        var verificationCache = app.ServiceProvider.GetRequiredService<VerificationCache>();
        var clock = app.ServiceProvider.GetRequiredService<TimeProvider>();
        // The stored JSON is written as it is: a hit allocates no result, copy of the bytes or state machine.
        app.MapGet("/api/v1/verify/{token}", (string token, HttpContext http) =>
                verificationCache.TryGet(token, clock.GetUtcNow(), out var cached)
                    ? WriteAsync(http, cached.Json)
                    : MissAsync(token, http, verificationCache, clock))
            .AllowAnonymous()
            .WithTags("Verification")
            .WithSummary("Public: verify a certificate's QR token → valid|superseded|revoked|invalid with masked data only")
            .Produces<VerificationResult>(contentType: "application/json");

        return app;
    }

    private static async Task MissAsync(string token, HttpContext http, VerificationCache cache, TimeProvider clock) =>
        await WriteAsync(http, await VerifyCertificateHandler.AnswerJsonAsync(token, http, cache, clock));

    private static Task WriteAsync(HttpContext http, byte[] json)
    {
        var response = http.Response;
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, 0, json.Length, http.RequestAborted);
    }
}
