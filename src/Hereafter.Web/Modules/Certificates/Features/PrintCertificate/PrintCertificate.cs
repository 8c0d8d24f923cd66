using Hereafter.Domain.Certificates;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Certificates.Features.LookupCertificate;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Certificates.Features.PrintCertificate;

/// <summary>Prints a copy (联) of a certificate as PDF, within the copies the caller's organisation may print; audited.</summary>
public sealed class PrintCertificateHandler(
    CertificateFinder finder, CertificateVersions versions, VerificationLinks links, AuditLog audit, CertificateLookups lookups)
{
    public async Task<(byte[] Pdf, string FileName)> HandleAsync(Actor actor, string number, int? copy, CancellationToken ct)
    {
        var certificate = await lookups.FindAsync(actor, number, ct);
        var printable = CertificateAccess.PrintableCopies(actor, certificate);
        var chosen = copy ?? printable.FirstOrDefault();
        if (chosen is < 1 or > 4)
            throw new FieldValidationException("copy", new Message("certificates.print.copy-out-of-range"));
        if (!printable.Contains(chosen))
            throw ProblemException.Forbidden(new Message("certificates.print.copy-forbidden").With("copy", chosen));
        if (certificate.Status is not (CertificateStatus.Issued or CertificateStatus.Revoked))
            throw ProblemException.Conflict(new Message("certificates.print.not-printable").With("status", certificate.Status.ToCode()));
        var version = await versions.CurrentAsync(certificate, ct);
        var issuer = await finder.OrganisationAsync(certificate.IssuerOrganisationId, ct);
        await audit.RecordAsync(actor, "certificate.print", $"certificate:{certificate.Number}", CertificateAccess.ReadPurpose(actor), $"copy {chosen}", ct);
        var model = new CertificatePrintModel(certificate.Number, certificate.CurrentVersion,
            certificate.Status.ToCode(), issuer.Name, issuer.RegionCode, certificate.CertifiedAt, chosen, certificate.ReissueCount > 0,
            version.Token is null ? "" : links.For(version.Token),
            CertificateJson.Deserialize<CertificateData>(version.DataJson), version.AgeYears);
        return (CertificatePdf.Render(model), $"certificate-{certificate.Number}-copy{chosen}.pdf");
    }
}
