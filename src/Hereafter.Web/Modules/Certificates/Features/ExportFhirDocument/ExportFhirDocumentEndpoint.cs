using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Certificates.Features.ExportFhirDocument;

public static class ExportFhirDocumentEndpoint
{
    public static RouteGroupBuilder MapExportFhirDocument(this RouteGroupBuilder api)
    {
        api.MapGet("/{number}/fhir", async (string number, HttpContext http, ExportFhirDocumentHandler handler, CancellationToken ct) =>
                Results.Text(await handler.ExportAsync(Actor.Require(http), number, ct), ExportFhirDocumentHandler.ContentType))
            .WithSummary("The certificate as an HL7 FHIR R4 document Bundle shaped after the VRDR profiles (copy 1 and copy 2 readers only); every export is audited")
            .WithDescription("Composition (LOINC 64297-5) first, then the decedent Patient, the certifier Practitioner, the issuing Organization and VRDR-coded Observations: cause of death part 1 per line (69453-9, ICD-10, line number 69444-4, interval 69440-6 in UCUM), part 2 (69441-4), date of death (81956-5), manner of death (69449-7, SNOMED CT) and the underlying cause (80358-5). 403 for organisations that read no medical copy (funeral homes, cemeteries, benefit and asset departments).")
            .Produces(StatusCodes.Status200OK, contentType: ExportFhirDocumentHandler.ContentType)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
