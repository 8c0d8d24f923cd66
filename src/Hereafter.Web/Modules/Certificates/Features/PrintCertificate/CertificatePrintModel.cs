using Hereafter.Domain.Certificates;

namespace Hereafter.Web.Modules.Certificates.Features.PrintCertificate;

/// <summary>Everything one printed copy (联) of a certificate version shows.</summary>
/// <param name="Status">A <see cref="PrintedVersionStatus"/> code: <c>issued</c>, <c>superseded</c> or <c>revoked</c>.</param>
/// <param name="CertifiedAt">Any offset: printed as its China (Asia/Shanghai) date, the date of the legal document.</param>
/// <param name="Copy">1 stub, 2 police, 3 family, 4 funeral home (no medical content).</param>
/// <param name="VerificationUrl">Public verification address carrying the signed token; encoded in the QR code.</param>
public sealed record CertificatePrintModel(
    string Number,
    int Version,
    string Status,
    string IssuerName,
    string IssuerRegionCode,
    DateTimeOffset CertifiedAt,
    int Copy,
    bool Reissued,
    string VerificationUrl,
    CertificateData Data,
    int? AgeYears);
