using Hereafter.Domain.Identity;

namespace Hereafter.Domain.Reconciliation;

/// <summary>
/// Rule 1 of the reconciliation: how IDs and names from a roll and from the death register are made
/// comparable. The same functions serve both sides, so a person written differently in two old systems
/// still meets.
/// </summary>
public static class RollNormalisation
{
    /// <summary>
    /// Trims; removes all whitespace and hyphens; folds full-width ASCII (U+FF01–U+FF5E); upper-cases x;
    /// converts a 15-digit legacy number to 18 characters. Identical to <see cref="IdNumber.Normalize"/>.
    /// </summary>
    public static string NormalizeId(string? raw) => IdNumber.Normalize(raw);

    /// <summary>
    /// Removes all whitespace (including the ideographic space U+3000) and the middle dots
    /// <c>·</c> <c>・</c> <c>•</c> <c>‧</c> <c>･</c>; folds full-width Latin letters to ASCII and upper-cases
    /// letters, so that Latin letters compare case-insensitively.
    /// </summary>
    public static string NormalizeName(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        var buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        var length = NormalizeName(raw, buffer);
        return new string(buffer[..length]);
    }

    /// <summary>True when <paramref name="id"/> (already normalised) is 17 digits followed by a digit or X.</summary>
    public static bool IsWellFormedId(ReadOnlySpan<char> id)
    {
        if (id.Length != 18)
        {
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return false;
            }
        }

        return char.IsAsciiDigit(id[17]) || id[17] == 'X';
    }

    /// <summary>Writes the normalised name into <paramref name="destination"/> (at least as long as the input) and returns its length.</summary>
    internal static int NormalizeName(ReadOnlySpan<char> raw, Span<char> destination)
    {
        var length = 0;
        foreach (var original in raw)
        {
            var c = original;
            if (c < 0x80)
            {
                if (c <= ' ')
                {
                    if (char.IsWhiteSpace(c))
                    {
                        continue;
                    }
                }
                else if (c is >= 'a' and <= 'z')
                {
                    c = (char)(c - 32);
                }

                destination[length++] = c;
                continue;
            }

            if (c is '\u00B7' or '\u30FB' or '\u2022' or '\u2027' or '\uFF65' or '\u3000')
            {
                continue;
            }

            if (c is >= '\u2E80' and < '\uA640')
            {
                // CJK and its punctuation: no letter case and (apart from U+3000, above) no whitespace,
                // so the common Chinese name skips the Unicode tables
                destination[length++] = c;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c is >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A')
            {
                c = (char)(c - 0xFEE0);
            }

            destination[length++] = char.ToUpperInvariant(c);
        }

        return length;
    }

    /// <summary>
    /// The span form of <see cref="NormalizeId"/>: writes at most <paramref name="destination"/>.Length characters
    /// and returns the normalised length, or -1 when the result would be longer than the destination
    /// (such an ID cannot be valid anyway).
    /// </summary>
    internal static int NormalizeId(ReadOnlySpan<char> raw, Span<char> destination)
    {
        var length = 0;
        foreach (var original in raw)
        {
            var c = original is >= '\uFF01' and <= '\uFF5E' ? (char)(original - 0xFEE0) : original;
            if (c is >= '0' and <= '9' or 'X')
            {
                // the common case: no cleaning needed
            }
            else if (c == 'x')
            {
                c = 'X';
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212')
            {
                continue;
            }

            if (length == destination.Length)
            {
                return -1;
            }

            destination[length++] = c;
        }

        if (length == 15 && destination.Length >= 18 && AllDigits(destination[..15]))
        {
            destination.Slice(6, 9).CopyTo(destination.Slice(8, 9));
            destination[6] = '1';
            destination[7] = '9';
            destination[17] = IdNumber.ComputeCheckCharacter(destination[..17]);
            return 18;
        }

        return length;
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

/// <summary>
/// An 18-character ID (17 digits and a check character 0–9 or X) packed into one 64-bit number:
/// the 17 digits as an integer times 11 plus the check value (X = 10). 10^17 × 11 &lt; 2^63, so the
/// mapping is exact and the ID index needs no strings.
/// </summary>
internal static class IdKey
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Packs a well-formed ID; <paramref name="checkOk"/> tells whether its check character is right.</summary>
    public static long Pack(ReadOnlySpan<char> id, out bool checkOk)
    {
        long value = 0;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var d = id[i] - '0';
            value = value * 10 + d;
            sum += d * Weights[i];
        }

        var check = id[17] == 'X' ? 10 : id[17] - '0';
        // "10X98765432"[sum % 11] expressed as a value: position k holds (12 - k) % 11.
        checkOk = (12 - sum % 11) % 11 == check;
        return value * 11 + check;
    }

    /// <summary>The 18 digit values (check: 0–10).</summary>
    public static void Digits(long key, Span<byte> digits)
    {
        digits[17] = (byte)(key % 11);
        var value = key / 11;
        for (var i = 16; i >= 0; i--)
        {
            digits[i] = (byte)(value % 10);
            value /= 10;
        }
    }

    public static string ToId(long key)
    {
        Span<byte> digits = stackalloc byte[18];
        Digits(key, digits);
        Span<char> chars = stackalloc char[18];
        for (var i = 0; i < 18; i++)
        {
            chars[i] = digits[i] == 10 ? 'X' : (char)('0' + digits[i]);
        }

        return new string(chars);
    }

    /// <summary>Rule 4(b): the IDs differ in exactly one character, or by one swap of adjacent (different) characters.</summary>
    public static bool IsNear(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var first = -1;
        var differences = 0;
        for (var i = 0; i < 18; i++)
        {
            if (a[i] != b[i])
            {
                if (++differences > 2)
                {
                    return false;
                }

                if (first < 0)
                {
                    first = i;
                }
            }
        }

        return differences == 1
            || (differences == 2 && first < 17 && a[first + 1] != b[first + 1]
                && a[first] == b[first + 1] && a[first + 1] == b[first]);
    }
}
