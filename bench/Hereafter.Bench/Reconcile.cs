using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hereafter.Domain.Reconciliation;

namespace Hereafter.Bench;

/// <summary>What one engine reported from its own process: time from reading the deaths file to the last result
/// file written, the process's peak resident memory (VmHWM) and the figures of summary.json, review split by reason.</summary>
public sealed record RunResult(string Engine, double Seconds, long PeakKiB, long Rows, long Exact, long ReviewA, long ReviewB, long ReviewC,
    long Rejected, long Unmatched, long OverpaidMonths, decimal OverpaidAmount, long DeathsRejected)
{
    public double PeakMiB => PeakKiB / 1024.0;

    /// <summary>CPU seconds (user + system) of the child process at exit, start-up included: on a shared machine they move
    /// less with the load than the wall time.</summary>
    public double CpuSeconds { get; init; }
}

/// <summary>
/// <c>reconcile</c>: the engine (<see cref="Reconciler.Run"/> into <see cref="ResultFilesSink"/>, as the CLI does) against
/// DuckDB doing the same classification in SQL, each in its own child process (<c>reconcile-run</c>) so that neither
/// shares the other's heap, on the same generated files. Counts must agree class by class; recall is scored on the
/// generator's ground truth.
/// </summary>
internal static class Reconcile
{
    private const string ResultPrefix = "RESULT ";

    public static int Run(Options o)
    {
        var deaths = o.Deaths ?? 1_000_000;
        var rows = o.Rows ?? 10_000_000;
        var data = ReconcileData.Ensure(deaths, rows, Console.Out);
        var m = data.Meta;
        Console.WriteLine($"data: deaths.csv {m.DeathsFileRows:N0} records ({m.Deaths:N0} people, {m.DeathsFileBad} bad or repeated records, {m.DeathsBytes / 1048576.0:F0} MiB); " +
                          $"roll.csv {m.Rows:N0} rows + {m.BlankLines:N0} blank lines, {m.RollBytes / 1048576.0:F0} MiB");
        Console.WriteLine($"truth: {m.DeceasedRows:N0} deceased rows (exact {m.Exact:N0}, review a {m.ReviewA:N0}, b {m.ReviewB:N0}, c {m.ReviewC:N0}); " +
                          $"{m.Rejected:N0} rows to reject; {m.AliveNamesakes:N0} living namesakes that rule 4 sends to review");

        // Both engines read from the page cache: read the files once before either runs.
        foreach (var f in new[] { data.Deaths, data.Roll }) { using var s = File.OpenRead(f); s.CopyTo(Stream.Null); }

        var results = new List<RunResult>();
        foreach (var engine in new[] { "hereafter", "duckdb" })
        {
            var outDir = Path.Combine(data.Directory, "out-" + engine);
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
            Directory.CreateDirectory(outDir);
            var r = Child(engine, data, outDir);
            if (r is null) return 1;
            results.Add(r);
            Console.WriteLine($"{engine}: {r.Seconds:F2} s (process cpu {r.CpuSeconds:F1} s), peak {r.PeakMiB:F0} MiB; rows {r.Rows:N0}, exact {r.Exact:N0}, review a/b/c {r.ReviewA:N0}/{r.ReviewB:N0}/{r.ReviewC:N0}, " +
                              $"rejected {r.Rejected:N0}, unmatched {r.Unmatched:N0}, overpaid {r.OverpaidMonths:N0} months {r.OverpaidAmount:F2} yuan, deaths rejected {r.DeathsRejected}");
        }
        var (ours, duck) = (results[0], results[1]);

        var failed = false;
        var checks = new (string Name, object Ours, object Duck)[]
        {
            ("rows", ours.Rows, duck.Rows), ("exact stops", ours.Exact, duck.Exact), ("review (a) ID equal, name differs", ours.ReviewA, duck.ReviewA),
            ("review (b) near ID", ours.ReviewB, duck.ReviewB), ("review (c) name + birth date", ours.ReviewC, duck.ReviewC),
            ("rejected", ours.Rejected, duck.Rejected), ("unmatched", ours.Unmatched, duck.Unmatched),
            ("overpaid months", ours.OverpaidMonths, duck.OverpaidMonths), ("overpaid amount", ours.OverpaidAmount, duck.OverpaidAmount),
            ("deaths rejected", ours.DeathsRejected, duck.DeathsRejected),
        };
        foreach (var (name, a, b) in checks)
        {
            if (Equals(a, b)) continue;
            failed = true;
            Console.WriteLine($"DISAGREE {name}: hereafter {a}, duckdb {b}");
        }
        Console.WriteLine(failed ? "agreement: FAILED (see DISAGREE lines)" : "agreement: hereafter and duckdb agree class by class (10 figures)");
        if (ours.Rows != m.Rows || ours.Rejected != m.Rejected)
        {
            failed = true;
            Console.WriteLine($"DISAGREE with the generator: rows {ours.Rows} (generated {m.Rows}), rejected {ours.Rejected} (generated {m.Rejected})");
        }

        var truth = ReadTruth(data.TruthFile);
        foreach (var engine in new[] { "hereafter", "duckdb" })
            failed |= !Recall(engine, Path.Combine(data.Directory, "out-" + engine, "check.csv"), truth, m);

        if (failed) Console.WriteLine("FAILED: see the lines above");
        Console.WriteLine($"reconcile: hereafter {ours.Seconds:F2} s {ours.PeakMiB:F0} MiB, duckdb {duck.Seconds:F2} s {duck.PeakMiB:F0} MiB, " +
                          $"ratio {ours.Seconds / duck.Seconds:F2}");
        return failed ? 1 : 0;
    }

    private static Dictionary<string, (Truth Truth, string DeathId)> ReadTruth(string path)
    {
        var truth = new Dictionary<string, (Truth, string)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var p = line.Split(',');
            if (p[0].Length > 0) truth[p[0]] = (Enum.Parse<Truth>(p[1]), p[2]);
        }
        return truth;
    }

    /// <summary>Every deceased row found (exact or review), no exact stop on anything but a deceased row with its own ID and name,
    /// and each review for the reason the generator built it.</summary>
    private static bool Recall(string engine, string checkFile, Dictionary<string, (Truth Truth, string DeathId)> truth, ReconcileMeta m)
    {
        if (!File.Exists(checkFile)) { Console.WriteLine($"recall {engine}: no {checkFile}"); return false; }
        var found = new Dictionary<string, string>();
        long noAccount = 0;
        foreach (var line in File.ReadLines(checkFile).Skip(1))
        {
            var comma = line.LastIndexOf(',');
            var account = line[..comma];
            if (account.Length == 0) { noAccount++; continue; }
            found[account] = line[(comma + 1)..];
        }
        long deceased = 0, deceasedFound = 0, exactWrong = 0, reasonAsBuilt = 0, reasonOther = 0, namesakes = 0, livingFlagged = 0;
        foreach (var (account, cls) in found)
        {
            var t = truth.TryGetValue(account, out var v) ? v.Truth : Truth.Alive;
            if (cls == "exact" && t != Truth.Exact) exactWrong++;
            if (t == Truth.AliveNamesake) namesakes++;
            else if (t is Truth.Alive or Truth.Rejected) livingFlagged++;
        }
        var misses = new List<string>();
        foreach (var (account, (t, _)) in truth)
        {
            if (t is not (Truth.Exact or Truth.ReviewA or Truth.ReviewB or Truth.ReviewC)) continue;
            deceased++;
            if (!found.TryGetValue(account, out var cls)) { if (misses.Count < 5) misses.Add($"{account} ({t})"); continue; }
            deceasedFound++;
            var expected = t switch { Truth.Exact => "exact", Truth.ReviewA => "review-a", Truth.ReviewB => "review-b", _ => "review-c" };
            if (cls == expected) reasonAsBuilt++; else reasonOther++;
        }
        var ok = deceasedFound == deceased && exactWrong == 0 && reasonOther == 0 && livingFlagged == 0 && noAccount == 0;
        Console.WriteLine($"recall {engine}: deceased rows found {deceasedFound:N0} / {deceased:N0} ({100.0 * deceasedFound / Math.Max(1, deceased):F3} %), " +
                          $"exact stops wrong {exactWrong}, class as built {reasonAsBuilt:N0} (other {reasonOther}), living namesakes in review {namesakes:N0} " +
                          $"(rules 4b/4c, generator counted {m.AliveNamesakes:N0}), other living rows flagged {livingFlagged}" +
                          (noAccount > 0 ? $", {noAccount} results without an account (recall cannot be scored)" : "") +
                          (misses.Count > 0 ? $"; missed e.g. {string.Join(", ", misses)}" : "") + (ok ? "" : " — FAILED"));
        return ok;
    }

    /// <summary>Runs one engine in a fresh process of this same program and reads its RESULT line.</summary>
    private static RunResult? Child(string engine, ReconcileFiles data, string outDir)
    {
        var self = Environment.ProcessPath!;
        var psi = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") { psi.FileName = self; psi.ArgumentList.Add(typeof(Reconcile).Assembly.Location); }
        else psi.FileName = self;
        foreach (var a in new[] { "reconcile-run", engine, data.Deaths, data.Roll, outDir }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        RunResult? result = null;
        string? line;
        while ((line = p.StandardOutput.ReadLine()) is not null)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal)) result = JsonSerializer.Deserialize<RunResult>(line[ResultPrefix.Length..]);
            else Console.WriteLine("  " + line);
        }
        p.WaitForExit();
        if (p.ExitCode != 0 || result is null)
        {
            Console.WriteLine($"FAILED: {engine} run exited {p.ExitCode}{(result is null ? " without a result" : "")}");
            return null;
        }
        return result;
    }

    /// <summary>The child: <c>reconcile-run hereafter|duckdb deaths.csv roll.csv outDir</c>. Prints one RESULT line.</summary>
    public static int RunChild(string[] args)
    {
        if (args.Length != 5) { Console.Error.WriteLine("usage: reconcile-run hereafter|duckdb <deaths.csv> <roll.csv> <outDir>"); return 2; }
        var (engine, deaths, roll, outDir) = (args[1], args[2], args[3], args[4]);
        try
        {
            var result = engine switch
            {
                "hereafter" => RunHereafter(deaths, roll, outDir),
                "duckdb" => ReconcileDuckDb.Run(deaths, roll, outDir, Console.WriteLine),
                _ => throw new ArgumentException($"unknown engine {engine}"),
            };
            result = result with { PeakKiB = PeakKiB(), CpuSeconds = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds };
            Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
            return 0;
        }
        catch (DllNotFoundException e) when (engine == "duckdb")
        {
            Console.WriteLine($"duckdb: its native library is not here ({e.Message}). Only Release builds reference DuckDB.NET.Data.Full: run with -c Release.");
            return 1;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.WriteLine($"{engine} failed: {e}");
            return 1;
        }
    }

    /// <summary>VmHWM: the peak resident set of this process so far (managed heap, native allocations and mapped code alike).</summary>
    private static long PeakKiB()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return 0;
    }

    private static RunResult RunHereafter(string deathsPath, string rollPath, string outDir)
    {
        var clock = Stopwatch.StartNew();
        DeathRegister register;
        using (var deaths = new FileStream(deathsPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            register = DeathRegister.ReadCsv(deaths);
        Console.WriteLine($"hereafter: deaths register {register.Count:N0} people in {clock.Elapsed.TotalSeconds:F2} s, peak so far {PeakKiB() / 1024} MiB");
        ReconciliationSummary summary;
        Directory.CreateDirectory(outDir);
        var counting = new CountingTee(Path.Combine(outDir, "check.csv"));
        using (var files = new ResultFilesSink(outDir))
        using (var roll = new FileStream(rollPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            counting.Inner = files;
            summary = Reconciler.Run(register, roll, new ReconciliationOptions(ProgrammeRules.Defaults["enterprise-pension"]), counting);
            files.WriteSummary(summary);
        }
        counting.Dispose();
        var seconds = clock.Elapsed.TotalSeconds;
        if (summary.Review != counting.A + counting.B + counting.C)
            throw new InvalidOperationException($"summary.review is {summary.Review} but the sink saw {counting.A + counting.B + counting.C} review rows");
        return new RunResult("hereafter", seconds, 0, summary.Rows, summary.ExactStops, counting.A, counting.B, counting.C, summary.Rejected, summary.Unmatched,
            summary.OverpaidMonths, summary.OverpaidAmount, summary.DeathsRejected.Count);
    }

    /// <summary>Passes every result to the files sink and notes account and class for the recall check (a few per cent of rows).</summary>
    private sealed class CountingTee(string checkPath) : IReconciliationSink, IDisposable
    {
        private readonly StreamWriter _check = new(checkPath, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        private bool _header;
        public IReconciliationSink Inner { get; set; } = null!;
        public long A { get; private set; }
        public long B { get; private set; }
        public long C { get; private set; }

        private void Note(string? account, string cls)
        {
            if (!_header) { _check.WriteLine("account,class"); _header = true; }
            _check.Write(account);
            _check.Write(',');
            _check.WriteLine(cls);
        }

        public void Stop(StopRow row)
        {
            Inner.Stop(row);
            Note(row.Entry.Account, "exact");
        }

        public void Review(ReviewRow row)
        {
            Inner.Review(row);
            switch (row.Reason)
            {
                case ReviewReason.IdMatchNameDiffers: A++; Note(row.Entry.Account, "review-a"); break;
                case ReviewReason.IdNearMatch: B++; Note(row.Entry.Account, "review-b"); break;
                default: C++; Note(row.Entry.Account, "review-c"); break;
            }
        }

        public void Reject(RejectedRow row) => Inner.Reject(row);

        public void Dispose()
        {
            if (!_header) _check.WriteLine("account,class");
            _check.Dispose();
        }
    }
}
