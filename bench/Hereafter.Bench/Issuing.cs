using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Domain.Certificates;
using Hereafter.Web.Platform.Demo;

namespace Hereafter.Bench;

/// <summary>
/// Unique, valid fictional people and their hospital deaths. Person <c>i</c> has its own birth date
/// (so no two share name and birth date: never a possible duplicate held for review) and its own ID number,
/// in region 520111 (花溪区), which the demo data does not use.
/// </summary>
public static class People
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘";
    private const string Given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国德文斌";
    private static readonly DateOnly FirstBirth = new(1931, 1, 1);
    public const int Capacity = 20_000; // births up to 1985: every one an adult at death

    public static CertificateData HospitalDeath(int i)
    {
        if (i is < 0 or >= Capacity) throw new ArgumentOutOfRangeException(nameof(i), $"at most {Capacity} people");
        var name = $"{Surnames[i % Surnames.Length]}{Given[i / 7 % Given.Length]}{Given[i / 13 % Given.Length]}";
        var birth = FirstBirth.AddDays(i);
        var sequence = i % 499 * 2 + 1; // odd: male
        var id = DemoData.IdFor("520111", birth, sequence);
        // Yesterday 10:00 in Guiyang: recent, so not certified late by much, and never in the future.
        var deathAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1).AddHours(2), TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8));
        return Sample.HospitalDeath(name, "1", id, birth.ToString("yyyy-MM-dd"), deathAt.ToString("yyyy-MM-ddTHH:mm:sszzz"),
            "贵阳市第一人民医院", "王立新", "110520100012345",
            [("a", "急性心肌梗死", 3m, "hours", "I21.9"), ("b", "冠状动脉粥样硬化性心脏病", 8m, "years", "I25.1")], "I21.9");
    }
}

public sealed record IssueResult(int Count, int Clients, double Seconds, IReadOnlyList<string> Tokens, IReadOnlyList<string> Failures)
{
    public double PerSecond => Count / Seconds;
}

/// <summary>Issues certificates through the real API as the demo hospital's department system.</summary>
public static class Issuing
{
    public const string ClientId = "demo-hospital";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>A client with its own connection and its own bearer token from <c>POST /connect/token</c> (the hospital's by default).</summary>
    public static async Task<HttpClient> ClientAsync(string baseUrl, string clientId = ClientId, TimeSpan? timeout = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, UseProxy = false }) { BaseAddress = new Uri(baseUrl) };
        if (timeout is { } t) client.Timeout = t;
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = DemoData.Secret,
        }));
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"POST /connect/token answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Posts every certificate once, <paramref name="clients"/> at a time, and collects the verification
    /// tokens (the last path segment of <c>verificationUrl</c>). Bodies are serialised before the clock starts.
    /// Anything but 201 is a failure.
    /// </summary>
    public static async Task<IssueResult> IssueAsync(IReadOnlyList<HttpClient> clients, IReadOnlyList<CertificateData> certificates)
    {
        var bodies = certificates.Select(c => JsonSerializer.SerializeToUtf8Bytes(c, Web)).ToArray();
        var tokens = new string?[bodies.Length];
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var next = -1;

        async Task Worker(HttpClient client)
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                using var response = await client.PostAsync("/api/v1/certificates", content);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    failures.Enqueue($"certificate {i}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
                    continue;
                }
                var url = JsonDocument.Parse(text).RootElement.GetProperty("verificationUrl").GetString()!;
                tokens[i] = url[(url.LastIndexOf('/') + 1)..];
            }
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(c => Task.Run(() => Worker(c))));
        var seconds = clock.Elapsed.TotalSeconds;
        return new IssueResult(bodies.Length, clients.Count, seconds, tokens.OfType<string>().ToArray(), failures.ToArray());
    }
}
