using System.Text;

namespace Hereafter.Domain.Reconciliation;

public sealed record ReconciliationOptions(ProgrammeRule Programme, Encoding? Encoding = null)
{
    /// <summary>Programme rules by code for rows whose <c>program</c> column names another programme.</summary>
    public IReadOnlyDictionary<string, ProgrammeRule> Programmes { get; init; } = ProgrammeRules.Defaults;

    /// <summary>
    /// Classify CSV pieces on pool threads while this thread reads and writes (the output is identical either
    /// way). Turn off to keep a run on one core, e.g. when many runs share a machine.
    /// </summary>
    public bool Parallel { get; init; } = true;

    /// <summary>Caps that make a crafted file fail at once instead of exhausting the machine.</summary>
    public RollLimits Limits { get; init; } = RollLimits.Default;
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

    /// <summary>Pieces in flight at once: cut and delivered on the caller's thread, classified on pool threads.</summary>
    private const int InFlight = 4;

    /// <summary>
    /// The CSV is cut into pieces at record boundaries on this thread, the pieces are classified on pool
    /// threads, and their results are handed to the sink here, strictly in input order: the output is the
    /// same as a sequential run, only sooner on a machine with more than one core. While the oldest piece is
    /// still being classified, this thread blocks without spinning: on two cores a spinning waiter takes CPU from the
    /// pool threads doing the work (and a waiter that classifies pieces itself leaves them without queued work).
    /// </summary>
    private static void RunChunks(
        CsvRows csv, Func<RowClassifier> newPart, RowClassifier total, IReconciliationSink sink,
        ProgressTimer progressTimer, CancellationToken ct)
    {
        var pending = new Queue<Piece>();
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                if (pending.Count == InFlight)
                {
                    Deliver(pending, total, sink);
                    progressTimer.Tick(total.Rows, csv.BytesRead);
                }

                if (!csv.NextChunk(out var chunk, out var length, out var linesBefore))
                {
                    break;
                }

                var piece = new Piece(csv, chunk, length, linesBefore, newPart, ct);
                pending.Enqueue(piece);
                ThreadPool.UnsafeQueueUserWorkItem(static p => p.Run(), piece, preferLocal: false);
            }

            while (pending.Count > 0)
            {
                ct.ThrowIfCancellationRequested();
                Deliver(pending, total, sink);
                progressTimer.Tick(total.Rows, csv.BytesRead);
            }
        }
        finally
        {
            // never leave work running against the caller's data after returning or throwing: pieces not started
            // are claimed here and dropped, pieces under way are waited for (their results are discarded anyway)
            foreach (var piece in pending)
            {
                piece.Cancel();
                piece.WaitDone();
            }
        }
    }

    private static void Deliver(Queue<Piece> pending, RowClassifier total, IReconciliationSink sink)
    {
        var oldest = pending.Dequeue();
        oldest.WaitDone();
        var part = oldest.Result();
        ((BufferedSink)part.Sink).ReplayTo(sink);
        total.Absorb(part);
    }

    /// <summary>A piece of the CSV, classified once by the pool thread that claims it, or dropped unstarted when the run ends early.</summary>
    private sealed class Piece(CsvRows file, char[] chunk, int length, long linesBefore, Func<RowClassifier> newPart, CancellationToken ct)
    {
        private int _claimed;
        private volatile bool _done;
        private RowClassifier? _part;
        private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _error;

        /// <summary>Classifies the piece unless the run has already dropped it.</summary>
        public void Run()
        {
            if (Interlocked.Exchange(ref _claimed, 1) != 0)
            {
                return;
            }

            try
            {
                var part = newPart();
                using var rows = new CsvRows(chunk, length, linesBefore, file.MaxRecordChars);
                var count = 0;
                while (rows.MoveNext())
                {
                    part.Classify(rows);
                    if ((++count & 0x1FFF) == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }
                }

                _part = part;
            }
            catch (Exception e)
            {
                _error = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                file.ReturnChunk(chunk);
                Finish();
            }
        }

        /// <summary>Claims the piece so that nobody starts it (its text goes back to the file for reuse).</summary>
        public void Cancel()
        {
            if (Interlocked.Exchange(ref _claimed, 1) == 0)
            {
                file.ReturnChunk(chunk);
                Finish();
            }
        }

        /// <summary>Blocks, without spinning, until the piece is classified or dropped.</summary>
        public void WaitDone()
        {
            if (_done)
            {
                return;
            }

            lock (this)
            {
                while (!_done)
                {
                    Monitor.Wait(this);
                }
            }
        }

        public RowClassifier Result()
        {
            _error?.Throw();
            return _part!;
        }

        private void Finish()
        {
            lock (this)
            {
                _done = true;
                Monitor.PulseAll(this);
            }
        }
    }

    private sealed class ProgressTimer(IProgress<ReconciliationProgress>? progress, long? totalBytes)
    {
        private long _next = System.Diagnostics.Stopwatch.GetTimestamp() + ProgressInterval;

        public void Tick(long rows, long bytes)
        {
            if (progress is not null && System.Diagnostics.Stopwatch.GetTimestamp() >= _next)
            {
                progress.Report(new ReconciliationProgress(rows, bytes, totalBytes));
                _next = System.Diagnostics.Stopwatch.GetTimestamp() + ProgressInterval;
            }
        }
    }

    /// <summary>Results of one piece, kept in order until it is that piece's turn.</summary>
    private sealed class BufferedSink : IReconciliationSink
    {
        private readonly List<object> _results = [];

        public void Stop(StopRow row) => _results.Add(row);

        public void Review(ReviewRow row) => _results.Add(row);

        public void Reject(RejectedRow row) => _results.Add(row);

        public void ReplayTo(IReconciliationSink sink)
        {
            foreach (var result in _results)
            {
                switch (result)
                {
                    case StopRow stop:
                        sink.Stop(stop);
                        break;
                    case ReviewRow review:
                        sink.Review(review);
                        break;
                    case RejectedRow rejected:
                        sink.Reject(rejected);
                        break;
                }
            }
        }
    }

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
        using var rows = RollFile.Open(roll, options.Encoding, allowXlsx: true, options.Limits);
        if (!rows.MoveNext())
        {
            throw new RollFormatException("empty", "文件没有内容（只有空行）。The file has no content (only blank lines).");
        }

        var map = Columns.Map(rows, Columns.Roll);
        rows.UseDateColumns(map[2], map[4]);
        var headerCount = rows.Count;
        var classifier = new RowClassifier(deaths, options, sink, map, headerCount, rows.PadsMissingFields);
        var progressTimer = new ProgressTimer(progress, totalBytes);
        if (rows is CsvRows csv && options.Parallel && Environment.ProcessorCount > 1)
        {
            RunChunks(csv, () => new RowClassifier(deaths, options, new BufferedSink(), map, headerCount, padded: false), classifier, sink, progressTimer, ct);
        }
        else
        {
            long count = 0;
            while (rows.MoveNext())
            {
                classifier.Classify(rows);
                if ((++count & 0x1FFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progressTimer.Tick(count, rows.BytesRead);
                }
            }
        }

        ct.ThrowIfCancellationRequested();
        progress?.Report(new ReconciliationProgress(classifier.Rows, rows.BytesRead, totalBytes));
        return classifier.Summary(deaths.Rejected);
    }
}
