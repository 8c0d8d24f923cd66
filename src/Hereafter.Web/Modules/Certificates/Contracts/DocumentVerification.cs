namespace Hereafter.Web.Modules.Certificates.Contracts;

/// <summary>What a verification answer is about: absent for a death certificate, <c>cremation-certificate</c> for a 火化证明.</summary>
public static class VerifiedDocuments
{
    public const string CremationCertificate = "cremation-certificate";
}

/// <summary>
/// Answers a scanned 火化证明 QR code (token format 2, ADR 0029) for the public verification page and API. The
/// Certificates module checks the signature and asks this contract about the document the token names; the module that
/// issues 火化证明 (Custody) implements it, so Certificates depends on no other module.
/// </summary>
public interface ICremationCertificateVerification
{
    /// <summary>
    /// The masked answer for the 火化证明 with this id whose signed content digest is <paramref name="contentDigest"/> (16
    /// bytes), or null when there is none or the digest does not match. <paramref name="token"/> is the whole token: a
    /// paper replaced by a reissue carries an older token and is answered <c>superseded</c>.
    /// </summary>
    Task<VerificationResult?> VerifyAsync(Guid cremationCertificateId, byte[] contentDigest, string token, CancellationToken ct);
}

/// <summary>The public verification address a signed token is printed and encoded in a QR code under.</summary>
public interface IVerificationAddresses
{
    /// <summary><c>{public base URL}/verify/{token}</c>.</summary>
    string For(string token);
}
