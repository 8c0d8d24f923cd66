using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Errors;
using Microsoft.Net.Http.Headers;

namespace Hereafter.Web.Modules.Certificates.Features.ExportFhirDocument;

public static class ExportFhirDocumentEndpoint
{
    public static RouteGroupBuilder MapExportFhirDocument(this RouteGroupBuilder api)
    {
        api.MapGet("/{number}/fhir", async (string number, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "_format")] string? format, HttpContext http,
                ExportFhirDocumentHandler handler, CancellationToken ct) =>
            {
                // Negotiated before anything is read: a request that takes neither format reads no personal data.
                var chosen = FhirFormats.Negotiate(format, http.Request.Headers.Accept.OfType<string>().ToList())
                    ?? throw ProblemException.NotAcceptable(new Message("certificates.fhir.format-not-acceptable"));
                http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
                return Results.Text(await handler.ExportAsync(Actor.Require(http), number, chosen, ct), FhirFormats.ContentType(chosen));
            })
            .WithSummary("The certificate as an HL7 FHIR R4 document Bundle shaped after the VRDR profiles, in JSON or XML (copy 1 and copy 2 readers only); every export is audited")
            .WithDescription("""
                A document Bundle (meta.profile vrdr-death-certificate-document): the Composition (LOINC 64297-5, its event the death certification) first, then the decedent Patient (deceasedBoolean true; family and given names, Chinese family name first; a data-absent name for an unidentified body), the certifier Practitioner, the issuing Organization, the DeathCertification Procedure (SNOMED CT 308646001) and the VRDR Observations: cause of death part 1 per line (69453-9, ICD-10, VRDR component lineNumber, interval 69440-6 in UCUM or data-absent), one part 2 observation (69441-4), date of death (81956-5), manner of death (69449-7, SNOMED CT) and the underlying cause (80358-5). Every resource but the Organization names its VRDR profile in meta.profile; a revoked certificate's document and observations are entered-in-error. docs/fhir.md describes the document.
                Format: the _format parameter (json, xml, or a media type) wins over Accept; application/fhir+json (the default, also for application/json and */*) or application/fhir+xml (also application/xml and text/xml); 406 when neither is acceptable or another fhirVersion is asked for.
                403 for organisations that read no medical copy (funeral homes, cemeteries, benefit and asset departments).
                """)
            .Produces(StatusCodes.Status200OK, contentType: FhirFormats.JsonContentType, additionalContentTypes: FhirFormats.XmlContentType)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);

        return api;
    }
}
