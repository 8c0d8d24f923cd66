namespace Hereafter.Domain.Identity;

/// <summary>
/// Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
/// alphabet (no I, O, S, V, Z), the last one a check character over the first 17.
/// </summary>
public static class CreditCode
{
    /// <summary>The code alphabet; a character's index is its value.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>True for an 18-character code with a correct check character. Trims; lower case is upper-cased.</summary>
    public static bool IsValid(string? code)
    {
        var text = code?.Trim().ToUpperInvariant();
        if (text is not { Length: 18 })
        {
            return false;
        }

        foreach (var c in text)
        {
            if (Alphabet.IndexOf(c) < 0)
            {
                return false;
            }
        }

        return ComputeCheckCharacter(text.AsSpan(0, 17)) == text[17];
    }

    /// <summary>The check character: 31 − (Σ value × weight mod 31), with 31 written as 0.</summary>
    /// <exception cref="ArgumentException">Not 17 characters of the alphabet.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Expected exactly 17 characters.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(char.ToUpperInvariant(first17[i]));
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a credit-code character.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }
}
