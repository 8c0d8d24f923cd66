using Hereafter.Web.Modules.Certificates.Contracts;

namespace Hereafter.Web.Modules.Certificates.Features.VerifyCertificate;

public static class VerifyCertificateEndpoint
{
    public static IEndpointRouteBuilder MapVerifyCertificate(this IEndpointRouteBuilder app)
    {
        var verificationCache = app.ServiceProvider.GetRequiredService<VerificationCache>();
        var clock = app.ServiceProvider.GetRequiredService<TimeProvider>();
        app.MapGet("/api/v1/verify/{token}", async (string token, HttpContext http) =>
                TypedResults.Text(await VerifyCertificateHandler.AnswerJsonAsync(token, http, verificationCache, clock), "application/json"))
            .AllowAnonymous()
            .WithTags("Verification")
            .WithSummary("Public: verify a certificate's QR token → valid|superseded|revoked|invalid with masked data only")
            .Produces<VerificationResult>();

        return app;
    }
}
