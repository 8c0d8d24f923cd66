using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Demo;
using Microsoft.AspNetCore.WebUtilities;

namespace Hereafter.Bench;

/// <summary>
/// The booking scenario's citizens: distinct, checksum-valid ID numbers in region 520113 (白云区, unused by the demo data),
/// each signed in through the demo identity provider's real flow (authorization code + PKCE for the public client
/// <c>demo-family-app</c>, as a family's phone app does it): authorize → the provider's sign-in page → its form post →
/// authorize again → the code redeemed at <c>/connect/token</c>. The access token is what the app then sends as bearer.
/// </summary>
internal static partial class BookingCitizens
{
    private const string Region = "520113";
    private const string Redirect = "http://127.0.0.1:51004/callback";
    private static readonly DateOnly FirstBirth = new(1940, 1, 1);
    public const int Capacity = 40_000;

    /// <summary>Citizen <paramref name="i"/>'s ID number: one birth date each for the first 20,000, then the next sequence number.</summary>
    public static string IdNumber(int i)
    {
        if (i is < 0 or >= Capacity) throw new ArgumentOutOfRangeException(nameof(i), $"at most {Capacity} citizens");
        return DemoData.IdFor(Region, FirstBirth.AddDays(i % 20_000), 101 + i / 20_000 * 2);
    }

    public sealed record SignedIn(string[] AccessTokens, double Seconds, int Parallel, string Counters, string Steps);

    private static readonly string[] StepNames = ["authorize", "sign-in page", "form post", "authorize again", "token"];
    private static readonly long[] StepTicks = new long[5];

    /// <summary>Signs in citizens 0 … <paramref name="count"/>−1, <paramref name="parallel"/> at a time; their access tokens in order.</summary>
    public static async Task<SignedIn> SignInAsync(string baseUrl, int count, int parallel, ProcessCounters counters)
    {
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, UseCookies = false, UseProxy = false, MaxConnectionsPerServer = parallel,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var tokens = new string[count];
        var next = -1;
        var done = 0;
        var before = counters.Take();
        var clock = Stopwatch.StartNew();
        using var progress = new Timer(_ => Console.WriteLine($"  … {Volatile.Read(ref done)} of {count} signed in ({clock.Elapsed.TotalSeconds:F0} s)"),
            null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15));
        async Task Worker()
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                tokens[i] = await SignInOneAsync(client, IdNumber(i));
                Interlocked.Increment(ref done);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(Worker)));
        var seconds = clock.Elapsed.TotalSeconds;
        var steps = string.Join(", ", StepNames.Select((n, k) =>
            $"{n} {Interlocked.Exchange(ref StepTicks[k], 0) * 1000.0 / Stopwatch.Frequency / count:F1}"));
        return new SignedIn(tokens, seconds, parallel, counters.Take().Since(before, count), $"mean ms per step: {steps}");
    }

    /// <summary>One citizen through the whole flow on a shared connection pool, with this flow's own cookies.</summary>
    private static async Task<string> SignInOneAsync(HttpClient client, string idNumber)
    {
        var cookies = new CookieContainer();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var state = Guid.NewGuid().ToString("n");
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = FamilyProvider.DemoClientId, ["response_type"] = "code", ["redirect_uri"] = Redirect,
            ["scope"] = "openid profile phone", ["state"] = state,
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))), ["code_challenge_method"] = "S256",
        });

        using var first = await SendAsync(client, cookies, HttpMethod.Get, authorize, null, 0);
        var signInUrl = (await ExpectAsync(first, HttpStatusCode.Redirect, "authorize")).Headers.Location!.OriginalString;
        using var page = await SendAsync(client, cookies, HttpMethod.Get, signInUrl, null, 1);
        var html = await (await ExpectAsync(page, HttpStatusCode.OK, "sign-in page")).Content.ReadAsStringAsync();
        var form = Forms().Matches(html).Select(m => m.Value)
            .FirstOrDefault(f => f.Contains("name=\"_handler\" value=\"citizen-signin\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No citizen-signin form on {signInUrl}.");
        var fields = HiddenInputs().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["username"] = idNumber;
        fields["password"] = DemoData.Secret;
        var action = FormAction().Match(form) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : signInUrl;
        using var posted = await SendAsync(client, cookies, HttpMethod.Post, action, new FormUrlEncodedContent(fields), 2);
        var back = (await ExpectAsync(posted, HttpStatusCode.Redirect, "sign-in form post")).Headers.Location!;
        using var second = await SendAsync(client, cookies, HttpMethod.Get, back.OriginalString, null, 3);
        var callback = (await ExpectAsync(second, HttpStatusCode.Redirect, "authorize after sign-in")).Headers.Location!;
        var query = QueryHelpers.ParseQuery(callback.Query);
        if (query["state"] != state) throw new InvalidOperationException("The state came back changed.");
        var code = query["code"].ToString();
        if (code.Length == 0) throw new InvalidOperationException($"No code in {callback}.");

        using var token = await SendAsync(client, cookies, HttpMethod.Post, "/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect,
            ["client_id"] = FamilyProvider.DemoClientId, ["code_verifier"] = verifier,
        }), 4);
        var answer = await (await ExpectAsync(token, HttpStatusCode.OK, "token request")).Content.ReadFromJsonAsync<JsonElement>();
        return answer.GetProperty("access_token").GetString() ?? throw new InvalidOperationException("No access_token.");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, CookieContainer cookies, HttpMethod method, string url, HttpContent? content, int step)
    {
        var started = Stopwatch.GetTimestamp();
        var uri = new Uri(client.BaseAddress!, url);
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        var header = cookies.GetCookieHeader(uri);
        if (header.Length > 0) request.Headers.Add("Cookie", header);
        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var c in set) cookies.SetCookies(uri, c);
        await response.Content.LoadIntoBufferAsync();
        Interlocked.Add(ref StepTicks[step], Stopwatch.GetTimestamp() - started);
        return response;
    }

    private static async Task<HttpResponseMessage> ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string step)
    {
        if (response.StatusCode == status) return response;
        var body = await response.Content.ReadAsStringAsync();
        throw new InvalidOperationException($"{step}: {(int)response.StatusCode} instead of {(int)status}: {body[..Math.Min(300, body.Length)]}");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("<input[^>]*?type=\"hidden\"[^>]*?name=\"(?<name>[^\"]*)\"[^>]*?value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInputs();

    [GeneratedRegex("<form[^>]*?\\baction=\"([^\"]*)\"")]
    private static partial Regex FormAction();
}
