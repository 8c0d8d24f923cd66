using System.Net;
using System.Net.Http.Json;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Platform;

/// <summary>Tiny limits with an hour-long window, so no window rolls over during a test however slow the machine.</summary>
public sealed class TinyRateLimitsFactory : HereafterFactory
{
    protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["RateLimits:SignIn:PermitLimit"] = "3",
        ["RateLimits:SignIn:WindowSeconds"] = "3600",
        ["RateLimits:Token:PermitLimit"] = "2",
        ["RateLimits:Token:WindowSeconds"] = "3600",
        ["RateLimits:TokenPerAddress:PermitLimit"] = "8",
        ["RateLimits:TokenPerAddress:WindowSeconds"] = "3600",
        ["RateLimits:Verify:PermitLimit"] = "3",
        ["RateLimits:Verify:WindowSeconds"] = "3600",
        ["RateLimits:PriceCalculator:PermitLimit"] = "2",
        ["RateLimits:PriceCalculator:WindowSeconds"] = "3600",
    };
}

public sealed class RateLimitTests(TinyRateLimitsFactory factory) : IClassFixture<TinyRateLimitsFactory>
{
    [Fact]
    public async Task SignIn_AfterTheLimit_Answers429WithRetryAfterAndAChineseMessage()
    {
        var client = factory.CreateClient();
        var fields = new Dictionary<string, string> { ["Input.UserName"] = "nobody", ["Input.Password"] = "wrong-password" };
        for (var i = 0; i < 3; i++)
        {
            var allowed = await HtmlForms.SubmitAsync(client, "/signin", "signin", fields);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Contains("用户名或密码错误", await allowed.Content.ReadAsStringAsync());
        }

        var limited = await HtmlForms.SubmitAsync(client, "/signin", "signin", fields);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Contains("请求过于频繁", await limited.Content.ReadAsStringAsync());
        // Only posts are limited: the form itself still opens.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin")).StatusCode);
    }

    [Fact]
    public async Task Token_IsLimitedPerClientId_AndMadeUpClientIdsHitTheAddressLimit()
    {
        var client = factory.CreateClient();
        Task<HttpResponseMessage> TokenAsync(string clientId, string secret = DemoData.Secret) =>
            client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
            }));

        Assert.Equal(HttpStatusCode.OK, (await TokenAsync("demo-hospital")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync("demo-hospital")).StatusCode);
        var limited = await TokenAsync("demo-hospital");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await limited.JsonAsync()).GetProperty("status").GetInt32());

        // Another department's system is not held up by the first one's limit.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync("demo-police")).StatusCode);

        // Guessing with a new client id each time: each id is new, but the address runs out (8 in all here).
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) statuses.Add((await TokenAsync($"guess-{i}", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Verify_PageAndApiShareOneLimitPerAddress()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/verify/not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/verify/not-a-token-2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/verify/not-a-token-3")).StatusCode);

        var api = await client.GetAsync("/api/v1/verify/not-a-token-4");
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.True(api.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        var page = await client.GetAsync("/verify/not-a-token-5");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请求过于频繁", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PriceCalculator_PageAndApiAreLimited_ThePriceListIsNot()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/prices/calculator")).StatusCode);
        var answered = await client.PostAsJsonAsync("/api/v1/price-calculations", new { });
        Assert.NotEqual(HttpStatusCode.TooManyRequests, answered.StatusCode);

        var page = await client.GetAsync("/prices/calculator");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("请求过于频繁", await page.Content.ReadAsStringAsync());
        var api = await client.PostAsJsonAsync("/api/v1/price-calculations", new { });
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.True(api.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");

        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/prices")).StatusCode);
    }
}

/// <summary>Windows follow the platform's clock: on a fake one, a window ends exactly when the clock says.</summary>
public sealed class RateLimitWindowTests
{
    [Fact]
    public async Task Verify_RetryAfterIsTheTimeLeftInTheWindow_AndTheNextWindowAnswersAgain()
    {
        await using var factory = new FakeClockFactory(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
        var client = factory.CreateClient();
        for (var i = 0; i < 300; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/verify/not-a-token")).StatusCode);

        var limited = await client.GetAsync("/api/v1/verify/not-a-token");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        factory.Clock.Advance(TimeSpan.FromSeconds(60) - limited.Headers.RetryAfter.Delta.Value + TimeSpan.FromSeconds(30));
        var later = await client.GetAsync("/api/v1/verify/not-a-token");
        Assert.Equal(HttpStatusCode.TooManyRequests, later.StatusCode);
        Assert.InRange(later.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        factory.Clock.Advance(later.Headers.RetryAfter.Delta.Value);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/verify/not-a-token")).StatusCode);
    }
}
