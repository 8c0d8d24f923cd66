using System.Globalization;
using System.Text;

namespace Hereafter.Domain.Identity;

/// <summary>
/// A citizen ID number (公民身份号码, GB 11643-1999): 6-digit region code (GB/T 2260), 8-digit birth date,
/// 3-digit sequence (odd = male, even = female) and an ISO 7064 MOD 11-2 check character (0–9 or X).
/// Always holds the 18-character form; 15-digit legacy numbers are converted when parsed.
/// </summary>
public readonly record struct IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly EarliestBirth = new(1880, 1, 1);

    private IdNumber(string value, bool wasConverted)
    {
        Value = value;
        WasConverted = wasConverted;
    }

    /// <summary>The 18-character number with an upper-case X.</summary>
    public string Value { get; }

    /// <summary>True when the number was given in the 15-digit legacy form and converted.</summary>
    public bool WasConverted { get; }

    /// <summary>The 6-digit administrative-division code of the place of first registration.</summary>
    public string RegionCode => Value[..6];

    public DateOnly BirthDate =>
        DateOnly.ParseExact(Value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>"1" male when the 17th digit is odd, "2" female when it is even (form sex codes).</summary>
    public string Sex => (Value[16] - '0') % 2 == 1 ? "1" : "2";

    public override string ToString() => Value ?? "";

    /// <summary>Parses with today taken from the system clock's China date, one day of tolerance for clock skew.</summary>
    public static bool TryParse(string? input, out IdNumber id, out IdNumberError error) =>
        TryParse(input, Time.ChinaTime.Today(TimeProvider.System).AddDays(1), out id, out error);

    /// <summary>
    /// Parses an 18-character or 15-digit legacy number. Surrounding whitespace is ignored and a
    /// lower-case x accepted; nothing else is cleaned (use <see cref="Normalize"/> for messy rolls).
    /// The birth date must be a real date between 1880-01-01 and <paramref name="today"/>.
    /// </summary>
    public static bool TryParse(string? input, DateOnly today, out IdNumber id, out IdNumberError error)
    {
        id = default;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = IdNumberError.Missing;
            return false;
        }

        if (text.Length is not (15 or 18))
        {
            error = IdNumberError.BadLength;
            return false;
        }

        var converted = text.Length == 15;
        if (!AllDigits(text.AsSpan(0, converted ? 15 : 17))
            || (!converted && !(char.IsAsciiDigit(text[17]) || text[17] is 'X' or 'x')))
        {
            error = IdNumberError.BadCharacters;
            return false;
        }

        var value = converted ? ConvertLegacy(text) : text.ToUpperInvariant();

        if (!RegionCodes.Exists(value[..6]))
        {
            error = IdNumberError.UnknownRegion;
            return false;
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth < EarliestBirth || birth > today)
        {
            error = IdNumberError.BadBirthDate;
            return false;
        }

        if (ComputeCheckCharacter(value.AsSpan(0, 17)) != value[17])
        {
            error = IdNumberError.WrongCheckCharacter;
            return false;
        }

        id = new IdNumber(value, converted);
        error = IdNumberError.None;
        return true;
    }

    /// <summary>ISO 7064 MOD 11-2 check character over the first 17 digits.</summary>
    /// <exception cref="ArgumentException">Not exactly 17 ASCII digits.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17 || !AllDigits(first17))
        {
            throw new ArgumentException("Expected exactly 17 digits.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>
    /// Converts a 15-digit legacy number (issued before 1999, two-digit birth year in the 1900s) to
    /// 18 characters: "19" is inserted after the region code and the check character appended.
    /// </summary>
    /// <exception cref="ArgumentException">Not exactly 15 ASCII digits.</exception>
    public static string ConvertLegacy(string fifteenDigits)
    {
        ArgumentNullException.ThrowIfNull(fifteenDigits);
        if (fifteenDigits.Length != 15 || !AllDigits(fifteenDigits))
        {
            throw new ArgumentException("Expected exactly 15 digits.", nameof(fifteenDigits));
        }

        var first17 = string.Concat(fifteenDigits.AsSpan(0, 6), "19", fifteenDigits.AsSpan(6));
        return first17 + ComputeCheckCharacter(first17);
    }

    /// <summary>
    /// Cleans a number from a government roll without judging it: trims; removes all whitespace
    /// (including the ideographic space U+3000) and hyphens; folds full-width ASCII (U+FF01–U+FF5E)
    /// to ASCII; upper-cases x; converts a 15-digit all-digit result to 18 characters.
    /// The result may still be invalid; parse it with <see cref="TryParse(string?, out IdNumber, out IdNumberError)"/>.
    /// </summary>
    public static string Normalize(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        var builder = new StringBuilder(raw.Length);
        foreach (var original in raw)
        {
            var c = original is >= '\uFF01' and <= '\uFF5E' ? (char)(original - 0xFEE0) : original;
            if (char.IsWhiteSpace(c) || c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212')
            {
                continue;
            }

            builder.Append(c == 'x' ? 'X' : c);
        }

        var result = builder.ToString();
        return result.Length == 15 && AllDigits(result) ? ConvertLegacy(result) : result;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
