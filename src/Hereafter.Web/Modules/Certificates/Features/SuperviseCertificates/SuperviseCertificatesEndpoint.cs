using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Certificates.Features.SuperviseCertificates;

public static class SuperviseCertificatesEndpoint
{
    public static RouteGroupBuilder MapSuperviseCertificates(this RouteGroupBuilder api)
    {
        api.MapGet("/", async (string? list, int? page, int? pageSize, string? from, string? to, string? district, string? warning, string? issuerType,
                HttpContext http, SuperviseCertificatesHandler handler, CancellationToken ct) =>
                TypedResults.Ok((await handler.ListAsync(Actor.Require(http), list ?? SuperviseCertificatesHandler.AllList,
                    new SuperviseCertificatesHandler.FigureQuery(from, to, district, warning, issuerType), page ?? 1, pageSize ?? 50, ct)).Masked()))
            .WithSummary("List certificates: list=all|review|late|issued|revoked|certified-late|reported-late|warnings (civil affairs; an issuer sees its own). ID numbers and names masked.")
            .WithDescription("Rows carry maskedNumber (5201**********013X) and maskedName, never the full ID number; each page is audited as a masked read. "
                + "With the dashboard's filter (from=YYYY-MM, to=YYYY-MM, district=six-digit code; civil affairs only) the list is the certificates one of the "
                + "dashboard's figures counts: list=issued|certified-within-day|reported-in-time|duplicates-reviewed|duplicates-pending|with-warnings, optionally "
                + "warning={code} (with warnings of that kind) and issuerType=hospital|health-centre|police; `figure.figures` then holds the same numbers as "
                + "GET /api/v1/supervision/dashboard's `certificates` for the filter. 400 for a bad filter, as the dashboard's.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }
}
