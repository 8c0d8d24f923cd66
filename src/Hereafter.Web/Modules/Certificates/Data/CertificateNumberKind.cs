namespace Hereafter.Web.Modules.Certificates.Data;

/// <summary>
/// What the certificate number is; stored as <c>citizen-id</c>, <c>passport</c>, <c>other</c> or <c>unidentified</c>,
/// the codes of <c>NormalizedCertificate.NumberKind</c>.
/// </summary>
public enum CertificateNumberKind
{
    CitizenId,
    Passport,
    /// <summary>Another ID document.</summary>
    Other,
    /// <summary>No ID at all: the issuer's credit code and a yearly serial.</summary>
    Unidentified,
}
