using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Modules.Sharing.Features.DeliverWebhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hereafter.Bench;

/// <summary>
/// Webhook dispatch: the police subscription's events, delivered by the dispatcher to a local Kestrel receiver
/// (from the first accepted delivery to the last, so neither issuing nor the retry wait counts), against the same
/// kind of HttpClient posting the same bodies with the same headers to the same receiver, one after another.
/// Unless --no-settle: the dispatcher first delivers up to 600 extra events that are not measured (as the peer's first
/// posts are not), and both wait until the runtime has stopped recompiling, so each side is measured on optimised code.
/// </summary>
internal static class Dispatch
{
    public static async Task<int> RunAsync(Options o)
    {
        var count = o.Certificates ?? 2000;
        // Settling: the first deliveries warm the dispatcher's own code (posting, batch reads, saves and audit entries) and
        // are not measured, as the peer's first posts are not: the measured events come after them.
        var warm = o.Settle ? Math.Max(1, Math.Min(600, count / 2)) : 0;
        var issue = count + warm;
        using var host = new BenchHost(o.Postgres, new Dictionary<string, string?>
        {
            ["Webhooks:RetryBaseMilliseconds"] = "100", ["Webhooks:RetryCapSeconds"] = "1", ["Webhooks:PollMilliseconds"] = "50",
        });
        var baseUrl = host.BaseUrl;
        using var counters = new ProcessCounters();
        Console.WriteLine($"host: {baseUrl}, {host.DatabaseDescription}, Development (demo data seeded), logging Warning");

        var down = true;
        var gate = warm > 0 ? warm : int.MaxValue; // accepted dispatcher deliveries before the receiver answers 503 again
        var warmed = 0;
        var accepted = new ConcurrentQueue<(long At, byte[] Body, string Id, string Signature, string Timestamp)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var receiver = builder.Build();
        receiver.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            if (http.Request.Path != "/direct" && (Volatile.Read(ref down) || Volatile.Read(ref warmed) >= Volatile.Read(ref gate)))
                return Results.StatusCode(503);
            if (http.Request.Path != "/direct" && Volatile.Read(ref gate) != int.MaxValue)
                Interlocked.Increment(ref warmed);
            else if (http.Request.Path != "/direct")
                accepted.Enqueue((Stopwatch.GetTimestamp(), buffer.ToArray(), http.Request.Headers["webhook-id"].ToString(),
                    http.Request.Headers["webhook-signature"].ToString(), http.Request.Headers["webhook-timestamp"].ToString()));
            return Results.NoContent();
        });
        await receiver.StartAsync();
        var receiverUrl = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var police = await ClientAsync(baseUrl, "demo-police");
        var subscribe = await police.PostAsJsonAsync("/api/v1/subscriptions",
            new { callbackUrl = $"{receiverUrl}/hooks/police", eventTypes = new[] { "certificate.issued" } });
        subscribe.EnsureSuccessStatusCode();
        var secret = (await subscribe.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        var key = WebhookSignature.SigningKey(secret);

        var clients = new HttpClient[o.Clients];
        for (var i = 0; i < clients.Length; i++) clients[i] = await Issuing.ClientAsync(baseUrl);
        var issued = await Issuing.IssueAsync(clients, Enumerable.Range(0, issue).Select(People.HospitalDeath).ToArray());
        foreach (var c in clients) c.Dispose();
        Console.WriteLine($"issue: {issued.PerSecond:F1} certificates/s ({issued.Count} in {issued.Seconds:F2} s); receiver answering 503 meanwhile");
        if (issued.Failures.Count > 0) { Console.WriteLine($"FAILED: {issued.Failures[0]}"); return 1; }

        // Wait until every police event is in the feed, so the dispatcher has all of them to deliver.
        var until = DateTime.UtcNow.AddMinutes(5);
        while (await FeedCountAsync(police) < issue)
        {
            if (DateTime.UtcNow > until) { Console.WriteLine("FAILED: events did not reach the feed"); return 1; }
            await Task.Delay(200);
        }

        // The peer's client, warmed here: the HTTP client and server code both sides share is compiled to optimised code
        // before either is measured (the runtime recompiles hot methods in the background, which on 2 cores takes seconds
        // and would otherwise land in the dispatcher's short window, measured first; see bench/README.md, verify).
        using var direct = new HttpClient(WebhookAddressGuard.CreateHandler(development: true)) { Timeout = TimeSpan.FromSeconds(10) };
        var sample = Enumerable.Repeat(System.Text.Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(new { type = "certificate.issued", data = new string('x', 1500) })), count).ToArray();
        if (o.Settle)
        {
            // The dispatcher's warm-up: the first deliveries are accepted and not measured; then the receiver answers 503
            // (the dispatcher backs off, at most 1 s here) until the compiler has settled.
            Volatile.Write(ref down, false);
            var warmUntil = DateTime.UtcNow.AddMinutes(5);
            while (Volatile.Read(ref warmed) < warm)
            {
                if (DateTime.UtcNow > warmUntil) { Console.WriteLine($"FAILED: {warmed} of {warm} warm-up deliveries"); return 1; }
                await Task.Delay(20);
            }
            Console.WriteLine($"warm-up: the dispatcher delivered {warm} events, not measured");
            Volatile.Write(ref down, true);
            var settleStart = counters.Take();
            for (var round = 1; round <= 8; round++)
            {
                var before = counters.Take();
                await PostAllAsync(sample);
                var after = counters.Take();
                var methods = after.JitMethods - before.JitMethods;
                Console.WriteLine($"settle round {round}: {count} direct posts, jit {methods} methods in {(after.JitTime - before.JitTime).TotalMilliseconds:F0} ms");
                if (methods < 50) break;
            }
            Console.WriteLine($"settled: {counters.Take().JitMethods - settleStart.JitMethods} methods compiled before measuring (--no-settle skips this)");
        }

        var dispatchCounters = counters.Take();
        Volatile.Write(ref gate, int.MaxValue);
        Volatile.Write(ref down, false);
        until = DateTime.UtcNow.AddMinutes(5);
        while (accepted.Count < count)
        {
            if (DateTime.UtcNow > until) { Console.WriteLine($"FAILED: {accepted.Count} of {count} delivered"); return 1; }
            await Task.Delay(20);
        }
        var deliveries = accepted.ToArray();
        var afterDispatch = counters.Take();
        var distinct = deliveries.Select(d => d.Id).Distinct().Count();
        var dispatchSeconds = Stopwatch.GetElapsedTime(deliveries[0].At, deliveries[^1].At).TotalSeconds;
        var dispatchRate = (deliveries.Length - 1) / dispatchSeconds;
        Console.WriteLine($"dispatch: {deliveries.Length} deliveries ({distinct} distinct ids) from first to last accepted in {dispatchSeconds:F2} s, one subscription, in order; " +
                          $"jit {afterDispatch.JitMethods - dispatchCounters.JitMethods} methods in {(afterDispatch.JitTime - dispatchCounters.JitTime).TotalMilliseconds:F0} ms meanwhile");

        // The peer: the same bodies and headers from the same kind of client, one at a time, to the same receiver.
        async Task PostAllAsync(IEnumerable<byte[]> bodies)
        {
            foreach (var body in bodies)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"{receiverUrl}/direct") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                // The same headers the dispatcher sends: Standard Webhooks and, for one release, the deprecated ones.
                var id = Guid.NewGuid().ToString();
                var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                request.Headers.Add("webhook-id", id);
                request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add("webhook-signature", WebhookSignature.Sign(key, id, timestamp, body));
                request.Headers.Add("X-Hereafter-Event-Id", id);
                request.Headers.Add("X-Hereafter-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add("X-Hereafter-Signature", WebhookSignature.LegacySign(secret, body));
                using var response = await direct.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
            }
        }
        await PostAllAsync(deliveries.Take(100).Select(d => d.Body));
        var beforeDirect = counters.Take();
        var clock = Stopwatch.StartNew();
        await PostAllAsync(deliveries.Select(d => d.Body));
        var directRate = deliveries.Length / clock.Elapsed.TotalSeconds;
        var afterDirect = counters.Take();
        Console.WriteLine($"direct: {deliveries.Length} posts in {clock.Elapsed.TotalSeconds:F2} s; " +
                          $"jit {afterDirect.JitMethods - beforeDirect.JitMethods} methods in {(afterDirect.JitTime - beforeDirect.JitTime).TotalMilliseconds:F0} ms meanwhile");
        if (distinct != count) { Console.WriteLine($"FAILED: {distinct} distinct event ids, expected {count}"); return 1; }
        Console.WriteLine($"dispatch: {dispatchRate:F0} events/s, direct: {directRate:F0} posts/s, ratio {dispatchRate / directRate:F2}");
        return 0;
    }

    private static async Task<HttpClient> ClientAsync(string baseUrl, string clientId)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = Hereafter.Web.Platform.Demo.DemoData.Secret,
        }));
        token.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        return client;
    }

    private static async Task<int> FeedCountAsync(HttpClient police)
    {
        var total = 0;
        var cursor = "";
        while (true)
        {
            var page = await police.GetFromJsonAsync<JsonElement>($"/api/v1/events?after={cursor}&limit=500");
            var n = page.GetProperty("events").GetArrayLength();
            total += n;
            cursor = page.GetProperty("nextCursor").GetString()!;
            if (n < 500) return total;
        }
    }
}
