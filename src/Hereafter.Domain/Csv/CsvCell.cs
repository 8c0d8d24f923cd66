namespace Hereafter.Domain.Csv;

/// <summary>
/// Text cells of a CSV file served for download. A spreadsheet opening the file runs a cell that starts with
/// <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> as a formula (a roll's name <c>=HYPERLINK(...)</c> would become a link that
/// sends data away, or worse); tab and carriage return let such a cell slip past trimming. Such a text cell is
/// written with a leading <c>'</c>, which spreadsheets show as text (OWASP "CSV injection"). Amount and count columns
/// are not text cells: they are written as numbers, so a negative amount stays <c>-12.50</c>.
/// </summary>
public static class CsvCell
{
    /// <summary>Whether a text cell would be taken for a formula.</summary>
    public static bool StartsLikeFormula(ReadOnlySpan<char> value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text with a leading <c>'</c> when it starts like a formula, otherwise unchanged.</summary>
    public static string Neutralise(string value) => StartsLikeFormula(value) ? "'" + value : value;
}
