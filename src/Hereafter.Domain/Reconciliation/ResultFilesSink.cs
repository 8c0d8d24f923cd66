using System.Globalization;
using System.Text;
using System.Text.Json;
using Hereafter.Domain.Csv;

namespace Hereafter.Domain.Reconciliation;

/// <summary>
/// Writes <c>stops.csv</c>, <c>review.csv</c>, <c>rejected.csv</c> (UTF-8 without BOM, LF line ends, header
/// row, RFC 4180 quoting, invariant culture, amounts with two decimals) and <c>summary.json</c>. Text cells that a
/// spreadsheet would run as a formula get a leading <c>'</c> (<see cref="CsvCell"/>); numbers are written as numbers.
/// </summary>
/// <remarks>
/// Files are written under temporary names (<c>*.partial</c>) and renamed into place by
/// <see cref="WriteSummary"/>, which writes <c>summary.json</c> last: a run that is cancelled, crashes or is
/// killed leaves no file that looks complete, and the finished results of an earlier run in the same
/// directory are removed when a new run starts. Disposing without <see cref="WriteSummary"/> deletes the partial files.
/// </remarks>
public sealed class ResultFilesSink : IReconciliationSink, IDisposable
{
    public const string StopsFile = "stops.csv";
    public const string ReviewFile = "review.csv";
    public const string RejectedFile = "rejected.csv";
    public const string SummaryFile = "summary.json";

    public const string StopsHeader =
        "row,id_number,name,program,account,monthly_amount,paid_through,death_date,stop_from,overpaid_months,overpaid_amount,suspect_id";

    public const string ReviewHeader =
        "row,reason,id_number,name,program,account,monthly_amount,paid_through,suspect_id,candidate_id_number,candidate_name,candidate_death_date,stop_from,overpaid_months,overpaid_amount";

    public const string RejectedHeader = "row,reason";

    private const string Partial = ".partial";
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    private readonly string _directory;
    private readonly bool _neutraliseFormulas;
    private readonly StreamWriter _stops;
    private readonly StreamWriter _review;
    private readonly StreamWriter _rejected;
    private bool _finished;
    private bool _disposed;

    /// <param name="directory">Where the files go.</param>
    /// <param name="neutraliseFormulas">
    /// Prefix text cells that start like a formula with <c>'</c> (the default: the files are opened in spreadsheets).
    /// Off only when the CSV is an intermediate for a workbook whose text cells are never evaluated.
    /// </param>
    public ResultFilesSink(string directory, bool neutraliseFormulas = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _neutraliseFormulas = neutraliseFormulas;
        _directory = Directory.CreateDirectory(directory).FullName;
        foreach (var name in new[] { SummaryFile, StopsFile, ReviewFile, RejectedFile })
        {
            File.Delete(Path.Combine(_directory, name));
        }

        _stops = Open(StopsFile, StopsHeader);
        _review = Open(ReviewFile, ReviewHeader);
        _rejected = Open(RejectedFile, RejectedHeader);
    }

    public void Stop(StopRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var e = row.Entry;
        var w = _stops;
        w.Write(e.Row.ToString(CultureInfo.InvariantCulture));
        Payee(w, e);
        Field(w, Date(row.Death.DeathDate));
        Field(w, row.Terms.StopFrom.ToString());
        Number(w, row.Terms.OverpaidMonths.ToString(CultureInfo.InvariantCulture));
        Number(w, Money(row.Terms.OverpaidAmount));
        Field(w, e.SuspectId ? "true" : "false");
        w.Write('\n');
    }

    public void Review(ReviewRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var e = row.Entry;
        var w = _review;
        w.Write(e.Row.ToString(CultureInfo.InvariantCulture));
        Field(w, ReasonCode(row.Reason));
        Payee(w, e);
        Field(w, e.SuspectId ? "true" : "false");
        Field(w, row.Candidate.IdNumber);
        Field(w, row.Candidate.Name);
        Field(w, Date(row.Candidate.DeathDate));
        Field(w, row.Terms.StopFrom.ToString());
        Number(w, row.Terms.OverpaidMonths.ToString(CultureInfo.InvariantCulture));
        Number(w, Money(row.Terms.OverpaidAmount));
        w.Write('\n');
    }

    public void Reject(RejectedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _rejected.Write(row.Row.ToString(CultureInfo.InvariantCulture));
        Field(_rejected, row.Reason);
        _rejected.Write('\n');
    }

    /// <summary>Writes <c>summary.json</c> and puts all four files in place: the run is complete.</summary>
    public void WriteSummary(ReconciliationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            throw new InvalidOperationException("The summary has already been written.");
        }

        _stops.Dispose();
        _review.Dispose();
        _rejected.Dispose();
        foreach (var name in new[] { StopsFile, ReviewFile, RejectedFile })
        {
            File.Move(Path.Combine(_directory, name + Partial), Path.Combine(_directory, name), overwrite: true);
        }

        var partial = Path.Combine(_directory, SummaryFile + Partial);
        using (var stream = File.Create(partial))
        {
            stream.Write(SummaryJson(summary));
        }

        File.Move(partial, Path.Combine(_directory, SummaryFile), overwrite: true);
        _finished = true;
    }

    /// <summary>The exact bytes of <c>summary.json</c>: camelCase, two-space indentation, LF, amounts with two decimals.</summary>
    public static byte[] SummaryJson(ReconciliationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteNumber("rows", summary.Rows);
            json.WriteNumber("exactStops", summary.ExactStops);
            json.WriteNumber("review", summary.Review);
            json.WriteNumber("rejected", summary.Rejected);
            json.WriteNumber("unmatched", summary.Unmatched);
            json.WriteNumber("overpaidMonths", summary.OverpaidMonths);
            json.WriteNumber("overpaidAmount", decimal.Round(summary.OverpaidAmount, 2) + 0.00m);
            json.WriteStartArray("deathsRejected");
            foreach (var rejection in summary.DeathsRejected)
            {
                json.WriteStartObject();
                json.WriteNumber("row", rejection.Row);
                json.WriteString("idNumber", rejection.IdNumber);
                json.WriteString("reason", rejection.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The stable code written in <c>review.csv</c>'s <c>reason</c> column.</summary>
    public static string ReasonCode(ReviewReason reason) => reason switch
    {
        ReviewReason.IdMatchNameDiffers => "id-match-name-differs",
        ReviewReason.IdNearMatch => "id-near-match",
        ReviewReason.NameAndBirthDate => "name-and-birth-date",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stops.Dispose();
        _review.Dispose();
        _rejected.Dispose();
        if (!_finished)
        {
            foreach (var name in new[] { StopsFile, ReviewFile, RejectedFile })
            {
                File.Delete(Path.Combine(_directory, name + Partial));
            }
        }
    }

    private StreamWriter Open(string name, string header)
    {
        var writer = new StreamWriter(Path.Combine(_directory, name + Partial), false, Utf8NoBom, 1 << 16) { NewLine = "\n" };
        writer.Write(header);
        writer.Write('\n');
        return writer;
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A comma and a number as it is (never prefixed: a negative amount stays <c>-12.50</c>).</summary>
    /// <summary>The roll entry's payee columns, the same in the stops and the review file.</summary>
    private void Payee(StreamWriter w, RollEntry e)
    {
        Field(w, e.IdNumber);
        Field(w, e.Name);
        Field(w, e.Programme);
        Field(w, e.Account);
        Number(w, Money(e.MonthlyAmount));
        Field(w, e.PaidThrough.ToString());
    }

    private static void Number(StreamWriter w, string value)
    {
        w.Write(',');
        w.Write(value);
    }

    /// <summary>
    /// A comma and a text value, neutralised if it starts like a formula, quoted only when it holds a comma, quote
    /// or line break (RFC 4180).
    /// </summary>
    private void Field(StreamWriter w, string? value)
    {
        w.Write(',');
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (_neutraliseFormulas)
        {
            value = CsvCell.Neutralise(value);
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            w.Write(value);
            return;
        }

        w.Write('"');
        w.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        w.Write('"');
    }
}
