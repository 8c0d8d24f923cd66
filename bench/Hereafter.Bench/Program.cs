using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Domain.Certificates;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Platform.Data;

namespace Hereafter.Bench;

// dotnet run -c Release --project bench/Hereafter.Bench -- verify|issue|dispatch|prices|reconcile|booking|dashboard [--seconds N] [--warmup N]
//   [--connections N] [--certificates N] [--clients N] [--postgres "<Npgsql connection string>"] [--load wrk|inprocess]
//   reconcile [--deaths N (1000000)] [--rows N (10000000)]
//   booking [--attempts N (20000)] [--places N (2000)] (PostgreSQL from HEREAFTER_TEST_POSTGRES, or --postgres)
//   dashboard [--requests N (50)] (SQLite, or PostgreSQL with --postgres)
// Each scenario measures against a named peer in the same run and prints the ratio on its last line.
internal static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        // Hidden: one engine of the reconcile scenario in its own process (its peak memory is its own).
        if (args.Length > 0 && args[0] == "reconcile-run") return Reconcile.RunChild(args);

        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }

        var build = typeof(Entry).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled) ? ", DEBUG build: figures mean nothing (use -c Release)" : ", Release build";
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
                          $".NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}{build}");

        return options.Scenario switch
        {
            "verify" => await Scenarios.VerifyAsync(options),
            "issue" => await Scenarios.IssueAsync(options),
            "dispatch" => await Dispatch.RunAsync(options),
            "reconcile" => Reconcile.Run(options),
            "prices" => await Prices.RunAsync(options),
            "booking" => await Booking.RunAsync(options),
            "dashboard" => await Dashboard.RunAsync(options),
            _ => 2,
        };
    }
}

internal sealed record Options(string Scenario, double Seconds, bool SecondsGiven, double WarmUp, int Connections, int? Certificates, int Clients, string? Postgres,
    string? Load, int? Deaths = null, long? Rows = null, int? Attempts = null, int? Places = null, int? Requests = null, bool Settle = true)
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/Hereafter.Bench -- verify|issue|dispatch|prices|reconcile|booking|dashboard [--seconds N] [--warmup N] " +
        "[--connections N] [--certificates N] [--clients N] [--postgres \"<connection string>\"] [--load wrk|inprocess] [--deaths N] [--rows N] " +
        "[--attempts N] [--places N] [--requests N] [--no-settle]";

    public static Options Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("verify" or "issue" or "dispatch" or "prices" or "reconcile" or "booking" or "dashboard")) throw new ArgumentException("Name a scenario: verify, issue, dispatch, prices, reconcile, booking or dashboard.");
        var o = new Options(args[0], 10, false, 2, 64, null, 4, null, null);
        for (var i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            double Positive(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v : throw new ArgumentException($"{args[i - 1]}: '{s}' is not a positive number.");
            o = args[i] switch
            {
                "--seconds" => o with { Seconds = Positive(Value()), SecondsGiven = true },
                "--warmup" => o with { WarmUp = Positive(Value()) },
                "--connections" => o with { Connections = (int)Positive(Value()) },
                "--certificates" => o with { Certificates = (int)Positive(Value()) },
                "--clients" => o with { Clients = (int)Positive(Value()) },
                "--postgres" => o with { Postgres = Value() },
                "--deaths" => o with { Deaths = (int)Positive(Value()) },
                "--rows" => o with { Rows = (long)Positive(Value()) },
                "--attempts" => o with { Attempts = (int)Positive(Value()) },
                "--places" => o with { Places = (int)Positive(Value()) },
                "--requests" => o with { Requests = (int)Positive(Value()) },
                "--no-settle" => o with { Settle = false },
                "--load" => o with { Load = Value() is var l && l is "wrk" or "inprocess" ? l : throw new ArgumentException($"--load: '{l}' is neither wrk nor inprocess.") },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return o;
    }
}

internal static class Scenarios
{
    /// <summary>
    /// wrk by default: it runs in its own process, so the server keeps its thread pool and GC to itself.
    /// Null (after saying why) when wrk was asked for and is not installed.
    /// </summary>
    public static bool? ChooseWrk(Options o)
    {
        var useWrk = o.Load == "wrk" || (o.Load is null && WrkLoad.Available);
        if (useWrk && !WrkLoad.Available)
        {
            Console.WriteLine($"--load wrk: {WrkLoad.DefaultPath} not found (apt-get install -y wrk)");
            return null;
        }
        if (o.Load is null && !useWrk)
            Console.WriteLine($"note: {WrkLoad.DefaultPath} not found, using the in-process load generator (it shares this process's CPU with the server: compare ratios only)");
        return useWrk;
    }

    /// <summary>
    /// Issues certificates, then loads the public verify endpoint and the bare /health endpoint with the same
    /// load generator, connections and duration, one after the other in the same process.
    /// </summary>
    public static async Task<int> VerifyAsync(Options o)
    {
        if (Scenarios.ChooseWrk(o) is not { } useWrk) return 2;

        using var counters = new ProcessCounters();
        using var host = new BenchHost(o.Postgres);
        var baseUrl = host.BaseUrl;
        Console.WriteLine($"host: {baseUrl}, {host.DatabaseDescription}, Development (demo data seeded), logging Warning");

        var count = o.Certificates ?? 200;
        var clients = await ClientsAsync(baseUrl, o.Clients);
        try
        {
            var warm = await Issuing.IssueAsync(clients, Enumerable.Range(0, 10).Select(People.HospitalDeath).ToArray());
            if (Failed(warm)) return 1;
            var beforeIssue = counters.Take();
            var issued = await Issuing.IssueAsync(clients, Enumerable.Range(10, count).Select(People.HospitalDeath).ToArray());
            Console.WriteLine($"issue: {issued.PerSecond:F1} certificates/s ({issued.Count} in {issued.Seconds:F2} s, {issued.Clients} parallel clients; validate + store + sign)");
            Console.WriteLine($"  process during issue: {counters.Take().Since(beforeIssue, issued.Count)}");
            if (Failed(issued)) return 1;

            using (var probe = new HttpClient { BaseAddress = new Uri(baseUrl) })
            {
                var first = await probe.GetFromJsonAsync<JsonElement>($"/api/v1/verify/{issued.Tokens[0]}");
                var status = first.GetProperty("status").GetString();
                Console.WriteLine($"verify probe: status {status}, body {first.GetRawText()}");
                if (status != "valid") { Console.WriteLine("verify probe: expected status valid"); return 1; }
            }

            var warmUp = TimeSpan.FromSeconds(o.WarmUp);
            var duration = TimeSpan.FromSeconds(o.Seconds);
            var generator = useWrk ? $"wrk ({WrkLoad.DefaultPath}, separate process)" : "in-process HttpClient generator";
            var whose = useWrk ? "server only; wrk is another process" : "server + load generator";
            Console.WriteLine($"load: {generator}, {o.Connections} connections, {o.WarmUp:F0} s warm-up then {o.Seconds:F0} s measured per endpoint; verify cycles through {issued.Tokens.Count} tokens");
            var verifyPaths = issued.Tokens.Select(t => $"/api/v1/verify/{Uri.EscapeDataString(t)}").ToArray();
            if (o.Settle) await SettleAsync(useWrk, baseUrl, [verifyPaths, ["/health"]], o.Connections, counters);
            var verify = await LoadAsync(useWrk, "verify GET /api/v1/verify/{token}", baseUrl, verifyPaths, o.Connections, warmUp, duration, counters);
            Console.WriteLine(verify.Description);
            Console.WriteLine($"  process during verify ({whose}, measured window): {verify.Counters}");
            var bare = await LoadAsync(useWrk, "bare GET /health", baseUrl, ["/health"], o.Connections, warmUp, duration, counters);
            Console.WriteLine(bare.Description);
            Console.WriteLine($"  process during bare ({whose}, measured window): {bare.Counters}");

            var problems = verify.Problems + bare.Problems;
            if (problems > 0) Console.WriteLine($"FAILED: {problems} requests were not answered 2xx (non-2xx answers and socket errors)");
            Console.WriteLine($"verify: {verify.RequestsPerSecond:F0} req/s, bare: {bare.RequestsPerSecond:F0} req/s, " +
                              $"p99 {verify.P99Milliseconds:F2} ms, ratio {verify.RequestsPerSecond / bare.RequestsPerSecond:F2}");
            return problems > 0 ? 1 : 0;
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }

    /// <summary>
    /// Issuing through the HTTP API (validate + store + sign, with parallel clients) against validating the
    /// very same certificates with <see cref="CertificateValidator.Validate"/> in a loop on one thread.
    /// </summary>
    public static async Task<int> IssueAsync(Options o)
    {
        using var counters = new ProcessCounters();
        using var host = new BenchHost(o.Postgres);
        var baseUrl = host.BaseUrl;
        Console.WriteLine($"host: {baseUrl}, {host.DatabaseDescription}, Development (demo data seeded), logging Warning");

        var count = o.Certificates ?? 500;
        const int warmCount = 20;
        var clients = await ClientsAsync(baseUrl, o.Clients);
        CertificateData[] inputs;
        IssueResult issued;
        try
        {
            var warm = await Issuing.IssueAsync(clients, Enumerable.Range(0, warmCount).Select(People.HospitalDeath).ToArray());
            if (Failed(warm)) return 1;
            inputs = Enumerable.Range(warmCount, count).Select(People.HospitalDeath).ToArray();
            var before = counters.Take();
            issued = await Issuing.IssueAsync(clients, inputs);
            Console.WriteLine($"issue: {issued.PerSecond:F1} certificates/s ({issued.Count} in {issued.Seconds:F2} s, {issued.Clients} parallel clients over HTTP; validate + store + sign)");
            Console.WriteLine($"  process during issue: {counters.Take().Since(before, issued.Count)}");
            if (Failed(issued)) return 1;
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }

        // The peer: the same inputs, validated only, as the issue handler does it (now, issuer kind hospital).
        var seconds = o.SecondsGiven ? o.Seconds : 3;
        var (perSecond, validations) = ValidateOnly(inputs, TimeSpan.FromSeconds(Math.Min(1, seconds)), TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"validate-only: {perSecond:F0} per s ({validations} CertificateValidator.Validate calls in {seconds:F1} s on one thread, same {inputs.Length} inputs)");
        Console.WriteLine($"issue: {issued.PerSecond:F1} certificates/s, validate-only: {perSecond:F0} per s, ratio {issued.PerSecond / perSecond:F4}");
        return 0;
    }

    private static (double PerSecond, long Calls) ValidateOnly(CertificateData[] inputs, TimeSpan warmUp, TimeSpan duration)
    {
        var sink = 0L;
        long Loop(TimeSpan span)
        {
            var calls = 0L;
            var until = Stopwatch.GetTimestamp() + (long)(span.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < until)
            {
                foreach (var data in inputs)
                {
                    var result = CertificateValidator.Validate(data, new CertificateContext(DateTimeOffset.UtcNow, OrganisationType.Hospital.ToCode()));
                    if (!result.IsValid) throw new InvalidOperationException($"input {calls} is invalid: {result.Errors[0].Path} {result.Errors[0].Code}");
                    sink += result.Warnings.Count;
                    calls++;
                }
            }
            return calls;
        }
        Loop(warmUp);
        var clock = Stopwatch.StartNew();
        var measured = Loop(duration);
        var elapsed = clock.Elapsed.TotalSeconds;
        GC.KeepAlive(sink);
        return (measured / elapsed, measured);
    }

    /// <summary>
    /// Loads each endpoint in turn, unmeasured, until the runtime has stopped recompiling (fewer than 100 methods in a
    /// round; at most 8 rounds). The runtime recompiles hot methods in the background (tier 0, then instrumented, then
    /// optimised: thousands of methods here), and on 2 cores shared with wrk that takes tens of seconds, far longer than
    /// a short warm-up: without this the first endpoint measured pays for compiling the code both share, and the
    /// second runs optimised code (2026-12-04, bench/README.md). A node serving for hours compiles once.
    /// </summary>
    private static async Task SettleAsync(bool useWrk, string baseUrl, IReadOnlyList<IReadOnlyList<string>> pathSets, int connections, ProcessCounters counters)
    {
        var start = counters.Take();
        for (var round = 1; round <= 8; round++)
        {
            var before = counters.Take();
            foreach (var paths in pathSets)
                await LoadAsync(useWrk, "settle", baseUrl, paths, connections, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), counters);
            var after = counters.Take();
            var methods = after.JitMethods - before.JitMethods;
            Console.WriteLine($"settle round {round}: jit {methods} methods in {(after.JitTime - before.JitTime).TotalMilliseconds:F0} ms");
            if (methods < 100) break;
        }
        var end = counters.Take();
        Console.WriteLine($"settled: {end.JitMethods - start.JitMethods} methods compiled under load before measuring (--no-settle skips this)");
    }

    internal static async Task<LoadSummary> LoadAsync(bool useWrk, string name, string baseUrl, IReadOnlyList<string> paths,
        int connections, TimeSpan warmUp, TimeSpan duration, ProcessCounters counters)
    {
        if (useWrk) return await WrkLoad.RunAsync(name, baseUrl, paths, connections, warmUp, duration, counters);
        var r = await LoadGenerator.RunAsync(name, baseUrl, paths, connections, warmUp, duration, counters);
        return new LoadSummary(r.Describe(), r.RequestsPerSecond, r.Latency.PercentileMilliseconds(99), r.NonOk + r.Errors, r.Counters);
    }

    private static async Task<HttpClient[]> ClientsAsync(string baseUrl, int count)
    {
        var clients = new HttpClient[count];
        for (var i = 0; i < count; i++) clients[i] = await Issuing.ClientAsync(baseUrl);
        return clients;
    }

    private static bool Failed(IssueResult result)
    {
        if (result.Failures.Count == 0 && result.Tokens.Count == result.Count) return false;
        Console.WriteLine($"FAILED: {result.Failures.Count} of {result.Count} certificates were not issued (201)");
        foreach (var f in result.Failures.Take(5)) Console.WriteLine($"  {f}");
        return true;
    }
}
