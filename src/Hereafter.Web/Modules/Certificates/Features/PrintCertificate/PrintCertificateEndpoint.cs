using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Certificates.Features.PrintCertificate;

public static class PrintCertificateEndpoint
{
    public static RouteGroupBuilder MapPrintCertificate(this RouteGroupBuilder api)
    {
        api.MapGet("/{number}/pdf", async (string number, int? copy, HttpContext http, PrintCertificateHandler handler, CancellationToken ct) =>
            {
                var (pdf, name) = await handler.HandleAsync(Actor.Require(http), number, copy, ct);
                return Results.File(pdf, "application/pdf", name);
            })
            .WithSummary("Print a copy as PDF: copy=1..4 within what your organisation may print")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }

    /// <summary>
    /// The pages' download of a copy, addressed by the certificate's opaque id (<c>/certificates/{id:N}/pdf?copy=3</c>),
    /// so that neither the address nor the file name carries the number. Signed-in staff only (the page's cookie).
    /// </summary>
    public static IEndpointRouteBuilder MapPrintCertificatePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/certificates/{id:guid}/pdf", async (Guid id, int? copy, HttpContext http, PrintCertificateHandler handler, CancellationToken ct) =>
            {
                var (pdf, name) = await handler.HandleAsync(Actor.Require(http), id, copy, ct);
                return Results.File(pdf, "application/pdf", name);
            })
            .RequireAuthorization()
            .ExcludeFromDescription();

        return app;
    }
}
