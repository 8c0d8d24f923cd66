using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Platform;

public sealed class TokenEndpointTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task ClientCredentials_GiveABearerToken()
    {
        var response = await factory.CreateClient().PostAsync("/connect/token",
            Form(("grant_type", "client_credentials"), ("client_id", "demo-bank"), ("client_secret", "demo-secret")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 3500, 3600);
        Assert.True(body.GetProperty("access_token").GetString()!.Length >= 40);
    }

    [Fact]
    public async Task HttpBasicClientAuthentication_IsAccepted()
    {
        var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = Form(("grant_type", "client_credentials")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo-police:demo-secret")));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task WrongSecret_IsInvalidClient()
    {
        var response = await factory.CreateClient().PostAsync("/connect/token",
            Form(("grant_type", "client_credentials"), ("client_id", "demo-bank"), ("client_secret", "wrong")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task OtherGrantTypes_AreUnsupported()
    {
        var response = await factory.CreateClient().PostAsync("/connect/token",
            Form(("grant_type", "password"), ("client_id", "demo-bank"), ("client_secret", "demo-secret")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task MissingFields_AreInvalidRequest()
    {
        var response = await factory.CreateClient().PostAsync("/connect/token", Form(("grant_type", "client_credentials")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task AllDemoClients_Exist_InDevelopment()
    {
        foreach (var clientId in ApiClients.AllDemoClients)
        {
            var client = await factory.ClientForAsync(clientId);
            Assert.NotNull(client.DefaultRequestHeaders.Authorization);
        }
    }
}

/// <summary>Outside Development the platform starts empty: no demo client, account or certificate.</summary>
public sealed class ProductionTests : IDisposable
{
    private readonly HereafterFactory _factory = new() { EnvironmentName = "Production" };

    [Fact]
    public async Task DemoClients_DoNotExist_OutsideDevelopment()
    {
        var https = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var response = await https.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-hospital", ["client_secret"] = "demo-secret",
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ApiErrors_AreProblemDetails_AndPagesAreFriendlyChinese()
    {
        var client = _factory.CreateClient();
        var api = await client.GetAsync("/api/v1/verify/" + new string('x', 600));
        Assert.Equal("invalid", (await api.JsonAsync()).GetProperty("status").GetString());
        var page = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("页面不存在", await page.Content.ReadAsStringAsync());
    }

    public void Dispose() => _factory.Dispose();
}
