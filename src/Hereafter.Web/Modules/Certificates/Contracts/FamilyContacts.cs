namespace Hereafter.Web.Modules.Certificates.Contracts;

/// <summary>
/// An active certificate as the family portal may see it when a citizen claims the case: the deceased's name and the
/// family contact (the informant, 家属联系人) the certificate names. No cause of death, no other personal data.
/// </summary>
/// <param name="Number">The certificate number as stored (normalised).</param>
/// <param name="InformantName">The informant's name as written on the certificate, if any.</param>
/// <param name="InformantPhone">The informant's phone as written on the certificate, if any.</param>
public sealed record CertificateFamilyContact(Guid CertificateId, string Number, string DecedentName, string? InformantName, string? InformantPhone);

/// <summary>Finds active certificates for the family portal. Callers audit the read themselves: they know the purpose.</summary>
public interface ICertificateFamilyContacts
{
    /// <summary>
    /// The active (issued, not revoked, not superseded by a newer certificate) certificate with this number whose
    /// deceased has this name, or null when either does not match (the caller cannot tell which). Spaces, middle dots,
    /// full-width letters and digits and letter case are ignored on both.
    /// </summary>
    Task<CertificateFamilyContact?> FindActiveAsync(string certificateNumber, string decedentName, CancellationToken ct);
}
