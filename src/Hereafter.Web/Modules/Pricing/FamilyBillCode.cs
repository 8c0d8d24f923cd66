using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Hereafter.Web.Modules.Pricing;

/// <summary>
/// The family's access code to a bill: 128 random bits, base64url (22 characters). Only its SHA-256 is stored, like
/// API client secrets, so a database reader cannot open bills; the code is shown once, when the bill is issued.
/// </summary>
public static class FamilyBillCode
{
    public const int Length = 22;

    public static (string Code, string Hash) New()
    {
        var code = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        return (code, Hash(code));
    }

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    public static string Url(string code) => "/bills/" + code;

    /// <summary>22 base64url characters: anything else cannot be a code (and is not looked up).</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_');
}
