using System.Text;

namespace Hereafter.Domain.Reconciliation;

public sealed record ReconciliationOptions(ProgrammeRule Programme, Encoding? Encoding = null)
{
    /// <summary>Programme rules by code for rows whose <c>program</c> column names another programme.</summary>
    public IReadOnlyDictionary<string, ProgrammeRule> Programmes { get; init; } = ProgrammeRules.Defaults;
}

public static class ProgrammeRules
{
    public static readonly IReadOnlyDictionary<string, ProgrammeRule> Defaults = new Dictionary<string, ProgrammeRule>
    {
        ["enterprise-pension"] = new("enterprise-pension", "social-security"),
        ["resident-pension"] = new("resident-pension", "social-security"),
        ["employee-medical"] = new("employee-medical", "medical-insurance"),
        ["resident-medical"] = new("resident-medical", "medical-insurance"),
        ["dibao"] = new("dibao", "civil-affairs"),
        ["tekun"] = new("tekun", "civil-affairs"),
        ["elderly-allowance"] = new("elderly-allowance", "civil-affairs"),
        ["disability-allowance"] = new("disability-allowance", "civil-affairs"),
    };
}

/// <summary>应停未停: streams a payee roll (CSV or XLSX, detected) against the death register (DOMAIN.md §5, issue #4 rules).</summary>
/// <remarks>
/// Memory is bounded by the register and fixed-size buffers, not by the roll: rows are parsed in place
/// and only rows that produce output become objects. The sink is called on the caller's thread, in input order.
/// </remarks>
public static class Reconciler
{
    private static readonly long ProgressInterval = System.Diagnostics.Stopwatch.Frequency / 4;

    /// <summary>Classifies every row of <paramref name="roll"/> and sends stops, review rows and rejected rows to <paramref name="sink"/>.</summary>
    /// <param name="progress">Reported at most four times a second, and once at the end.</param>
    /// <exception cref="RollFormatException">The file cannot be reconciled at all.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static ReconciliationSummary Run(
        DeathRegister deaths, Stream roll, ReconciliationOptions options, IReconciliationSink sink,
        IProgress<ReconciliationProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deaths);
        ArgumentNullException.ThrowIfNull(roll);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ct.ThrowIfCancellationRequested();

        long? totalBytes = roll.CanSeek ? roll.Length - roll.Position : null;
        using var rows = RollFile.Open(roll, options.Encoding, allowXlsx: true);
        if (!rows.MoveNext())
        {
            throw new RollFormatException("empty", "文件没有内容（只有空行）。The file has no content (only blank lines).");
        }

        var map = Columns.Map(rows, Columns.Roll);
        rows.UseDateColumns(map[2], map[4]);
        var classifier = new RowClassifier(deaths, options, sink, map, rows.Count, rows.PadsMissingFields);
        var nextReport = System.Diagnostics.Stopwatch.GetTimestamp() + ProgressInterval;
        long count = 0;
        while (rows.MoveNext())
        {
            classifier.Classify(rows);
            if ((++count & 0x1FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                if (progress is not null && System.Diagnostics.Stopwatch.GetTimestamp() >= nextReport)
                {
                    progress.Report(new ReconciliationProgress(count, rows.BytesRead, totalBytes));
                    nextReport = System.Diagnostics.Stopwatch.GetTimestamp() + ProgressInterval;
                }
            }
        }

        ct.ThrowIfCancellationRequested();
        progress?.Report(new ReconciliationProgress(count, rows.BytesRead, totalBytes));
        return classifier.Summary(deaths.Rejected);
    }
}
