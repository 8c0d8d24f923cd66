using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using System.Text;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Modules.Reconciliation.Features.ReconcileRoll;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Excel;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation.Features.DownloadResults;

/// <summary>
/// Results as files: the CSV is written by the engine's own <see cref="ResultFilesSink"/> from the stored rows,
/// so a download has exactly the columns and records of the command-line output, under a header row in the page's
/// language after a UTF-8 BOM (<see cref="ResultHeaders"/>); the Excel file carries the same header and rows. Files
/// hold full ID numbers: every download is audited.
/// </summary>
public sealed class DownloadResultsHandler(RollAccess rolls, AuditLog audit)
{
    public const string XlsxType = XlsxSheet.ContentType;

    public sealed record ResultFile(Stream Content, string ContentType, string FileName);

    /// <param name="english">The page's language: the header row's (the records are the engine's either way).</param>
    public async Task<ResultFile> HandleAsync(Actor actor, Guid id, string kind, string format, bool english, CancellationToken ct)
    {
        if (!EnumCodes<ResultKind>.TryParse(kind, out var resultKind)) throw ProblemException.NotFound(new Message("reconciliation.download.unknown-result").With("kind", kind));
        if (!EnumCodes<ResultFormat>.TryParse(format, out var resultFormat)) throw ProblemException.BadRequest(new Message("reconciliation.download.format-invalid"));
        var job = await rolls.RequireCompletedAsync(actor, id, ct);
        // A CSV is opened in spreadsheets: its text cells are neutralised. The workbook's cells are inline strings,
        // never evaluated, so it carries the text as it is.
        var csvPath = ResultHeaders.Localise(await WriteCsvAsync(job, resultKind, neutraliseFormulas: resultFormat == ResultFormat.Csv, ct), english);
        await audit.RecordAsync(actor, "reconciliation.download", $"reconciliation:{id}", "benefit-reconciliation", $"{kind}.{format} (full ID numbers)", ct);
        var baseName = $"{job.Programme}-{ChinaTime.ToChina(job.CreatedAt):yyyyMMdd}-{kind}";
        if (resultFormat == ResultFormat.Csv)
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
    private async Task<string> WriteCsvAsync(RollJob job, ResultKind kind, bool neutraliseFormulas, CancellationToken ct)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"hereafter-recon-{Guid.NewGuid():n}");
        Directory.CreateDirectory(dir);
        try
        {
            using (var sink = new ResultFilesSink(dir, neutraliseFormulas))
            {
                switch (kind)
                {
                    case ResultKind.Stops:
                        await foreach (var s in rolls.Stops(job).OrderBy(s => s.Row).AsAsyncEnumerable().WithCancellation(ct))
                            sink.Stop(ResultRows.ToEngine(s));
                        break;
                    case ResultKind.Review:
                        await foreach (var r in rolls.Reviews(job).OrderBy(r => r.Row).AsAsyncEnumerable().WithCancellation(ct))
                            sink.Review(ResultRows.ToEngine(r));
                        break;
                    default:
                        await foreach (var r in rolls.Rejected(job).OrderBy(r => r.Row).AsAsyncEnumerable().WithCancellation(ct))
                            sink.Reject(new RejectedRow(r.Row, r.Reason));
                        break;
                }
                // The engine's writer puts its files in place only with the summary (a run that stops early leaves none).
                sink.WriteSummary(new ReconciliationSummary(job.Rows, job.ExactStops, job.ReviewCount, job.RejectedCount, job.Unmatched,
                    job.OverpaidMonths, job.OverpaidAmount, []));
            }
            var target = Path.Combine(Path.GetTempPath(), $"hereafter-{Guid.NewGuid():n}.csv");
            File.Move(Path.Combine(dir, kind.ToCode() + ".csv"), target);
            return target;
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// The CSV's records as a one-sheet workbook (the platform's streaming <see cref="XlsxSheet"/>): IDs stay text,
    /// amounts and counts in their columns are numbers. Widths are set, not measured.
    /// </summary>
    public static void WriteXlsx(TextReader csv, string path, string sheetName)
    {
        var header = CsvFields.ReadRecord(csv) ?? [];
        var widths = header.Select(h => h switch
        {
            _ when h.Contains("id", StringComparison.OrdinalIgnoreCase) || h.Contains("身份证", StringComparison.Ordinal) => 22d,
            _ when h.Contains("reason", StringComparison.OrdinalIgnoreCase) || h.Contains("原因", StringComparison.Ordinal) => 48d,
            _ => 14d,
        }).ToArray();
        var numeric = header.Select(IsNumericColumn).ToArray();
        IEnumerable<object?[]> Rows()
        {
            if (header.Length > 0) yield return header;
            while (CsvFields.ReadRecord(csv) is { } record)
                yield return record.Select((value, i) =>
                    i < numeric.Length && numeric[i] && decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number)
                        ? number : (object?)value).ToArray();
        }
        using var file = File.Create(path);
        XlsxSheet.Write(file, sheetName, widths, Rows());
    }

    private static bool IsNumericColumn(string name)
    {
        var h = name.ToLowerInvariant();
        return h is "row" or "行号" || h.StartsWith("stops_", StringComparison.Ordinal) || h.Contains("prevented") || h.Contains("amount") || h.Contains("months") || h.Contains("金额") || h.Contains("月数");
    }
}

public static class DownloadResultsEndpoint
{
    public static void MapDownloadResults(this RouteGroupBuilder api) =>
        api.MapGet("/rolls/{id:guid}/{kind}.{format}", async (Guid id, string kind, string format, HttpContext http, DownloadResultsHandler handler, CancellationToken ct) =>
            {
                var file = await handler.HandleAsync(Actor.Require(http), id, kind, format, Hereafter.Web.Platform.Localization.Texts.IsEnglish, ct);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .WithSummary("Download stops|review|rejected as csv (UTF-8 with BOM; the command line's records under a header row in the request's language: Chinese, or the engine's column names with culture=en or Accept-Language: en) or xlsx; full ID numbers, audited");
}
