using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Hereafter.Bench;

/// <summary>
/// The rush: every attempt is one citizen's <c>POST /api/v1/memorial/bookings</c> with their own bearer token and an
/// <c>Idempotency-Key</c>, as the phone app sends it. All attempts are queued at once and <c>connections</c> clients
/// (keep-alive connections of one <see cref="SocketsHttpHandler"/>) take the next one as soon as their previous answer
/// is read, so the server always has <c>connections</c> requests in hand until the queue is empty (a closed loop; the
/// queue stands for the citizens still pressing "book"). Bodies are serialised before the clock starts. Every latency
/// (send to last byte of the answer) goes into a <see cref="LatencyHistogram"/>.
/// </summary>
internal static class BookingLoad
{
    public const string Path = "/api/v1/memorial/bookings";

    public sealed record Attempt(int Citizen, string Token, byte[] Body, string IdempotencyKey);

    public sealed class Result
    {
        public required int Attempts { get; init; }
        public required int Connections { get; init; }
        public required double Seconds { get; init; }
        public required LatencyHistogram All { get; init; }
        public required LatencyHistogram Created { get; init; }
        public required LatencyHistogram Refused { get; init; }
        /// <summary>HTTP status per attempt (0: no answer).</summary>
        public required int[] Status { get; init; }
        /// <summary>The booking id of each 201.</summary>
        public required Guid?[] BookingIds { get; init; }
        /// <summary>The pass token of each 201.</summary>
        public required string?[] PassTokens { get; init; }
        /// <summary>409 answers by their <c>detail</c>.</summary>
        public required IReadOnlyDictionary<string, int> RefusalDetails { get; init; }
        public required IReadOnlyList<string> Problems { get; init; }
        public required string Counters { get; init; }

        public double AttemptsPerSecond => Attempts / Seconds;
        public int Count(int status) => Status.Count(s => s == status);
        public int Unexpected => Status.Count(s => s is not (201 or 409));

        public string Describe(string name) =>
            $"{name}: {AttemptsPerSecond:F0} attempts/s ({Attempts} in {Seconds:F2} s, {Connections} connections): 201 × {Count(201)}, 409 × {Count(409)}, " +
            $"other {Unexpected}; latency ms p50 {All.PercentileMilliseconds(50):F2} p90 {All.PercentileMilliseconds(90):F2} " +
            $"p99 {All.PercentileMilliseconds(99):F2} p99.9 {All.PercentileMilliseconds(99.9):F2} max {All.MaxMilliseconds:F2} mean {All.MeanMilliseconds:F2}" +
            $"\n  201 latency ms p50 {Created.PercentileMilliseconds(50):F2} p99 {Created.PercentileMilliseconds(99):F2} max {Created.MaxMilliseconds:F2}; " +
            $"409 latency ms p50 {Refused.PercentileMilliseconds(50):F2} p99 {Refused.PercentileMilliseconds(99):F2} max {Refused.MaxMilliseconds:F2}";
    }

    public static HttpClient Client(string baseUrl, int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10), AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false, UseProxy = false, AllowAutoRedirect = false,
        }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<Result> RunAsync(HttpClient client, IReadOnlyList<Attempt> attempts, int connections, ProcessCounters counters)
    {
        var status = new int[attempts.Count];
        var ids = new Guid?[attempts.Count];
        var passes = new string?[attempts.Count];
        var all = new LatencyHistogram[connections];
        var created = new LatencyHistogram[connections];
        var refused = new LatencyHistogram[connections];
        var details = new Dictionary<string, int>[connections];
        var problems = new List<string>();
        var uri = new Uri(client.BaseAddress!, Path);
        var next = -1;

        async Task Worker(int w)
        {
            var (a, c, r, d) = (all[w] = new(), created[w] = new(), refused[w] = new(), details[w] = new());
            for (var i = Interlocked.Increment(ref next); i < attempts.Count; i = Interlocked.Increment(ref next))
            {
                var attempt = attempts[i];
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(attempt.Body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", attempt.Token);
                request.Headers.Add("Idempotency-Key", attempt.IdempotencyKey);
                var started = Stopwatch.GetTimestamp();
                string? body = null;
                try
                {
                    using var response = await client.SendAsync(request);
                    body = await response.Content.ReadAsStringAsync();
                    status[i] = (int)response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    lock (problems) problems.Add($"citizen {attempt.Citizen}: {e.GetType().Name}: {e.Message}");
                }
                var elapsed = Stopwatch.GetTimestamp() - started;
                a.RecordStopwatch(elapsed);
                switch (status[i])
                {
                    case 201:
                        c.RecordStopwatch(elapsed);
                        using (var json = JsonDocument.Parse(body!))
                        {
                            ids[i] = json.RootElement.GetProperty("id").GetGuid();
                            passes[i] = json.RootElement.GetProperty("passToken").GetString();
                        }
                        break;
                    case 409:
                        r.RecordStopwatch(elapsed);
                        var detail = Detail(body);
                        d[detail] = d.GetValueOrDefault(detail) + 1;
                        break;
                    case not 0:
                        lock (problems) problems.Add($"citizen {attempt.Citizen}: {status[i]} {body?[..Math.Min(300, body.Length)]}");
                        break;
                }
            }
        }

        var before = counters.Take();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(w => Task.Run(() => Worker(w))));
        var seconds = clock.Elapsed.TotalSeconds;
        var counted = counters.Take().Since(before, attempts.Count);

        LatencyHistogram Merge(LatencyHistogram[] parts)
        {
            var merged = new LatencyHistogram();
            foreach (var p in parts) merged.Add(p);
            return merged;
        }
        var refusals = new Dictionary<string, int>();
        foreach (var d in details) foreach (var (k, v) in d) refusals[k] = refusals.GetValueOrDefault(k) + v;
        return new Result
        {
            Attempts = attempts.Count, Connections = connections, Seconds = seconds, All = Merge(all), Created = Merge(created),
            Refused = Merge(refused), Status = status, BookingIds = ids, PassTokens = passes, RefusalDetails = refusals,
            Problems = problems, Counters = counted,
        };
    }

    private static string Detail(string? body)
    {
        try
        {
            using var json = JsonDocument.Parse(body ?? "");
            return json.RootElement.TryGetProperty("detail", out var d) && d.GetString() is { } s ? s : "(no detail)";
        }
        catch (JsonException)
        {
            return "(not JSON)";
        }
    }
}
