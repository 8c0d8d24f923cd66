using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Modules.Reconciliation.Features.ReadRoll;
using Hereafter.Web.Modules.Reconciliation.Features.ReconcileRoll;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation.Features.DownloadResults;

/// <summary>
/// Results as files: the CSV is written by the engine's own <see cref="ResultFilesSink"/> from the stored rows,
/// so a download has exactly the columns of the command-line output; the Excel file carries the same
/// columns and rows. Files hold full ID numbers: every download is audited.
/// </summary>
public sealed class DownloadResultsHandler(HereafterDbContext db, ReadRollHandler reader, AuditLog audit)
{
    public static readonly string[] Kinds = ["stops", "review", "rejected"];
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed record ResultFile(Stream Content, string ContentType, string FileName);

    public async Task<ResultFile> HandleAsync(Actor actor, Guid id, string kind, string format, CancellationToken ct)
    {
        if (!Kinds.Contains(kind)) throw ProblemException.NotFound($"Unknown result '{kind}'. Use stops, review or rejected.");
        if (format is not ("csv" or "xlsx")) throw ProblemException.BadRequest("format must be csv or xlsx.");
        var job = await reader.RequireCompletedAsync(actor, id, ct);
        var csvPath = await WriteCsvAsync(job, kind, ct);
        await audit.RecordAsync(actor, "reconciliation.download", $"reconciliation:{id}", "benefit-reconciliation", $"{kind}.{format} (full ID numbers)", ct);
        var baseName = $"{job.Programme}-{job.CreatedAt.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd}-{kind}";
        if (format == "csv")
            return new ResultFile(new FileStream(csvPath, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.DeleteOnClose), "text/csv; charset=utf-8", baseName + ".csv");
        var xlsxPath = Path.Combine(Path.GetTempPath(), $"hereafter-{Guid.NewGuid():n}.xlsx");
        try
        {
            using (var csv = new StreamReader(csvPath, Encoding.UTF8))
                WriteXlsx(csv, xlsxPath, kind);
        }
        finally
        {
            File.Delete(csvPath);
        }
        return new ResultFile(new FileStream(xlsxPath, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.DeleteOnClose), XlsxType, baseName + ".xlsx");
    }

    /// <summary>Replays the stored rows through the engine's file writer and returns the path of the one file asked for.</summary>
    private async Task<string> WriteCsvAsync(RollJob job, string kind, CancellationToken ct)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"hereafter-recon-{Guid.NewGuid():n}");
        Directory.CreateDirectory(dir);
        try
        {
            using (var sink = new ResultFilesSink(dir))
            {
                switch (kind)
                {
                    case "stops":
                        await foreach (var s in reader.Stops(job).OrderBy(s => s.Row).AsAsyncEnumerable().WithCancellation(ct))
                            sink.Stop(ResultRows.ToEngine(s));
                        break;
                    case "review":
                        await foreach (var r in reader.Reviews(job).OrderBy(r => r.Row).AsAsyncEnumerable().WithCancellation(ct))
                            sink.Review(ResultRows.ToEngine(r));
                        break;
                    default:
                        await foreach (var r in db.Set<RejectedResult>().AsNoTracking().Where(r => r.JobId == job.Id && r.Attempt == job.CompletedAttempt)
                                           .OrderBy(r => r.Row).AsAsyncEnumerable().WithCancellation(ct))
                            sink.Reject(new RejectedRow(r.Row, r.Reason));
                        break;
                }
                // The engine's writer puts its files in place only with the summary (a run that stops early leaves none).
                sink.WriteSummary(new ReconciliationSummary(job.Rows, job.ExactStops, job.ReviewCount, job.RejectedCount, job.Unmatched,
                    job.OverpaidMonths, job.OverpaidAmount, []));
            }
            var target = Path.Combine(Path.GetTempPath(), $"hereafter-{Guid.NewGuid():n}.csv");
            File.Move(Path.Combine(dir, kind + ".csv"), target);
            return target;
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Streams a one-sheet workbook with <see cref="OpenXmlWriter"/> (memory flat for any number of rows).
    /// Inline strings keep IDs as text; amounts and counts are numbers. Widths are set, not measured.
    /// </summary>
    public static void WriteXlsx(TextReader csv, string path, string sheetName)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        string[]? header = null;
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            var first = CsvFields.ReadRecord(csv);
            header = first ?? [];
            writer.WriteStartElement(new Columns());
            for (var i = 0; i < header.Length; i++)
            {
                var width = header[i] switch
                {
                    var h when h.Contains("id", StringComparison.OrdinalIgnoreCase) || h.Contains("身份证", StringComparison.Ordinal) => 22d,
                    var h when h.Contains("reason", StringComparison.OrdinalIgnoreCase) || h.Contains("原因", StringComparison.Ordinal) => 48d,
                    var h when h.Contains("name", StringComparison.OrdinalIgnoreCase) || h.Contains("姓名", StringComparison.Ordinal) => 14d,
                    _ => 14d,
                };
                writer.WriteElement(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true });
            }
            writer.WriteEndElement();
            writer.WriteStartElement(new SheetData());
            var numeric = header.Select(IsNumericColumn).ToArray();
            if (first is not null) WriteRow(writer, 1, first, new bool[first.Length]);
            uint rowIndex = 1;
            while (CsvFields.ReadRecord(csv) is { } record)
                WriteRow(writer, ++rowIndex, record, numeric);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
        workbookPart.Workbook.Save();
    }

    private static bool IsNumericColumn(string name)
    {
        var h = name.ToLowerInvariant();
        return h is "row" or "行号" || h.StartsWith("stops_", StringComparison.Ordinal) || h.Contains("prevented") || h.Contains("amount") || h.Contains("months") || h.Contains("金额") || h.Contains("月数");
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, string[] fields, bool[] numeric)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var i = 0; i < fields.Length; i++)
        {
            var value = fields[i];
            if (i < numeric.Length && numeric[i] && decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _))
                writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(value) });
            else
                writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
        }
        writer.WriteEndElement();
    }
}

/// <summary>Reads RFC 4180 records (quoted fields, doubled quotes, CRLF or LF) from the engine's own files.</summary>
public static class CsvFields
{
    public static string[]? ReadRecord(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        while (true)
        {
            var c = reader.Read();
            if (c == -1)
            {
                if (!any) return null;
                fields.Add(field.ToString());
                return [.. fields];
            }
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString());
                    return [.. fields];
                default: field.Append(ch); break;
            }
        }
    }
}
