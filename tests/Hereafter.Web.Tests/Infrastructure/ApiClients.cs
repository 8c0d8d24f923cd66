using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Domain.Certificates;
using Hereafter.Web.Platform.Demo;

namespace Hereafter.Web.Tests.Infrastructure;

public static class ApiClients
{
    /// <summary>An HttpClient authenticated as a demo department system through the real token endpoint.</summary>
    public static async Task<HttpClient> ClientForAsync(this HereafterFactory factory, string clientId)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = DemoData.Secret,
        }));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Issues <paramref name="data"/> through <c>POST /api/v1/certificates</c> as a demo client; its number.</summary>
    public static async Task<string> IssueAsync(this HereafterFactory factory, CertificateData data, string clientId = "demo-hospital")
    {
        var client = await factory.ClientForAsync(clientId);
        var response = await client.PostAsJsonAsync("/api/v1/certificates", data, Web);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static readonly string[] AllDemoClients =
    [
        "demo-hospital", "demo-health-centre", "demo-police", "demo-funeral-home", "demo-cemetery", "demo-civil-affairs",
        "demo-social-security", "demo-medical-insurance", "demo-housing-fund", "demo-bank",
    ];
}
