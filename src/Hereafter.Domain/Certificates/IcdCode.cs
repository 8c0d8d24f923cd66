namespace Hereafter.Domain.Certificates;

/// <summary>ICD-10 code format as written on the certificate: a letter, two digits, optionally a dot and one or two characters.</summary>
public static class IcdCode
{
    /// <summary>
    /// Trims and upper-cases <paramref name="input"/>; true when it is <c>R99</c>, <c>I21.9</c> or
    /// <c>J96.00</c> shaped. A subcategory without its dot (<c>I219</c>) is rejected rather than guessed.
    /// </summary>
    public static bool TryNormalize(string? input, out string code)
    {
        code = "";
        var text = input?.Trim().ToUpperInvariant();
        if (text is null || text.Length is not (3 or 5 or 6))
        {
            return false;
        }

        if (!char.IsAsciiLetterUpper(text[0]) || !char.IsAsciiDigit(text[1]) || !char.IsAsciiDigit(text[2]))
        {
            return false;
        }

        if (text.Length > 3)
        {
            if (text[3] != '.')
            {
                return false;
            }

            for (var i = 4; i < text.Length; i++)
            {
                if (!char.IsAsciiDigit(text[i]) && !char.IsAsciiLetterUpper(text[i]))
                {
                    return false;
                }
            }
        }

        code = text;
        return true;
    }
}
