namespace Hereafter.Web.Modules.Certificates.Features.VerifyCertificate;

/// <summary>The public answer to a scanned QR token; served as its code (<c>valid</c>, <c>superseded</c>, <c>revoked</c>, <c>invalid</c>).</summary>
public enum VerificationStatus
{
    /// <summary>Signed by the issuer, unchanged, in force.</summary>
    Valid,
    /// <summary>An older version of a corrected certificate.</summary>
    Superseded,
    Revoked,
    /// <summary>A 火化证明 written off (注销) when the ashes were placed: it proves the cremation and cannot be used again.</summary>
    WrittenOff,
    /// <summary>Forged, altered, unknown or never issued.</summary>
    Invalid,
    /// <summary>A lookup by number and name found no certificate (or the name did not match): never a QR answer.</summary>
    NotFound,
}
