using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.EntityFrameworkCore.Models;

namespace Hereafter.Web.Tests.Auth;

/// <summary>Department systems authenticate at OpenIddict's /connect/token with client credentials.</summary>
public sealed class DepartmentClientTokenTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static async Task<JsonElement> TokenAsync(HttpClient client, params (string Key, string Value)[] fields)
    {
        var response = await client.PostAsync("/connect/token", Form(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    [Fact]
    public async Task FormPost_GivesABearerTokenCarryingTheClientsScopes_ThatTheApiAccepts()
    {
        var client = factory.CreateClient();
        var body = await TokenAsync(client, ("grant_type", "client_credentials"), ("client_id", "demo-police"), ("client_secret", DemoData.Secret));
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 3500, 3600);
        Assert.Equal(DepartmentScopes.For(OrganisationType.Police).Order(), body.GetProperty("scope").GetString()!.Split(' ').Order());

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/subscriptions")).StatusCode);
    }

    [Fact]
    public async Task HttpBasic_IsAccepted_AndAScopeCanBeAskedFor()
    {
        var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = Form(("grant_type", "client_credentials"), ("scope", "hereafter.events")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo-social-security:" + DemoData.Secret)));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // RFC 6749 §5.1: the scope is echoed only when it differs from the one asked for.
        var body = await response.JsonAsync();
        Assert.True(!body.TryGetProperty("scope", out var scope) || scope.GetString() == "hereafter.events");
    }

    [Fact]
    public async Task AScopeTheClientIsNotGranted_IsRefused()
    {
        var response = await factory.CreateClient().PostAsync("/connect/token",
            Form(("grant_type", "client_credentials"), ("client_id", "demo-hospital"), ("client_secret", DemoData.Secret), ("scope", DepartmentScopes.Subscriptions)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());
        Assert.Contains("scope", body.GetProperty("error_description").GetString());
    }

    [Theory]
    [InlineData("form")]
    [InlineData("basic")]
    public async Task WrongSecret_Is401InvalidClient(string how)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token");
        if (how == "form")
            request.Content = Form(("grant_type", "client_credentials"), ("client_id", "demo-bank"), ("client_secret", "wrong-secret"));
        else
        {
            request.Content = Form(("grant_type", "client_credentials"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo-bank:wrong-secret")));
        }
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid_client", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task UnknownClient_Is401InvalidClient()
    {
        var response = await factory.CreateClient().PostAsync("/connect/token",
            Form(("grant_type", "client_credentials"), ("client_id", "no-such-client"), ("client_secret", DemoData.Secret)));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("password")]
    [InlineData("urn:example:made-up")]
    public async Task OtherGrants_Are400UnsupportedGrantType(string grant)
    {
        var response = await factory.CreateClient().PostAsync("/connect/token",
            Form(("grant_type", grant), ("client_id", "demo-bank"), ("client_secret", DemoData.Secret), ("code", "x"), ("username", "u"), ("password", "p")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task ADepartmentClient_GetsNoTokenByTheFamiliesAuthorizationCodeGrant()
    {
        // The grant exists for the demo family app; a department client is not permitted it, and a made-up code is no code.
        var response = await factory.CreateClient().PostAsync("/connect/token",
            Form(("grant_type", "authorization_code"), ("client_id", "demo-bank"), ("client_secret", DemoData.Secret), ("code", "x"),
                ("redirect_uri", "http://127.0.0.1:5000/callback"), ("code_verifier", new string('v', 43))));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.JsonAsync()).GetProperty("error").GetString(), new[] { "unauthorized_client", "invalid_grant", "invalid_request" });
    }

    [Fact]
    public async Task ADiscoveryDocument_ListsTheTokenEndpoint_TheGrant_AndTheScopes()
    {
        var response = await factory.CreateClient().GetAsync("/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.JsonAsync();
        Assert.Equal("http://localhost/connect/token", doc.GetProperty("token_endpoint").GetString());
        Assert.Contains("client_credentials", doc.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
        var methods = doc.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("client_secret_basic", methods);
        Assert.Contains("client_secret_post", methods);
        var scopes = doc.GetProperty("scopes_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.All(DepartmentScopes.All, s => Assert.Contains(s, scopes));
        // The signing keys are published (the family portal's identity tokens will be checked against them).
        var jwks = await (await factory.CreateClient().GetAsync(new Uri(doc.GetProperty("jwks_uri").GetString()!).PathAndQuery)).JsonAsync();
        Assert.NotEmpty(jwks.GetProperty("keys").EnumerateArray());
    }

    [Fact]
    public async Task ClientSecrets_AreStoredHashed_NeverInPlainText()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        // Department systems are confidential clients; the demo family app is public (PKCE, no secret to keep).
        var apps = await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking().Where(a => a.ClientType == "confidential").ToListAsync();
        Assert.Contains(apps, a => a.ClientId == "demo-police");
        Assert.DoesNotContain(apps, a => a.ClientId == "demo-family-app");
        Assert.All(apps, a =>
        {
            Assert.False(string.IsNullOrEmpty(a.ClientSecret));
            Assert.DoesNotContain(DemoData.Secret, a.ClientSecret!, StringComparison.Ordinal);
            Assert.True(a.ClientSecret!.Length >= 40, "a salted hash, not the secret");
        });
        // Each secret gets its own salt: equal secrets give different stored values.
        Assert.Equal(apps.Count, apps.Select(a => a.ClientSecret).Distinct().Count());
    }

    [Fact]
    public async Task AGarbledBearerToken_Is401()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/subscriptions")).StatusCode);
    }
}

/// <summary>Several web nodes over one database: a token issued by one is accepted by every other.</summary>
public sealed class TokensAcrossNodesTests
{
    private sealed class SecondNode(HereafterFactory previous) : HereafterFactory(previous);

    [Fact]
    public async Task ATokenIssuedByOneNode_WorksOnAnotherOverTheSameDatabase()
    {
        using var first = new HereafterFactory { KeepStorage = true };
        var token = await (await first.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-police", ["client_secret"] = DemoData.Secret,
        }))).JsonAsync();
        var accessToken = token.GetProperty("access_token").GetString();
        var onFirst = first.CreateClient();
        onFirst.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/api/v1/subscriptions")).StatusCode);

        // A second node runs at the same time over the same database (its own process state, keys read from the database).
        using var second = new SecondNode(first);
        var onSecond = second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var created = await onSecond.PostAsJsonAsync("/api/v1/subscriptions", new { callbackUrl = "http://127.0.0.1:9/hook", eventTypes = new[] { "certificate.issued" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        // And a token of the second node works on the first; both publish the same signing key.
        var again = await second.ClientForAsync("demo-social-security");
        onFirst.DefaultRequestHeaders.Authorization = again.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/api/v1/subscriptions")).StatusCode);
        Assert.Equal(await (await first.CreateClient().GetAsync("/.well-known/jwks")).Content.ReadAsStringAsync(),
            await (await second.CreateClient().GetAsync("/.well-known/jwks")).Content.ReadAsStringAsync());
    }
}

/// <summary>Outside Development the token endpoint answers only over https (behind the proxy, which forwards the scheme).</summary>
public sealed class TokenEndpointInProductionTests : IDisposable
{
    private readonly HereafterFactory _factory = new() { EnvironmentName = "Production" };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PlainHttp_IsRefused_AndTheRegisteredClientGetsATokenOverHttps()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            var org = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<Hereafter.Web.Platform.Organisations.Organisation>()
                .AnyAsync();
            Assert.False(org, "no demo data outside Development");
        }
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "x", ["client_secret"] = "y" };
        // Non-Development factories talk https by default; this client deliberately does not.
        var plain = await _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost") }).PostAsync("/connect/token", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Equal("invalid_request", (await plain.JsonAsync()).GetProperty("error").GetString());

        var https = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        Assert.Equal(HttpStatusCode.Unauthorized, (await https.PostAsync("/connect/token", new FormUrlEncodedContent(form))).StatusCode);
    }
}
