using System.Diagnostics;
using System.Net;

namespace Hereafter.Bench;

/// <summary>What one endpoint did under load in the measured window.</summary>
public sealed record LoadResult(string Name, long Requests, long NonOk, long Errors, double Seconds, LatencyHistogram Latency, string? FirstProblem, string Counters)
{
    public double RequestsPerSecond => Requests / Seconds;

    /// <summary>One line; the entry point runs under the invariant culture.</summary>
    public string Describe() =>
        $"{Name}: {RequestsPerSecond:F0} req/s ({Requests} in {Seconds:F1} s), latency ms p50 {Latency.PercentileMilliseconds(50):F2} " +
        $"p90 {Latency.PercentileMilliseconds(90):F2} p99 {Latency.PercentileMilliseconds(99):F2} p99.9 {Latency.PercentileMilliseconds(99.9):F2} " +
        $"max {Latency.MaxMilliseconds:F2} mean {Latency.MeanMilliseconds:F2}, non-200 {NonOk}, errors {Errors}" +
        (FirstProblem is null ? "" : $" (first: {FirstProblem})");
}

/// <summary>
/// A closed-loop load generator in this process: <c>connections</c> workers, each sending one GET at a time
/// on its own keep-alive connection of one shared <see cref="SocketsHttpHandler"/> (MaxConnectionsPerServer
/// = connections), reading each body to the end. Warm-up requests are sent but not counted; every request
/// that completes in the measured window is counted and its latency recorded. Bounded in time: it stops by itself.
/// </summary>
public static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(string name, string baseUrl, IReadOnlyList<string> paths,
        int connections, TimeSpan warmUp, TimeSpan duration, ProcessCounters counters)
    {
        var uris = paths.Select(p => new Uri(baseUrl + p)).ToArray();
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        var histograms = new LatencyHistogram[connections];
        var counts = new long[connections];
        var nonOk = new long[connections];
        var errors = new long[connections];
        string? firstProblem = null;
        var recording = 0; // 0 warm-up, 1 measuring, 2 stopping
        var buffer = new byte[connections][];

        async Task Worker(int w)
        {
            var histogram = histograms[w] = new LatencyHistogram();
            buffer[w] = new byte[16 * 1024];
            // Workers start at different places in the token list, then each walks through all of it.
            var i = w * Math.Max(1, uris.Length / connections);
            while (Volatile.Read(ref recording) < 2)
            {
                var uri = uris[i++ % uris.Length];
                var started = Stopwatch.GetTimestamp();
                HttpStatusCode? status = null;
                string? problem = null;
                try
                {
                    using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    while (await body.ReadAsync(buffer[w]) > 0) { }
                    status = response.StatusCode;
                    if (status != HttpStatusCode.OK) problem = $"{(int)status.Value} for {uri.AbsolutePath}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    problem = $"{e.GetType().Name}: {e.Message}";
                }
                var elapsed = Stopwatch.GetTimestamp() - started;
                if (Volatile.Read(ref recording) != 1) continue;
                histogram.RecordStopwatch(elapsed);
                counts[w]++;
                if (problem is null) continue;
                if (status is null) errors[w]++; else nonOk[w]++;
                Interlocked.CompareExchange(ref firstProblem, problem, null);
            }
        }

        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(() => Worker(w))).ToArray();
        await Task.Delay(warmUp);
        var before = counters.Take();
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref recording, 1);
        await Task.Delay(duration);
        Volatile.Write(ref recording, 2);
        var seconds = clock.Elapsed.TotalSeconds;
        var after = counters.Take();
        await Task.WhenAll(workers);

        var all = new LatencyHistogram();
        foreach (var h in histograms) all.Add(h);
        var requests = counts.Sum();
        return new LoadResult(name, requests, nonOk.Sum(), errors.Sum(), seconds, all, firstProblem, after.Since(before, requests));
    }
}
