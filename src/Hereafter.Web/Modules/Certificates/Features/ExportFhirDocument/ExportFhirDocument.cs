using Hereafter.Domain.Certificates;
using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Certificates.Features.ExportFhirDocument;

/// <summary>
/// Exports a certificate as an HL7 FHIR R4 document Bundle shaped after the VRDR profiles, for the
/// health-statistics systems. The bundle carries the causes of death, so only organisations that read
/// a medical copy (copy 1: issuer and civil affairs; copy 2: police) may fetch it; every export is audited.
/// </summary>
public sealed class ExportFhirDocumentHandler(CertificateFinder finder, CertificateVersions versions, AuditLog audit, TimeProvider clock, LookupCertificate.CertificateLookups lookups)
{
    public async Task<string> ExportAsync(Actor actor, string number, FhirFormat format, CancellationToken ct)
    {
        var certificate = await lookups.FindAsync(actor, number, ct);
        var view = CertificateAccess.ViewFor(actor, certificate);
        if (view is not { } copy || copy is not (CertificateViewKind.Copy1 or CertificateViewKind.Copy2))
            throw ProblemException.Forbidden(new Message("certificates.fhir.medical-data-forbidden"));
        var version = await versions.CurrentAsync(certificate, ct);
        var issuer = await finder.OrganisationAsync(certificate.IssuerOrganisationId, ct);
        await audit.RecordAsync(actor, "certificate.read-fhir", $"certificate:{certificate.Number}", CertificateAccess.ReadPurpose(actor), copy.ToCode(), ct);
        var bundle = FhirDocumentBuilder.Build(new FhirDocumentSource(
            certificate.Number, certificate.CurrentVersion, certificate.Status, certificate.CertifiedAt,
            issuer.Name, issuer.CreditCode, CertificateJson.Deserialize<CertificateData>(version.DataJson), clock.GetUtcNow()) { IssuerType = issuer.Type });
        return FhirFormats.Serialize(bundle, format);
    }
}
