namespace Hereafter.Domain.Reconciliation;

/// <summary>A calendar month (payments are monthly). Parses <c>YYYY-MM</c>, <c>YYYY/MM</c>, <c>YYYYMM</c>.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>Months from this month to <paramref name="later"/> (negative when earlier).</summary>
    public int MonthsUntil(YearMonth later) => (later.Year - Year) * 12 + later.Month - Month;

    public YearMonth AddMonths(int months)
    {
        var index = Year * 12 + (Month - 1) + months;
        return new YearMonth(index / 12, index % 12 + 1);
    }

    public int CompareTo(YearMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    /// <summary>Accepts <c>YYYY-MM</c>, <c>YYYY/MM</c> or <c>YYYYMM</c> (surrounding whitespace ignored), year 1–9999, month 1–12.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out YearMonth month)
    {
        month = default;
        text = text.Trim();
        int year, m;
        if (text.Length == 7 && text[4] is '-' or '/')
        {
            if (!RollValues.Digits(text[..4], out year) || !RollValues.Digits(text.Slice(5, 2), out m))
            {
                return false;
            }
        }
        else if (text.Length == 6)
        {
            if (!RollValues.Digits(text[..4], out year) || !RollValues.Digits(text.Slice(4, 2), out m))
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if (year < 1 || m is < 1 or > 12)
        {
            return false;
        }

        month = new YearMonth(year, m);
        return true;
    }
}

/// <summary>How a programme stops (DOMAIN.md §5). Pensions and 高龄津贴 stop from the month after death.</summary>
/// <param name="Code">e.g. <c>enterprise-pension</c>.</param>
/// <param name="Department">The department that runs it: <c>social-security</c>, <c>medical-insurance</c>, <c>civil-affairs</c>.</param>
/// <param name="StopMonthsAfterDeath">1 = stop from the month after the month of death (paid for the month of death).</param>
public sealed record ProgrammeRule(string Code, string Department, int StopMonthsAfterDeath = 1);

/// <summary>One person in the death register (the platform's active certificates or a deaths file).</summary>
public sealed record Death(string IdNumber, string Name, DateOnly? BirthDate, DateOnly DeathDate);

/// <summary>A deaths-file row that was not used, with its 1-based line number (header = 1) and reason.</summary>
public sealed record DeathRejection(long Row, string IdNumber, string Reason);

public enum ReviewReason
{
    /// <summary>4(a) the ID equals a death's ID, the name differs.</summary>
    IdMatchNameDiffers,
    /// <summary>4(b) same name, the ID differs in one character or by one adjacent swap.</summary>
    IdNearMatch,
    /// <summary>4(c) same name and birth date, another ID.</summary>
    NameAndBirthDate,
}

/// <summary>What the roll row said, normalised (ID and name as matched; the raw name kept for display).</summary>
public sealed record RollEntry(
    long Row, string IdNumber, string Name, string Programme, string? Account,
    decimal MonthlyAmount, YearMonth PaidThrough, bool SuspectId);

/// <summary>What stopping the payment means for one row: the first month not to pay and the overpayment.</summary>
public sealed record StopTerms(YearMonth StopFrom, int OverpaidMonths, decimal OverpaidAmount);

public sealed record StopRow(RollEntry Entry, Death Death, StopTerms Terms);

/// <summary>A row for a person to decide; <see cref="Terms"/> is what a confirmation would stop.</summary>
public sealed record ReviewRow(RollEntry Entry, ReviewReason Reason, Death Candidate, StopTerms Terms);

/// <summary>A roll row that could not be read, with its 1-based row number as the clerk sees it (header = 1).</summary>
public sealed record RejectedRow(long Row, string Reason);

/// <summary>Receives results in input order. Called on the engine's thread.</summary>
public interface IReconciliationSink
{
    void Stop(StopRow row);
    void Review(ReviewRow row);
    void Reject(RejectedRow row);
}

public sealed record ReconciliationProgress(long Rows, long BytesRead, long? TotalBytes);

/// <summary>The figures of <c>summary.json</c>.</summary>
public sealed record ReconciliationSummary(
    long Rows, long ExactStops, long Review, long Rejected, long Unmatched,
    long OverpaidMonths, decimal OverpaidAmount, IReadOnlyList<DeathRejection> DeathsRejected);

/// <summary>A file that cannot be reconciled at all (wrong columns, empty, not CSV/XLSX, binary junk).</summary>
public sealed class RollFormatException(string code, string message) : Exception(message)
{
    /// <summary>Stable code for the UI to translate: <c>empty</c>, <c>not-csv-or-xlsx</c>, <c>missing-columns</c>, <c>binary</c>, <c>encoding</c>,
    /// <c>too-large</c> (a workbook expanding past <see cref="RollLimits"/>), <c>too-many-strings</c>, <c>record-too-long</c>.</summary>
    public string Code { get; } = code;
}

/// <summary>
/// What a roll may ask of the machine reading it: a crafted file (a zip bomb, an unclosed quote) fails with a
/// <see cref="RollFormatException"/> as soon as it crosses one of these, before it can exhaust memory or time.
/// </summary>
public sealed record RollLimits
{
    public static readonly RollLimits Default = new();

    /// <summary>Longest CSV record, XLSX row or XLSX cell, in characters (a quoted field may span lines). Default 1 Mi.</summary>
    public int MaxRecordChars { get; init; } = 1024 * 1024;

    /// <summary>Most bytes all the XLSX parts read may expand to together. Default 4 GiB.</summary>
    public long MaxXlsxUncompressedBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Largest expansion of an XLSX part (uncompressed bytes per compressed byte), checked past the first MiB of a part. Default 100.</summary>
    public int MaxXlsxCompressionRatio { get; init; } = 100;

    /// <summary>Most entries in the shared-strings table. Default 16 million.</summary>
    public int MaxSharedStrings { get; init; } = 16_000_000;

    /// <summary>Most characters in all shared strings together (2 bytes each in memory). Default 256 Mi.</summary>
    public long MaxSharedStringChars { get; init; } = 256L * 1024 * 1024;
}
