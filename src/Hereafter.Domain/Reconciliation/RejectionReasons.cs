using System.Globalization;
using Hereafter.Domain.Messages;

namespace Hereafter.Domain.Reconciliation;

/// <summary>
/// The reasons a roll row is rejected. The engine writes them as English text (one or several joined by
/// <c>"; "</c>) into <c>rejected.csv</c> and the stored results, whose bytes must not change; a page reads the
/// stored text back into catalogue <see cref="Message"/>s here, so the clerk reads it in the page's language.
/// The English catalogue texts are these sentences exactly.
/// </summary>
public static class RejectionReasons
{
    public const string Separator = "; ";
    public const string IdMissing = "id_number: missing";
    public const string IdMalformed = "id_number: not 17 digits plus a digit or X";
    public const string AmountInvalid = "monthly_amount: not a non-negative decimal with at most two decimals (";
    public const string PaidThroughInvalid = "paid_through: not a month YYYY-MM, YYYY/MM or YYYYMM (";
    public const string ProgrammeUnknown = "program: unknown programme code (";
    private const string ColumnsStart = "columns: the row has ";
    private const string ColumnsMiddle = " column(s), the header has ";

    /// <summary>The reason of a row with fewer columns than the header.</summary>
    public static string ColumnCount(int count, int headerCount) =>
        string.Create(CultureInfo.InvariantCulture, $"{ColumnsStart}{count}{ColumnsMiddle}{headerCount}");

    /// <summary>
    /// The messages of a stored reason, in order; null when the text is not one the engine writes (e.g. cut
    /// short when stored): then it is shown as it is.
    /// </summary>
    public static IReadOnlyList<Message>? Describe(string stored)
    {
        if (stored.StartsWith(ColumnsStart, StringComparison.Ordinal))
        {
            var numbers = stored[ColumnsStart.Length..].Split(ColumnsMiddle);
            return numbers.Length == 2 && IsNumber(numbers[0]) && IsNumber(numbers[1])
                ? [new Message("reconciliation.rejected-row.column-count").With("count", numbers[0]).With("headerCount", numbers[1])]
                : null;
        }
        var messages = new List<Message>();
        var rest = stored.AsSpan();
        while (!rest.IsEmpty)
        {
            var length = Fixed(rest, IdMalformed, "reconciliation.rejected-row.id-malformed", messages)
                ?? Fixed(rest, IdMissing, "reconciliation.rejected-row.id-missing", messages)
                ?? Quoted(rest, AmountInvalid, "reconciliation.rejected-row.amount-invalid", messages)
                ?? Quoted(rest, PaidThroughInvalid, "reconciliation.rejected-row.paid-through-invalid", messages)
                ?? Quoted(rest, ProgrammeUnknown, "reconciliation.rejected-row.programme-unknown", messages);
            if (length is not { } consumed) return null;
            rest = rest[consumed..];
            if (rest.StartsWith(Separator)) rest = rest[Separator.Length..];
        }
        return messages.Count > 0 ? messages : null;
    }

    private static int? Fixed(ReadOnlySpan<char> rest, string reason, string key, List<Message> messages)
    {
        if (!rest.StartsWith(reason) || !EndsPart(rest[reason.Length..])) return null;
        messages.Add(new Message(key));
        return reason.Length;
    }

    // A quoted value may hold ")" or "; ": it ends at the first ")" that ends the text or comes before another reason.
    private static int? Quoted(ReadOnlySpan<char> rest, string prefix, string key, List<Message> messages)
    {
        if (!rest.StartsWith(prefix)) return null;
        for (var end = prefix.Length + 1; end < rest.Length; end++)
        {
            if (rest[end] != ')' || !EndsPart(rest[(end + 1)..])) continue;
            var value = rest[prefix.Length..end];
            if (value.Length < 2 || value[0] != '"' || value[^1] != '"') continue;
            // A value in braces would read as a placeholder of the catalogue text: such a reason is shown as stored.
            if (value.ContainsAny('{', '}')) return null;
            messages.Add(new Message(key).With("value", value.ToString()));
            return end + 1;
        }
        return null;
    }

    private static bool EndsPart(ReadOnlySpan<char> after) =>
        after.IsEmpty || (after.StartsWith(Separator) && StartsReason(after[Separator.Length..]));

    private static bool StartsReason(ReadOnlySpan<char> text) =>
        text.StartsWith(IdMissing) || text.StartsWith(IdMalformed) || text.StartsWith(AmountInvalid)
        || text.StartsWith(PaidThroughInvalid) || text.StartsWith(ProgrammeUnknown);

    private static bool IsNumber(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
