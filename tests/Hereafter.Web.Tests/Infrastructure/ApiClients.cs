using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
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

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static readonly string[] AllDemoClients =
    [
        "demo-hospital", "demo-health-centre", "demo-police", "demo-funeral-home", "demo-cemetery", "demo-civil-affairs",
        "demo-social-security", "demo-medical-insurance", "demo-housing-fund", "demo-bank",
    ];
}
