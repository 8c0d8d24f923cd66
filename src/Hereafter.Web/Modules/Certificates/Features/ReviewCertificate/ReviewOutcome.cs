namespace Hereafter.Web.Modules.Certificates.Features.ReviewCertificate;

/// <summary>The supervisor's decision on a held certificate; sent as <c>issue</c> or <c>reject</c>.</summary>
public enum ReviewOutcome
{
    /// <summary>A different person: the certificate is issued and signed now.</summary>
    Issue,
    /// <summary>The same person: the certificate is never issued.</summary>
    Reject,
}
