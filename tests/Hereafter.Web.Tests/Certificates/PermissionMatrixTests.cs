using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Certificates;

/// <summary>
/// Every organisation type against every certificate endpoint: allowed calls are not refused, and
/// everything else is 403 (least privilege, DOMAIN §2).
/// </summary>
public sealed class PermissionMatrixTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // Which clients may call each endpoint on a certificate issued by demo-hospital.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["issue"] = ["demo-hospital", "demo-health-centre", "demo-police"],
        ["list"] = ["demo-hospital", "demo-health-centre", "demo-police", "demo-civil-affairs"],
        ["review-queue"] = ["demo-civil-affairs"],
        ["read"] = ["demo-hospital", "demo-police", "demo-funeral-home", "demo-cemetery", "demo-civil-affairs",
                    "demo-social-security", "demo-medical-insurance", "demo-housing-fund", "demo-bank"],
        // The FHIR document carries the causes of death: copy-1 and copy-2 readers only.
        ["fhir"] = ["demo-hospital", "demo-police", "demo-civil-affairs"],
        ["pdf-copy-1"] = ["demo-hospital", "demo-civil-affairs"],
        ["pdf-copy-4"] = ["demo-hospital", "demo-funeral-home", "demo-cemetery"],
        ["reissue"] = ["demo-hospital"],
        ["revocation"] = ["demo-hospital"],
        ["review"] = ["demo-civil-affairs"],
        ["audit-verify"] = ["demo-civil-affairs"],
    };

    public static TheoryData<string> Clients => new(ApiClients.AllDemoClients);

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task EachOrganisationType_GetsExactlyItsPermissions(string clientId)
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var created = await hospital.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(People.Next()), Web);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = (await created.JsonAsync()).GetProperty("number").GetString()!;
        var client = await factory.ClientForAsync(clientId);

        var calls = new Dictionary<string, Func<Task<HttpResponseMessage>>>
        {
            ["issue"] = () => client.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(People.Next()), Web),
            ["list"] = () => client.GetAsync("/api/v1/certificates"),
            ["review-queue"] = () => client.GetAsync("/api/v1/certificates?list=review"),
            ["read"] = () => client.GetAsync($"/api/v1/certificates/{number}"),
            ["fhir"] = () => client.GetAsync($"/api/v1/certificates/{number}/fhir"),
            ["pdf-copy-1"] = () => client.GetAsync($"/api/v1/certificates/{number}/pdf?copy=1"),
            ["pdf-copy-4"] = () => client.GetAsync($"/api/v1/certificates/{number}/pdf?copy=4"),
            // The reissue and revocation reasons are valid; allowed callers therefore succeed.
            ["reissue"] = () => client.PostAsJsonAsync($"/api/v1/certificates/{number}/reissue", new { reason = "家属遗失" }),
            ["review"] = () => client.PostAsJsonAsync($"/api/v1/certificates/{number}/review", new { decision = "issue", reason = "复核" }),
            ["audit-verify"] = () => client.GetAsync("/api/v1/audit/verify"),
            ["revocation"] = () => client.PostAsJsonAsync($"/api/v1/certificates/{number}/revocation", new { reason = "误开" }),
        };
        var wrong = new List<string>();
        foreach (var (name, call) in calls)
        {
            var status = (await call()).StatusCode;
            var allowed = Allowed[name].Contains(clientId);
            // An allowed caller may still meet a business answer (the review endpoint finds nothing held: 404).
            var ok = allowed ? status is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) && (int)status < 500
                             : status == HttpStatusCode.Forbidden;
            if (!ok) wrong.Add($"{name}: {(int)status}");
        }
        Assert.True(wrong.Count == 0, $"{clientId}: {string.Join(", ", wrong)}");
    }
}
