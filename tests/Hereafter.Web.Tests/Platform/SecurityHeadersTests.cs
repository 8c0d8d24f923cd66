using System.Net;
using System.Text.RegularExpressions;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Platform;

/// <summary>Every environment: a Content-Security-Policy the pages actually satisfy, and nosniff.</summary>
public sealed partial class SecurityHeadersTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/signin")]
    [InlineData("/prices")]
    public async Task Pages_SendAStrictPolicy_AndHaveNoInlineScript(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(response.Headers.Contains("Strict-Transport-Security")); // Development

        // What the policy allows is what the page uses: its one script comes from this site, none is inline.
        var html = await response.Content.ReadAsStringAsync();
        Assert.Empty(InlineScripts().Matches(html));
        Assert.Matches("<script src=\"_framework/blazor\\.web[^\"]*\\.js\"", html);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(BlazorScript().Match(html).Groups[1].Value)).StatusCode);
    }

    [Fact]
    public async Task TheApiReference_GetsTheRelaxedPolicyItNeeds_OnlyOnItsPath()
    {
        var response = await factory.CreateClient().GetAsync("/api-docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'unsafe-inline'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        // Scalar's own script is served from this site, which 'self' allows.
        var html = await response.Content.ReadAsStringAsync();
        foreach (Match m in ScriptSources().Matches(html))
            Assert.False(Uri.TryCreate(m.Groups[1].Value, UriKind.Absolute, out var abs) && abs.Host != "localhost", $"external script {m.Groups[1].Value}");
    }

    [Fact]
    public async Task ApiResponses_AreNotSniffed()
    {
        var response = await factory.CreateClient().GetAsync("/health");
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScripts();

    [GeneratedRegex("<script src=\"([^\"]*blazor\\.web[^\"]*)\"")]
    private static partial Regex BlazorScript();

    [GeneratedRegex("<script[^>]*\\bsrc=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSources();
}

/// <summary>Outside Development: HSTS on https, Secure cookies, and forwarded headers only from the configured proxy.</summary>
public sealed class ProductionHostTests : IDisposable
{
    private sealed class ProxiedFactory : HereafterFactory
    {
        public ProxiedFactory() => EnvironmentName = "Production";
        protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
        {
            ["Platform:ForwardedHeaders:KnownProxies"] = "10.0.0.5",
            ["Platform:ForwardedHeaders:KnownNetworks"] = "192.168.10.0/24",
        };
    }

    private readonly ProxiedFactory _factory = new();

    [Fact]
    public async Task Https_GetsHsts_AndTheSignInAndAntiforgeryCookiesAreSecure()
    {
        var staff = await _factory.SeedStaffAsync(displayName: "生产测试员");
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://hereafter.test/"), AllowAutoRedirect = false });

        var page = await client.GetAsync("/signin");
        var hsts = Assert.Single(page.Headers.GetValues("Strict-Transport-Security"));
        Assert.StartsWith("max-age=31536000", hsts);
        Assert.Contains("script-src 'self';", Assert.Single(page.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var signedIn = await HtmlForms.SubmitAsync(client, "/signin", "signin",
            new Dictionary<string, string> { ["Input.UserName"] = staff.UserName, ["Input.Password"] = staff.Password });
        var auth = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hereafter.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("生产测试员", await client.GetStringAsync("/"));
    }

    [Theory]
    [InlineData("10.0.0.5", true)]      // the configured proxy
    [InlineData("192.168.10.7", true)]  // inside the configured network
    [InlineData("10.0.0.6", false)]     // anybody else cannot claim https
    public async Task ForwardedProto_IsBelievedOnlyFromAConfiguredProxy(string remote, bool believed)
    {
        using var app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse(remote)))));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://hereafter.test/") });
        var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(believed, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task PlainHttp_WithoutAProxy_GetsNoHsts()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://hereafter.test/") });
        var response = await client.GetAsync("/health");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    /// <summary>The test server has no network connection; this sets the address a request came from.</summary>
    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate n) => { http.Connection.RemoteIpAddress = address; return n(http); });
            next(app);
        };
    }

    public void Dispose() => _factory.Dispose();
}
