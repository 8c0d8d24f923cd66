using Hereafter.Domain.Reconciliation;

namespace Hereafter.Domain.Family;

/// <summary>
/// Whether a citizen's verified identity is the certificate's family contact (its informant): the same name (spaces,
/// middle dots, full-width letters and case ignored) and the same phone (digits only; a +86 / 0086 prefix ignored).
/// Both must be written on the certificate: a certificate without an informant phone admits nobody at once.
/// </summary>
public static class FamilyContactMatch
{
    public static bool Matches(string citizenName, string citizenPhone, string? informantName, string? informantPhone)
    {
        var name = RollNormalisation.NormalizeName(informantName);
        var phone = Digits(informantPhone);
        return name.Length > 0 && phone.Length > 0
            && string.Equals(name, RollNormalisation.NormalizeName(citizenName), StringComparison.Ordinal)
            && string.Equals(phone, Digits(citizenPhone), StringComparison.Ordinal);
    }

    /// <summary>The phone's digits without China's country code (+86, 0086) in front of an 11-digit mobile number.</summary>
    public static string Digits(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) return digits[2..];
        if (digits.Length == 15 && digits.StartsWith("0086", StringComparison.Ordinal)) return digits[4..];
        return digits;
    }
}
