using Hereafter.Domain.Certificates;

namespace Hereafter.Web.Modules.Certificates.Contracts;

/// <summary>Integration events the Certificates module writes to the outbox (same transaction as the change).</summary>
public static class CertificateEventTypes
{
    public const string Issued = "certificates.issued";
    public const string Corrected = "certificates.corrected";
    public const string Revoked = "certificates.revoked";

    /// <summary>
    /// The outbox ordering key of a certificate's events: they are handled in the order they committed.
    /// Another module's event about the same certificate (e.g. a benefit stop) uses it to come after them.
    /// </summary>
    public static string OrderingKey(Guid certificateId) => $"certificate:{certificateId}";
}

/// <summary>
/// A certificate became issued, was corrected or was revoked. Carries the full content: receiving
/// modules decide what each department may see.
/// </summary>
public sealed record CertificateChanged(
    Guid CertificateId, string Number, string? PreviousNumber, int Version, string Status,
    Guid IssuerOrganisationId, string IssuerName, DateTimeOffset CertifiedAt, CertificateData Data, string? Reason);

/// <summary>Reads a certificate's current content for other modules (e.g. to tell a department added later).</summary>
public interface ICertificateContent
{
    /// <summary>The certificate as of its current version, or null when there is none with this id.</summary>
    Task<CertificateChanged?> CurrentAsync(Guid certificateId, CancellationToken ct);
}
