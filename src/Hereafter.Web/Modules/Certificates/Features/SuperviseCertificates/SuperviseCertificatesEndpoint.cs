using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Certificates.Features.SuperviseCertificates;

public static class SuperviseCertificatesEndpoint
{
    public static RouteGroupBuilder MapSuperviseCertificates(this RouteGroupBuilder api)
    {
        api.MapGet("/", async (string? list, int? page, int? pageSize, HttpContext http, SuperviseCertificatesHandler handler, CancellationToken ct) =>
                TypedResults.Ok((await handler.ListAsync(Actor.Require(http), list ?? SuperviseCertificatesHandler.AllList, page ?? 1, pageSize ?? 50, ct)).Masked()))
            .WithSummary("List certificates: list=all|review|late|issued|revoked|certified-late|reported-late|warnings (civil affairs; an issuer sees its own). ID numbers and names masked.")
            .WithDescription("Rows carry maskedNumber (5201**********013X) and maskedName, never the full ID number; each page is audited as a masked read.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }
}
