using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Hereafter.Web.Modules.Sharing.Features.DeliverWebhooks;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Sharing;

public sealed class WebhookSubscriptionAccessTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task OnlyDepartmentsSubscribe_AndEachOrganisationSeesOnlyItsOwn()
    {
        var body = new { callbackUrl = "http://127.0.0.1:9/hook", eventTypes = new[] { "certificate.issued" } };
        foreach (var outsider in new[] { "demo-hospital", "demo-cemetery" })
        {
            var client = await factory.ClientForAsync(outsider);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/subscriptions", body, Web)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/subscriptions")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/subscriptions")).StatusCode);

        var police = await factory.ClientForAsync("demo-police");
        var (id, _) = await police.SubscribeAsync("http://127.0.0.1:9/hook", types: ["certificate.issued", "case.task-updated"]);
        var mine = await (await police.GetAsync($"/api/v1/subscriptions/{id}")).JsonAsync();
        Assert.Equal("police", mine.GetProperty("department").GetString());
        Assert.Equal(["certificate.issued", "case.task-updated"], mine.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.False(mine.TryGetProperty("secret", out _));
        Assert.Contains((await (await police.GetAsync("/api/v1/subscriptions")).JsonAsync()).EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);

        var social = await factory.ClientForAsync("demo-social-security");
        Assert.Equal(HttpStatusCode.NotFound, (await social.GetAsync($"/api/v1/subscriptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await social.GetAsync($"/api/v1/subscriptions/{id}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await social.PostAsync($"/api/v1/subscriptions/{id}/deliveries/{Guid.NewGuid()}/redeliver", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await social.DeleteAsync($"/api/v1/subscriptions/{id}")).StatusCode);
        Assert.DoesNotContain((await (await social.GetAsync("/api/v1/subscriptions")).JsonAsync()).EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);

        Assert.Equal(HttpStatusCode.NoContent, (await police.DeleteAsync($"/api/v1/subscriptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/v1/subscriptions/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.0.5", true)]
    [InlineData("172.16.3.4", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd12:3456::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("93.184.215.14", false)]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c", false)]
    public void InternalAddresses_AreBlocked(string address, bool blocked) =>
        Assert.Equal(blocked, WebhookAddressGuard.IsBlocked(IPAddress.Parse(address)));

    [Fact]
    public async Task OutsideDevelopment_DeliveryRefusesToConnectToInternalAddresses()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            using var http = new HttpClient(WebhookAddressGuard.CreateHandler(development: false));
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var e = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync($"http://127.0.0.1:{port}/hook", new StringContent("{}")));
            Assert.Contains("internal", e.Message);
        }
        finally
        {
            listener.Stop();
        }
    }
}

/// <summary>Production: https only, and never an internal address. No demo data there, so the test seeds a department.</summary>
public sealed class WebhookSubscriptionProductionTests : IDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly HereafterFactory _factory = new() { EnvironmentName = "Production" };

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> PoliceSystemAsync()
    {
        const string secret = "production-police-client-secret";
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var org = new Organisation
            {
                Id = Guid.NewGuid(), Code = "gy-police-test", Name = "贵阳市公安局测试", NameEn = "Police (test)", Type = OrganisationType.Police,
                CreditCode = "11520100MB0000000X", RegionCode = "520100", District = "云岩区",
            };
            db.Add(org);
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<DepartmentClients>().RegisterAsync("police-system", secret, org.Id, "户籍系统",
                DepartmentScopes.For(OrganisationType.Police));
        }
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "police-system", ["client_secret"] = secret,
        }));
        token.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.JsonAsync()).GetProperty("access_token").GetString());
        return client;
    }

    [Theory]
    [InlineData("http://127.0.0.1/hook", "https")]
    [InlineData("http://hooks.example.com/hook", "https")]
    [InlineData("https://10.0.0.5/hook", "internal")]
    [InlineData("https://127.0.0.1/hook", "internal")]
    [InlineData("https://[::1]/hook", "internal")]
    [InlineData("https://169.254.169.254/latest/meta-data", "internal")]
    [InlineData("https://localhost/hook", "internal")]
    public async Task InternalOrPlainHttpCallbacks_AreRefused(string url, string reason)
    {
        var police = await PoliceSystemAsync();
        police.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await police.PostAsJsonAsync("/api/v1/subscriptions", new { callbackUrl = url, eventTypes = new[] { "certificate.issued" } }, Web);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Contains(reason, problem.GetProperty("errors").GetProperty("callbackUrl")[0].GetString());
    }

    [Fact]
    public async Task APublicHttpsCallback_IsAccepted()
    {
        var police = await PoliceSystemAsync();
        var response = await police.PostAsJsonAsync("/api/v1/subscriptions", new { callbackUrl = "https://93.184.215.14/hook", eventTypes = new[] { "certificate.issued" } }, Web);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
