namespace Hereafter.Domain.Reconciliation;

/// <summary>Span parsers for the roll's values (rule 2), allocation-free because they run once per row.</summary>
internal static class RollValues
{
    /// <summary>All ASCII digits (at least one) as a non-negative integer; at most 9 digits.</summary>
    public static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 9)
        {
            return false;
        }

        foreach (var c in text)
        {
            var d = c - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = value * 10 + d;
        }

        return true;
    }

    /// <summary>
    /// A non-negative decimal with at most two decimals, as fen: <c>1234</c>, <c>1234.5</c>, <c>1234.50</c>,
    /// <c>1,234.50</c> (thousands separators only in groups of three). No sign, exponent, NaN or infinity;
    /// at most 15 integer digits. Surrounding whitespace is ignored.
    /// </summary>
    public static bool TryParseAmount(ReadOnlySpan<char> text, out long fen)
    {
        fen = 0;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        var dot = text.IndexOf('.');
        var integer = dot < 0 ? text : text[..dot];
        if (integer.IsEmpty)
        {
            return false;
        }

        long units = 0;
        var digits = 0;
        var groupLength = -1; // digits since the last comma; -1 while no comma has been seen
        foreach (var c in integer)
        {
            if (c == ',')
            {
                // the first group has 1–3 digits, every later one exactly 3
                if (digits == 0 || (groupLength < 0 ? digits > 3 : groupLength != 3))
                {
                    return false;
                }

                groupLength = 0;
                continue;
            }

            var d = c - '0';
            if ((uint)d > 9 || ++digits > 15)
            {
                return false;
            }

            units = units * 10 + d;
            if (groupLength >= 0)
            {
                groupLength++;
            }
        }

        if (groupLength >= 0 && groupLength != 3)
        {
            return false;
        }

        long cents = 0;
        if (dot >= 0)
        {
            var fraction = text[(dot + 1)..];
            if (fraction.Length is < 1 or > 2)
            {
                return false;
            }

            foreach (var c in fraction)
            {
                var d = c - '0';
                if ((uint)d > 9)
                {
                    return false;
                }

                cents = cents * 10 + d;
            }

            if (fraction.Length == 1)
            {
                cents *= 10;
            }
        }

        fen = units * 100 + cents;
        return true;
    }

    /// <summary>A calendar date <c>YYYY-MM-DD</c>, <c>YYYY/MM/DD</c> or <c>YYYYMMDD</c> (whitespace ignored), as yyyymmdd.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out int yyyymmdd)
    {
        yyyymmdd = 0;
        text = text.Trim();
        int year, month, day;
        if (text.Length == 10 && text[4] is '-' or '/' && text[7] == text[4])
        {
            if (!Digits(text[..4], out year) || !Digits(text.Slice(5, 2), out month) || !Digits(text.Slice(8, 2), out day))
            {
                return false;
            }
        }
        else if (text.Length == 8)
        {
            if (!Digits(text[..4], out year) || !Digits(text.Slice(4, 2), out month) || !Digits(text.Slice(6, 2), out day))
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        yyyymmdd = year * 10000 + month * 100 + day;
        return true;
    }

    public static DateOnly ToDate(int yyyymmdd) => new(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);

    public static int FromDate(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    /// <summary>Rule 4(c) fallback: the birth date in digits 7–14 of a normalised 18-character ID, or 0.</summary>
    public static int BirthFromId(ReadOnlySpan<char> id) =>
        id.Length == 18 && TryParseDate(id.Slice(6, 8), out var date) ? date : 0;
}
