using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReconcileFromCommandLine;

/// <summary>
/// <c>reconcile --roll &lt;file&gt; [--deaths &lt;file&gt;] --program &lt;code&gt; [--encoding utf-8|gbk] --out &lt;dir&gt;</c>:
/// the web's engine for files too large to upload. Without <c>--deaths</c> the platform's active certificates
/// are the register (the read is audited). Unusable input ends with one line on stderr and exit code 2.
/// </summary>
public sealed class ReconcileCommand(IServiceProvider services, TimeProvider clock)
{
    public const string Usage = "usage: reconcile --roll <file> [--deaths <file>] --program <code> [--encoding utf-8|gbk] --out <dir>";

    /// <param name="terminal">True when stdout is a terminal: the progress bar redraws in place; otherwise plain lines.</param>
    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, bool terminal, CancellationToken ct)
    {
        void Fail(string message) => stderr.WriteLine($"reconcile: {message}");
        var options = Parse(args, out var parseError);
        if (options is null) { stderr.WriteLine($"reconcile: {parseError}"); stderr.WriteLine(Usage); return 2; }
        if (!File.Exists(options.Roll)) { Fail($"roll file not found: {options.Roll}"); return 2; }
        if (options.Deaths is not null && !File.Exists(options.Deaths)) { Fail($"deaths file not found: {options.Deaths}"); return 2; }
        if (!ProgrammeRules.Defaults.TryGetValue(options.Program, out var rule))
        {
            Fail($"unknown programme '{options.Program}'; use one of: {string.Join(", ", ProgrammeRules.Defaults.Keys)}");
            return 2;
        }
        Encoding? encoding = null;
        if (options.Encoding is { } name)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            try { encoding = name.Equals("gbk", StringComparison.OrdinalIgnoreCase) ? Encoding.GetEncoding("GB18030") : Encoding.GetEncoding(name); }
            catch (ArgumentException) { Fail($"unknown encoding '{name}'; use utf-8 or gbk"); return 2; }
        }
        try { Directory.CreateDirectory(options.Out); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Fail($"cannot create output directory {options.Out}: {e.Message}"); return 2; }

        DeathRegister register;
        if (options.Deaths is not null)
        {
            await using var deaths = File.OpenRead(options.Deaths);
            register = DeathRegister.ReadCsv(deaths);
        }
        else
        {
            using var scope = services.CreateScope();
            var list = new List<Death>();
            await foreach (var d in scope.ServiceProvider.GetRequiredService<IActiveDeaths>().ReadAllAsync(ct))
                list.Add(new Death(d.IdNumber, d.Name, d.BirthDate, d.DeathDate));
            register = DeathRegister.From(list);
            var operatorName = Environment.UserName;
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(
                new Actor($"cli:{operatorName}", operatorName, Guid.Empty, "command line", null, new HashSet<string>()),
                "reconciliation.deaths-read", "reconciliation:cli", "benefit-reconciliation",
                $"{register.Count} active deaths read to reconcile {Path.GetFileName(options.Roll)} ({rule.Code})", ct);
        }
        stdout.WriteLine($"deaths: {register.Count} ({register.Rejected.Count} rejected)");
        foreach (var r in register.Rejected.Take(20)) stdout.WriteLine($"  deaths row {r.Row}: {r.Reason}");
        if (register.Rejected.Count > 20) stdout.WriteLine($"  … {register.Rejected.Count - 20} more in summary.json");

        var started = Stopwatch.StartNew();
        var progress = new ProgressPrinter(stdout, terminal, clock);
        ReconciliationSummary summary;
        try
        {
            await using var roll = File.OpenRead(options.Roll);
            using var sink = new ResultFilesSink(options.Out);
            summary = await Task.Run(() => Reconciler.Run(register, roll, new ReconciliationOptions(rule, encoding), sink, progress, ct), ct);
            sink.WriteSummary(summary);
        }
        catch (RollFormatException e)
        {
            progress.End();
            Fail($"{options.Roll}: {e.Message}");
            return 2;
        }
        catch (DecoderFallbackException e)
        {
            progress.End();
            Fail($"{options.Roll} is not valid {options.Encoding}: {e.Message}");
            return 2;
        }
        progress.End();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows {summary.Rows}: exact stops {summary.ExactStops}, review {summary.Review}, rejected {summary.Rejected}, unmatched {summary.Unmatched}; " +
            $"overpaid {summary.OverpaidMonths} months, {summary.OverpaidAmount:0.00} yuan ({started.Elapsed.TotalSeconds:0.0} s)"));
        stdout.WriteLine($"wrote {Path.Combine(options.Out, "stops.csv")}, review.csv, rejected.csv, summary.json");
        return 0;
    }

    public sealed record Options(string Roll, string? Deaths, string Program, string? Encoding, string Out);

    public static Options? Parse(IReadOnlyList<string> args, out string error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] known = ["--roll", "--deaths", "--program", "--programme", "--encoding", "--out"];
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (i == 0 && arg == "reconcile") continue;
            if (!known.Contains(arg)) { error = $"unknown argument '{arg}'"; return null; }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)) { error = $"{arg} needs a value"; return null; }
            values[arg == "--programme" ? "--program" : arg] = args[++i];
        }
        foreach (var required in new[] { "--roll", "--program", "--out" })
            if (!values.ContainsKey(required)) { error = $"{required} is required"; return null; }
        error = "";
        return new Options(values["--roll"], values.GetValueOrDefault("--deaths"), values["--program"], values.GetValueOrDefault("--encoding"), values["--out"]);
    }

    /// <summary>A bar redrawn with \r on a terminal; a plain line every few seconds when redirected (logs, CI).</summary>
    private sealed class ProgressPrinter(TextWriter output, bool terminal, TimeProvider clock) : IProgress<ReconciliationProgress>
    {
        private long _lastTicks = long.MinValue;
        private bool _drawn;
        private readonly Lock _gate = new();

        public void Report(ReconciliationProgress value)
        {
            var now = clock.GetTimestamp();
            var interval = terminal ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);
            lock (_gate)
            {
                if (_lastTicks != long.MinValue && clock.GetElapsedTime(_lastTicks, now) < interval) return;
                _lastTicks = now;
                var percent = value.TotalBytes is > 0 ? (int)Math.Min(100, value.BytesRead * 100 / value.TotalBytes.Value) : (int?)null;
                if (terminal)
                {
                    var filled = (percent ?? 0) * 30 / 100;
                    output.Write($"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {percent?.ToString(CultureInfo.InvariantCulture) ?? "?"}% {value.Rows:N0} rows ");
                    _drawn = true;
                }
                else
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"progress: {value.Rows} rows, {value.BytesRead / 1048576.0:0.0} MiB{(percent is { } p ? $" ({p}%)" : "")}"));
                }
                output.Flush();
            }
        }

        public void End()
        {
            lock (_gate)
            {
                if (_drawn) output.WriteLine();
                _drawn = false;
            }
        }
    }
}
