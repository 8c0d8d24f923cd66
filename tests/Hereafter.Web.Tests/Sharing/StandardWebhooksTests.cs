using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>
/// Deliveries as a department receives them, checked with the Standard Webhooks reference library (NuGet
/// StandardWebhooks), not with a recipe of ours.
/// </summary>
public sealed class StandardWebhooksTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ARetriedEvent_KeepsItsWebhookId_EveryAttemptVerifies_AndAReplayOrForgeryIsRejected()
    {
        using var factory = new WebhookFactory();
        await using var receiver = await WebhookReceiver.StartAsync();
        await factory.WaitUntilQuietAsync(); // the demo certificates' events are not part of this test
        receiver.Down = true;
        var police = await factory.ClientForAsync("demo-police");
        var secret = WebhookTestHelpers.NewSecret();
        await police.SubscribeAsync(receiver.Url("police"), secret, ["certificate.issued"]);

        var number = await factory.IssueAsync();
        await WebhookTestHelpers.UntilAsync(() => receiver.Rejected("police").Count >= 2, Wait, () => "no retries while down");
        receiver.Down = false;
        await WebhookTestHelpers.UntilAsync(() => receiver.Accepted("police").Count > 0, Wait, () => "not delivered after the receiver came back");

        var attempts = receiver.All.Where(d => d.Path == "/police").ToList();
        Assert.True(attempts.Count >= 3);
        // One event, one webhook-id on every attempt: the id a receiver de-duplicates by, and the body's own id.
        var id = Assert.Single(attempts.Select(d => d.EventId).Distinct());
        Assert.All(attempts, d => Assert.Equal(id, d.Json.GetProperty("id").GetString()));
        Assert.Equal(number, attempts[^1].Json.GetProperty("certificateNumber").GetString());
        Assert.All(attempts, d => WebhookTestHelpers.Verify(secret, d));

        var delivery = receiver.Accepted("police")[0];
        var library = new StandardWebhook(secret);
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(delivery.Timestamp, CultureInfo.InvariantCulture));
        // Byte for byte what the reference library signs for this id, timestamp and body.
        Assert.Equal(library.Sign(id, sentAt, delivery.Body), delivery.Signature);

        // A capture replayed later keeps its signed timestamp: the library refuses it once it is over five minutes old.
        var old = DateTimeOffset.UtcNow.AddMinutes(-10);
        Assert.False(WebhookTestHelpers.Verifies(secret, delivery.Body, With(delivery.Headers, ("webhook-timestamp", old.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ("webhook-signature", library.Sign(id, old, delivery.Body)))));
        // Refreshing the timestamp, or moving the body under another id, breaks the signature.
        Assert.False(WebhookTestHelpers.Verifies(secret, delivery.Body, With(delivery.Headers,
            ("webhook-timestamp", (sentAt.ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture)))));
        Assert.False(WebhookTestHelpers.Verifies(secret, delivery.Body, With(delivery.Headers, ("webhook-id", Guid.NewGuid().ToString()))));
    }

    [Fact]
    public async Task AGivenSecret_MustBeWhsecBase64Of24To64Bytes_Otherwise400()
    {
        using var factory = new WebhookFactory();
        var police = await factory.ClientForAsync("demo-police");
        string Base64(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
        var before = (await (await police.GetAsync("/api/v1/subscriptions")).JsonAsync()).GetArrayLength();

        foreach (var good in new[] { WebhookTestHelpers.NewSecret(24), WebhookTestHelpers.NewSecret(64), WebhookTestHelpers.NewSecret(33) })
        {
            var (_, returned) = await police.SubscribeAsync("http://127.0.0.1:9/hook", good);
            Assert.Equal(good, returned);
        }

        var bad = new[]
        {
            "police-webhook-secret-0123456789",            // the old free-form secret
            Base64(32),                                    // no prefix
            "whsec_" + Base64(23),                         // too short a key
            "whsec_" + Base64(65),                         // too long a key
            "whsec_" + Base64(32).TrimEnd('='),            // padding missing
            "whsec_" + new string('_', 43) + "=",           // URL-safe alphabet
            "whsec_ " + Base64(32),                        // whitespace
            "whsec_",
            "WHSEC_" + Base64(32),
        };
        foreach (var secret in bad)
        {
            var response = await police.PostAsJsonAsync("/api/v1/subscriptions",
                new { callbackUrl = "http://127.0.0.1:9/hook", secret, eventTypes = new[] { "certificate.issued" } }, Web);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{secret}: {response.StatusCode}");
            Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
            var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("secret")[0].GetString();
            Assert.Contains("whsec_", message);
        }
        var list = await (await police.GetAsync("/api/v1/subscriptions")).JsonAsync();
        Assert.Equal(before + 3, list.GetArrayLength());
    }

    private static HeaderDictionary With(IHeaderDictionary headers, params (string Name, string Value)[] changes)
    {
        var copy = new HeaderDictionary();
        foreach (var (name, value) in headers) copy[name] = value;
        foreach (var (name, value) in changes) copy[name] = value;
        return copy;
    }
}
