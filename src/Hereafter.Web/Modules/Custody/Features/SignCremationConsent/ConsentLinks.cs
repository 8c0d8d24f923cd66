using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Hereafter.Web.Modules.Custody.Features.SignCremationConsent;

/// <summary>
/// The link (and QR code) a funeral home shows the person in charge so they can sign the 遗体火化确认书 on their own phone
/// (ADR 0029): a code sealed with the platform's data-protection keys (shared by every node) holding only the record's
/// opaque id and when the code expires. No ID number or name is in it; it cannot be made up or changed, and a code for
/// one record opens no other. Whoever holds it may only sign as themselves: the page takes name and ID from their
/// real-name sign-in.
/// </summary>
public sealed class ConsentLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>How long a shown code may be used: long enough to sign in and sign at the counter, short enough not to linger.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly IDataProtector _protector = protection.CreateProtector("Hereafter.Custody.CremationConsentLink.v1");

    public string CodeFor(Guid custodyId)
    {
        var payload = new byte[24];
        custodyId.TryWriteBytes(payload.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds());
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    /// <summary>The record a code names, or null when it is malformed, forged, of another purpose or expired.</summary>
    public Guid? Read(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 400) return null;
        try
        {
            var payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(code));
            if (payload.Length != 24) return null;
            var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16)));
            return expires < clock.GetUtcNow() ? null : new Guid(payload.AsSpan(0, 16));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
