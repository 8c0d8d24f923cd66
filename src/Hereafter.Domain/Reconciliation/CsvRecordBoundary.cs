namespace Hereafter.Domain.Reconciliation;

/// <summary>Where a CSV text may be cut between records, so that pieces can be parsed on other threads.</summary>
internal static class CsvRecordBoundary
{
    /// <summary>
    /// The index just after the last line break that is outside quotes, or -1. Follows the parser's
    /// quoting: a quote opens a quoted field only at the start of a field (after a comma or line break);
    /// inside, <c>""</c> is a quote and a single quote closes. A quote at the very end is undecided, so
    /// the field is taken as still open.
    /// </summary>
    public static int LastRecordEnd(ReadOnlySpan<char> text)
    {
        var safeEnd = -1;
        var inQuotes = false;
        var pos = 0;
        while (pos < text.Length)
        {
            var q = text[pos..].IndexOf('"');
            if (!inQuotes)
            {
                var end = q < 0 ? text.Length : pos + q;
                var newline = text[pos..end].LastIndexOf('\n');
                if (newline >= 0)
                {
                    safeEnd = pos + newline + 1;
                }

                if (q < 0)
                {
                    break;
                }

                inQuotes = end == 0 || text[end - 1] is ',' or '\n';
                pos = end + 1;
                continue;
            }

            if (q < 0)
            {
                break;
            }

            q += pos;
            if (q + 1 == text.Length)
            {
                break;
            }

            if (text[q + 1] == '"')
            {
                pos = q + 2;
                continue;
            }

            inQuotes = false;
            pos = q + 1;
        }

        return safeEnd;
    }
}
