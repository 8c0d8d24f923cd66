namespace Hereafter.Web.Modules.Certificates.Data;

/// <summary>An entry of a certificate's history; stored and served as its kebab-case code (<c>held-for-review</c>, …).</summary>
public enum CertificateActionKind
{
    Issued,
    HeldForReview,
    ReviewIssued,
    ReviewRejected,
    Corrected,
    Reissued,
    Revoked,
}
