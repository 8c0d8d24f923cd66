using Hereafter.Domain.Certificates;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Certificates.Features.LookupCertificate;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Certificates.Features.PrintCertificate;

/// <summary>Prints a copy (联) of a certificate as PDF, within the copies the caller's organisation may print; audited.</summary>
public sealed class PrintCertificateHandler(
    CertificateFinder finder, CertificateVersions versions, VerificationLinks links, AuditLog audit, CertificateLookups lookups)
{
    public async Task<(byte[] Pdf, string FileName)> HandleAsync(Actor actor, string number, int? copy, CancellationToken ct) =>
        await PrintAsync(actor, await lookups.FindAsync(actor, number, ct), copy, ct);

    /// <summary>The print of the certificate with this opaque id (the pages' download links).</summary>
    public async Task<(byte[] Pdf, string FileName)> HandleAsync(Actor actor, Guid id, int? copy, CancellationToken ct) =>
        await PrintAsync(actor, await lookups.FindAsync(actor, id, ct), copy, ct);

    /// <summary>
    /// The downloaded file's name: the document, the first 8 characters of the certificate's opaque id and the copy,
    /// never its number (usually the deceased's citizen ID, which would land in download folders).
    /// </summary>
    public static string FileName(Guid certificateId, int copy)
    {
        var shortId = certificateId.ToString("N")[..8];
        return Texts.IsEnglish
            ? $"death-certificate-{shortId}-copy{copy}.pdf"
            : $"死亡医学证明-{shortId}-第{"一二三四"[copy - 1]}联.pdf";
    }

    private async Task<(byte[] Pdf, string FileName)> PrintAsync(Actor actor, Certificate certificate, int? copy, CancellationToken ct)
    {
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
        return (CertificatePdf.Render(model), FileName(certificate.Id, chosen));
    }
}
