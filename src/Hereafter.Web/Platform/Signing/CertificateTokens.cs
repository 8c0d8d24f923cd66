using System.Buffers.Binary;
using System.Text;

namespace Hereafter.Web.Platform.Signing;

/// <summary>
/// What a QR token asserts: this document (a certificate version, or a 火化证明 for <see cref="CertificateTokens.CremationFormat"/>),
/// with this content digest, signed then. <see cref="Format"/> is the token's first byte and says which kind of document
/// <see cref="VersionId"/> names.
/// </summary>
public sealed record CertificateTokenPayload(Guid VersionId, byte[] ContentDigest /* 16 bytes */, DateTimeOffset SignedAt)
{
    public byte Format { get; init; } = CertificateTokens.Format;
}

/// <summary>The outcome of checking a token. <see cref="Reason"/> says why an invalid token failed.</summary>
public sealed record TokenCheck(bool Valid, string? KeyId, CertificateTokenPayload? Payload, string? Reason);

/// <summary>
/// Signed, compact QR payloads for certificates. Token = base64url (no padding) of
/// <c>[1 format][16 document id][8 key id][16 content digest][8 unix seconds, big-endian][64 SM2 r||s]</c>,
/// the signature covering the 49 bytes before it. 113 bytes, 151 characters; no personal data. Format 1 names a death
/// certificate's version; format 2 (ADR 0029) a 火化证明 issued by a funeral home; format 3 (ADR 0032) a memorial booking's
/// pass. The format byte is signed, so a token of one kind can never be passed off as another.
/// </summary>
public sealed class CertificateTokens(SigningKeyStore keys)
{
    /// <summary>A death certificate's version (居民死亡医学证明).</summary>
    public const byte Format = 1;
    /// <summary>A 火化证明 (cremation certificate) of the closed loop of remains.</summary>
    public const byte CremationFormat = 2;
    /// <summary>A memorial booking's pass (预约祭扫凭证, ADR 0032): the booking's id and a digest of what it admits.</summary>
    public const byte BookingPassFormat = 3;
    public const int DigestLength = 16;
    private const int SignedLength = 1 + 16 + 8 + DigestLength + 8;
    public const int TokenBytes = SignedLength + Sm2.SignatureLength;
    // DateTimeOffset.FromUnixTimeSeconds range.
    private const long MinUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>First 16 bytes of SM3 over the UTF-8 of the certificate's canonical content.</summary>
    public static byte[] Digest(string canonicalContent) => Sm2.Sm3(Encoding.UTF8.GetBytes(canonicalContent))[..DigestLength];

    public async Task<string> SignAsync(CertificateTokenPayload payload, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.ContentDigest is not { Length: DigestLength })
            throw new ArgumentException($"ContentDigest must be {DigestLength} bytes.", nameof(payload));
        if (payload.Format is not (Format or CremationFormat or BookingPassFormat))
            throw new ArgumentException($"Unknown token format {payload.Format}.", nameof(payload));
        var key = await keys.GetSigningKeyAsync(ct);

        var token = new byte[TokenBytes];
        var span = token.AsSpan();
        span[0] = payload.Format;
        payload.VersionId.TryWriteBytes(span.Slice(1, 16), bigEndian: true, out _);
        Convert.FromHexString(key.KeyId).CopyTo(span.Slice(17, 8));
        payload.ContentDigest.CopyTo(span.Slice(25, DigestLength));
        BinaryPrimitives.WriteInt64BigEndian(span.Slice(41, 8), payload.SignedAt.ToUnixTimeSeconds());
        Sm2.Sign(key.PrivateKey, span[..SignedLength]).CopyTo(span[SignedLength..]);
        return Base64Url.Encode(token);
    }

    /// <summary>Never throws for bad input: malformed, altered, unknown-key or forged tokens give Valid=false with a reason.</summary>
    public async Task<TokenCheck> VerifyAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token)) return Invalid("empty token");
        if (token.Length > 400) return Invalid("token too long");
        var bytes = Base64Url.Decode(token);
        if (bytes is null) return Invalid("not base64url");
        if (bytes.Length != TokenBytes) return Invalid($"wrong length {bytes.Length}, expected {TokenBytes} bytes");
        if (bytes[0] is not (Format or CremationFormat or BookingPassFormat)) return Invalid($"unknown format {bytes[0]}");

        var keyId = Convert.ToHexStringLower(bytes.AsSpan(17, 8));
        var seconds = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(41, 8));
        if (seconds is < MinUnixSeconds or > MaxUnixSeconds) return Invalid("time out of range", keyId);

        var publicKey = await keys.FindPublicKeyAsync(keyId, ct);
        if (publicKey is null) return Invalid("unknown signing key", keyId);
        if (!Sm2.Verify(publicKey, bytes.AsSpan(0, SignedLength), bytes[SignedLength..]))
            return Invalid("bad signature", keyId);

        var payload = new CertificateTokenPayload(
            new Guid(bytes.AsSpan(1, 16), bigEndian: true),
            bytes[25..(25 + DigestLength)],
            DateTimeOffset.FromUnixTimeSeconds(seconds)) { Format = bytes[0] };
        return new TokenCheck(true, keyId, payload, null);
    }

    private static TokenCheck Invalid(string reason, string? keyId = null) => new(false, keyId, null, reason);
}

/// <summary>Strict base64url without padding: only the canonical encoding of some bytes is accepted,
/// so every changed character changes the bytes.</summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[]? Decode(string text)
    {
        if (text.Length % 4 == 1) return null;
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_')) return null;
        }
        var standard = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(standard);
        }
        catch (FormatException)
        {
            return null;
        }
        // Reject non-zero trailing bits: they would decode to the same bytes.
        return Encode(bytes) == text ? bytes : null;
    }
}
