namespace Hereafter.Web.Modules.Certificates.Contracts;

/// <summary>Whether a presented certificate may be acted on (接运、火化、安葬 rest on an active one).</summary>
public enum CertificateStandingStatus
{
    /// <summary>Issued, not revoked, and (for a scanned QR code) the current version.</summary>
    Active,
    /// <summary>A scanned QR code of an older version of a corrected certificate: ask for the current paper.</summary>
    Superseded,
    Revoked,
    /// <summary>Held for duplicate review or rejected as a duplicate: not (yet) a certificate.</summary>
    NotIssued,
}

/// <summary>
/// A death certificate as the closed loop of remains needs it: who the person is, when they died, and whether the
/// certificate stands. Full personal data: the caller holds the body or the ashes, masks in lists and audits reads.
/// </summary>
/// <param name="Number">The current number (the citizen ID, or the issuer's number for an unidentified body).</param>
/// <param name="IdNumber">The deceased's citizen ID, when the certificate carries one.</param>
/// <param name="Sex">性别 as coded on the certificate.</param>
public sealed record CertificateStanding(
    Guid CertificateId, string Number, CertificateStandingStatus Status, string DecedentName, string Sex, string? IdNumber,
    DateTimeOffset DeathAt, string? HouseholdAddress, string IssuerName, string? RevocationReason);

/// <summary>Finds a presented certificate by the number typed at a counter or by the QR code scanned from it.</summary>
public interface ICertificateStandings
{
    /// <summary>The certificate with this number (the active one, else the latest), or null when there is none.</summary>
    Task<CertificateStanding?> ByNumberAsync(string number, CancellationToken ct);

    /// <summary>
    /// The certificate a scanned QR code names: the token alone, or the whole verification URL ending in it. Null when
    /// the token does not verify (malformed, altered, unknown key or forged).
    /// </summary>
    Task<CertificateStanding?> ByScanAsync(string scanned, CancellationToken ct);

    /// <summary>The certificate with this id, or null.</summary>
    Task<CertificateStanding?> ByIdAsync(Guid certificateId, CancellationToken ct);
}
