namespace Hereafter.Web.Modules.Certificates.Data;

/// <summary>Where a certificate stands; stored and served as its kebab-case code (<c>issued</c>, <c>pending-review</c>, …).</summary>
public enum CertificateStatus
{
    Issued,
    /// <summary>Held because it may duplicate another person's certificate (DOMAIN §3).</summary>
    PendingReview,
    Revoked,
    /// <summary>A held certificate the reviewer found to be a duplicate: never issued.</summary>
    Rejected,
}
