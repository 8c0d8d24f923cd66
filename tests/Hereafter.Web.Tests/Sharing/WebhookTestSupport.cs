using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>The platform with short webhook intervals; <see cref="Restarted"/> starts it again on the same storage.</summary>
public class WebhookFactory : HereafterFactory
{
    public WebhookFactory() { }
    protected WebhookFactory(HereafterFactory previous) : base(previous) { }

    public static WebhookFactory Restarted(HereafterFactory previous) => new(previous);

    protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Webhooks:PollMilliseconds"] = "50",
        ["Webhooks:RetryBaseMilliseconds"] = "100",
        ["Webhooks:RetryCapSeconds"] = "1",
        ["Webhooks:TimeoutSeconds"] = "5",
    };
}

/// <summary>A real HTTP receiver on loopback (Kestrel): records what arrives; answers 503 while <see cref="Down"/>.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>
    /// One POST as received. <see cref="EventId"/>, <see cref="Timestamp"/> and <see cref="Signature"/> are the
    /// Standard Webhooks headers; <see cref="Headers"/> holds every header, for a reference library to verify.
    /// </summary>
    public sealed record Delivery(string Path, byte[] Raw, string EventId, string Timestamp, string Signature, string ContentType, bool Accepted,
        IHeaderDictionary Headers)
    {
        public string LegacySignature => Headers["X-Hereafter-Signature"].ToString();
        public string Body => Encoding.UTF8.GetString(Raw);
        public JsonElement Json => JsonDocument.Parse(Raw).RootElement;
    }

    private readonly WebApplication _app;
    public ConcurrentQueue<Delivery> All { get; } = new();
    public volatile bool Down;
    public string BaseUrl { get; }

    private WebhookReceiver(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? self = null;
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var down = self!.Down;
            var headers = new HeaderDictionary();
            foreach (var (name, value) in http.Request.Headers) headers[name] = value;
            self.All.Enqueue(new Delivery(http.Request.Path, buffer.ToArray(), headers["webhook-id"].ToString(),
                headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString(),
                http.Request.ContentType ?? "", !down, headers));
            return down ? Results.StatusCode(503) : Results.NoContent();
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return self = new WebhookReceiver(app, url);
    }

    public string Url(string path) => $"{BaseUrl}/{path}";

    public List<Delivery> Accepted(string path) => All.Where(d => d.Accepted && d.Path == "/" + path).ToList();
    public List<Delivery> Rejected(string path) => All.Where(d => !d.Accepted && d.Path == "/" + path).ToList();

    /// <summary>Event ids in the order they were first accepted.</summary>
    public List<string> AcceptedIds(string path) => Accepted(path).Select(d => d.EventId).Distinct().ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public static class WebhookTestHelpers
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<(Guid Id, string Secret)> SubscribeAsync(this HttpClient client, string callbackUrl, string? secret = null, string[]? types = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { callbackUrl, secret, eventTypes = types ?? ["certificate.issued", "certificate.corrected", "certificate.revoked", "case.task-updated"] }, Web);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }

    /// <summary>The deprecated <c>X-Hereafter-Signature</c>: hex HMAC-SHA256 of the body alone with the secret's UTF-8 bytes.</summary>
    public static string LegacySign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Verifies a delivery as a department would, with the Standard Webhooks reference library (throws if it fails).</summary>
    public static void Verify(string secret, WebhookReceiver.Delivery delivery) =>
        new StandardWebhook(secret).Verify(delivery.Body, delivery.Headers);

    /// <summary>Whether the reference library accepts the delivery (with the body and headers as given).</summary>
    public static bool Verifies(string secret, string body, IHeaderDictionary headers)
    {
        try
        {
            new StandardWebhook(secret).Verify(body, headers);
            return true;
        }
        catch (WebhookVerificationException)
        {
            return false;
        }
    }

    /// <summary>A secret in the Standard Webhooks form: <c>whsec_</c> + base64 of <paramref name="bytes"/> random bytes.</summary>
    public static string NewSecret(int bytes = 32) => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));

    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException(what());
            await Task.Delay(50);
        }
    }

    /// <summary>Issues certificates as demo-hospital, <paramref name="parallel"/> at a time; returns their numbers.</summary>
    public static async Task<List<string>> IssueManyAsync(this HereafterFactory factory, int count, int parallel = 6)
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var numbers = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (_, ct) =>
        {
            var response = await hospital.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(People.Next()), Web, ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            numbers.Add((await response.JsonAsync()).GetProperty("number").GetString()!);
        });
        return numbers.ToList();
    }
}
