using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Custody.Features.FollowUpPlacements;

public static class PrintFollowUpLetterEndpoint
{
    /// <summary>The bureau's download of one letter (signed-in staff; opaque id in the address and the file name).</summary>
    public static IEndpointRouteBuilder MapPrintFollowUpLetter(this IEndpointRouteBuilder app)
    {
        app.MapGet("/supervision/custody/follow-up/letters/{id:guid}.pdf", async (Guid id, HttpContext http, FollowUpQueries queries, CancellationToken ct) =>
            {
                try
                {
                    var (pdf, name) = await queries.PdfAsync(Actor.Require(http), id, ct);
                    return Results.File(pdf, "application/pdf", name);
                }
                catch (ProblemException e)
                {
                    // A page's download: the status alone (the API's problem details are for /api/ addresses).
                    return Results.StatusCode(e.Status);
                }
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }
}
