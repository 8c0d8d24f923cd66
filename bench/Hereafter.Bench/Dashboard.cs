using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Bench;

/// <summary>
/// The bureau's dashboard (issue #14) over a year of a city: <see cref="DashboardData"/> writes 40,000 deaths of 2025 with
/// their cases, tasks, stops, bills and custody records into the app's database, then civil affairs' system asks
/// <c>GET /api/v1/supervision/dashboard</c> <c>--requests</c> times one after the other (whole year and city; one district;
/// one quarter). The peer is a skilled user's hand-written grouped SQL for the same certificate, task and booking figures
/// (<see cref="DashboardPeer"/>) through ADO.NET on the same database, in the same run.
/// Last line: <c>dashboard: p50 &lt;ms&gt; ms, p99 &lt;ms&gt; ms</c> (the whole year, whole city).
/// </summary>
internal static class Dashboard
{
    public const int DefaultRequests = 50;
    private const string ClientId = "demo-civil-affairs";

    public static async Task<int> RunAsync(Options o)
    {
        try
        {
            return await RunScenarioAsync(o);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"FAILED: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> RunScenarioAsync(Options o)
    {
        var requests = o.Requests ?? DefaultRequests;
        Console.WriteLine($"load average (1, 5, 15 min): {Booking.LoadAverage()}");
        using var counters = new ProcessCounters();
        using var host = new BenchHost(o.Postgres);
        var baseUrl = host.BaseUrl;
        Console.WriteLine($"host: {baseUrl}, {host.DatabaseDescription}, Development (demo data seeded), logging Warning");

        using var client = await Issuing.ClientAsync(baseUrl, ClientId, TimeSpan.FromMinutes(5));
        var year = DashboardData.Year;
        var cityYear = $"/api/v1/supervision/dashboard?from={year}-01&to={year}-12";
        var before = (await GetAsync(client, cityYear)).GetProperty("certificates").GetProperty("issued").GetInt32();

        var seeded = await DashboardData.SeedAsync(host.Services);
        Console.WriteLine($"seeded {year} in {seeded.Seconds:F1} s ({seeded.Rows} rows through {(o.Postgres is null ? "prepared INSERTs in one transaction per table" : "binary COPY")}): {seeded.Detail}");

        var probe = await GetAsync(client, cityYear);
        var issued = probe.GetProperty("certificates").GetProperty("issued").GetInt32();
        var tasks = probe.GetProperty("tasks");
        Console.WriteLine($"probe: certificates.issued {issued} (before seeding {before}), tasks.tasks {tasks.GetProperty("tasks").GetInt32()}, " +
                          $"acknowledgedInTime {tasks.GetProperty("acknowledgedInTime").GetInt32()}, done {tasks.GetProperty("done").GetInt32()}, " +
                          $"overdueNow {tasks.GetProperty("overdueNow").GetInt32()}, districts {probe.GetProperty("districts").GetArrayLength()}; " +
                          $"body {probe.GetRawText().Length} characters");
        if (issued != DashboardData.Issued + before)
        {
            Console.WriteLine($"FAILED: certificates.issued is {issued}, expected {DashboardData.Issued + before} ({DashboardData.Issued} seeded + {before} before)");
            return 1;
        }

        var district = seeded.BusiestDistrict;
        var cases = new (string Name, string Path)[]
        {
            ("one district, whole year", $"/api/v1/supervision/dashboard?from={year}-01&to={year}-12&district={district}"),
            ("whole city, one quarter", $"/api/v1/supervision/dashboard?from={year}-04&to={year}-06"),
            ("whole city, whole year", cityYear),
        };
        // Warm-up: every variant a few times (JIT, query caches, the database's own caches).
        foreach (var (_, path) in cases)
            for (var i = 0; i < 5; i++) await GetAsync(client, path);

        var results = new List<(string Name, Latencies L)>();
        foreach (var (name, path) in cases)
        {
            var beforeRun = counters.Take();
            var l = await MeasureAsync(requests, () => GetAsync(client, path));
            results.Add((name, l));
            Console.WriteLine($"app {name}: {l} ({path})");
            Console.WriteLine($"  process (server + client): {counters.Take().Since(beforeRun, requests)}");
        }

        // The peer: the same figures by hand-written grouped SQL on the same database.
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var peer = new DashboardPeer(db);
            var figures = await peer.ReadAsync(year);
            Console.WriteLine($"peer figures: {figures}");
            var appTasks = tasks.GetProperty("tasks").GetInt32();
            if (figures.Issued != issued || figures.Tasks != appTasks || figures.InTime != tasks.GetProperty("acknowledgedInTime").GetInt32())
            {
                Console.WriteLine($"FAILED: the peer counts differ from the app's (issued {issued}, tasks {appTasks}, in time {tasks.GetProperty("acknowledgedInTime").GetInt32()})");
                return 1;
            }
            for (var i = 0; i < 5; i++) await peer.ReadAsync(year);
            var p = await MeasureAsync(requests, () => peer.ReadAsync(year));
            var app = results[^1].L;
            Console.WriteLine($"peer grouped SQL through ADO.NET, whole city, whole year: {p}");
            Console.WriteLine($"app/peer: p50 {app.P50 / p.P50:F1}×, p99 {app.P99 / p.P99:F1}× (the app answers over HTTP with JSON and the districts list; the peer is the bare queries)");
        }
        Console.WriteLine($"load average after: {Booking.LoadAverage()}");
        var whole = results[^1].L;
        Console.WriteLine($"dashboard: p50 {whole.P50:F1} ms, p99 {whole.P99:F1} ms");
        return 0;
    }

    internal sealed record Latencies(double P50, double P99, double Max, double Mean, int Count)
    {
        public override string ToString() => $"{Count} sequential: p50 {P50:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms, mean {Mean:F1} ms";
    }

    private static async Task<Latencies> MeasureAsync<T>(int n, Func<Task<T>> call)
    {
        var ms = new double[n];
        for (var i = 0; i < n; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            ms[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(ms);
        // Nearest rank: p99 of 50 requests is the 50th (the slowest), of 100 the 99th.
        double Rank(double p) => ms[Math.Clamp((int)Math.Ceiling(p / 100 * n) - 1, 0, n - 1)];
        return new Latencies(Rank(50), Rank(99), ms[^1], ms.Average(), n);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
