using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Custody;

/// <summary>Calls of the cremation part's API for tests.</summary>
public static class CremationSupport
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static Task<HttpResponseMessage> CremateAsync(this HttpClient client, Guid id, DateTimeOffset? at = null, string furnace = "3") =>
        client.PostAsJsonAsync($"/api/v1/custody/{id}/cremation", new { crematedAt = at ?? DateTimeOffset.UtcNow.AddMinutes(-30), furnace }, Web);

    public static async Task<string> IssueCremationCertificateAsync(this HttpClient client, Guid id)
    {
        var response = await client.PostAsync($"/api/v1/custody/{id}/cremation-certificate", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    /// <summary>The codes of a 409's <c>refusals</c>.</summary>
    public static async Task<string[]> RefusalsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        return Refusals(await response.JsonAsync());
    }

    public static string[] Refusals(JsonElement problem) =>
        problem.GetProperty("refusals").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).Order().ToArray();

    /// <summary>The field names of a 400.</summary>
    public static async Task<string[]> FieldsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.JsonAsync();
        return json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
    }
}
