using System.Security.Cryptography;
using System.Text;
using Hereafter.Domain.Messages;

namespace Hereafter.Web.Modules.Sharing.Features.DeliverWebhooks;

/// <summary>
/// Subscription secrets and signatures as the Standard Webhooks specification (standardwebhooks.com) defines them,
/// so that a department verifies a delivery with a reference library instead of a recipe of ours: the secret is
/// <c>whsec_</c> + base64 of random bytes, the key is those bytes, and <c>webhook-signature</c> is
/// <c>v1,</c> + base64 HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{raw body}</c>. The id and the
/// timestamp are signed with the body, so a captured delivery cannot be replayed later (receivers reject
/// timestamps more than five minutes from their clock) nor under another id.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";
    public const int MinSecretBytes = 24;
    public const int MaxSecretBytes = 64;
    /// <summary>The size of a generated secret's key.</summary>
    public const int GeneratedSecretBytes = 32;

    public static Message SecretRule => new Message("sharing.subscription.secret-invalid");

    /// <summary>A new secret: <c>whsec_</c> + standard base64 of 32 random bytes.</summary>
    public static string GenerateSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedSecretBytes));

    /// <summary>True when <paramref name="secret"/> is <c>whsec_</c> + canonical base64 of 24 to 64 bytes.</summary>
    public static bool IsValidSecret(string? secret) => secret is not null && TryKey(secret, out _);

    /// <summary>
    /// The HMAC key of a stored secret. A secret stored before secrets had the Standard Webhooks form (any string
    /// of 16 to 256 characters) is keyed by its UTF-8 bytes, as it was then.
    /// </summary>
    public static byte[] SigningKey(string secret) => TryKey(secret, out var key) ? key : Encoding.UTF8.GetBytes(secret);

    /// <summary><c>v1,</c> + base64 HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>.</summary>
    public static string Sign(byte[] key, string id, long timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes(FormattableString.Invariant($"{id}.{timestamp}."));
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed, prefix.Length);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>
    /// Deprecated <c>X-Hereafter-Signature</c>, kept for one release: <c>sha256=</c> + lowercase hex HMAC-SHA256 of
    /// the raw body alone, keyed by the secret string's UTF-8 bytes. It does not cover the timestamp (replayable).
    /// </summary>
    public static string LegacySign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static bool TryKey(string secret, out byte[] key)
    {
        key = [];
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal)) return false;
        var encoded = secret.AsSpan(SecretPrefix.Length);
        // Canonical base64 only (no whitespace, padding present): what every reference library decodes alike.
        if (encoded.Length == 0 || encoded.Length % 4 != 0 || encoded.ContainsAnyExcept(Base64Characters)) return false;
        var buffer = new byte[MaxSecretBytes + 3];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var written) || written is < MinSecretBytes or > MaxSecretBytes) return false;
        if (Convert.ToBase64String(buffer, 0, written).AsSpan().SequenceEqual(encoded) is false) return false;
        key = buffer[..written];
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> Base64Characters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");
}
