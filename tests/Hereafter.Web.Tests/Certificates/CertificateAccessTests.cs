using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Certificates;

/// <summary>Least privilege: each organisation reads only its copy (联), and every read is audited.</summary>
public sealed class CertificateAccessTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private async Task<(string Number, People.Person Person)> IssuedAsync()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var person = People.Next();
        var response = await hospital.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(person), Web);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.JsonAsync()).GetProperty("number").GetString()!, person);
    }

    [Fact]
    public async Task FuneralHome_ReadsCopy4_WithoutCauseOfDeath_AndTheReadIsAudited()
    {
        var (number, person) = await IssuedAsync();
        var funeral = await factory.ClientForAsync("demo-funeral-home");
        var response = await funeral.GetAsync($"/api/v1/certificates/{number}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("急性心肌梗死", text);
        Assert.DoesNotContain("I21.9", text);
        Assert.DoesNotContain("\"causes\"", text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("copy-4", body.GetProperty("view").GetString());
        Assert.Equal(person.Name, body.GetProperty("decedent").GetProperty("name").GetString());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var entry = await db.Set<AuditEntry>().Where(e => e.Subject == $"certificate:{number}" && e.Action == "certificate.read")
            .OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal("贵阳市殡仪馆", entry.OrganisationName);
        Assert.Equal("funeral-service", entry.Purpose);
    }

    [Theory]
    [InlineData("demo-bank")]
    [InlineData("demo-housing-fund")]
    [InlineData("demo-social-security")]
    [InlineData("demo-medical-insurance")]
    public async Task BanksAndFunds_SeeNoMedicalData(string clientId)
    {
        var (number, _) = await IssuedAsync();
        var client = await factory.ClientForAsync(clientId);
        var text = await (await client.GetAsync($"/api/v1/certificates/{number}")).Content.ReadAsStringAsync();
        Assert.Contains("\"view\":\"death-notice\"", text);
        Assert.DoesNotContain("急性心肌梗死", text);
        // The ICD-10 code with its dot: "I21" alone turns up by chance inside the signed QR token's base64url text.
        Assert.DoesNotContain("I21.9", text);
        Assert.DoesNotContain("\"causes\"", text);
    }

    [Fact]
    public async Task Police_ReadCopy2_Issuer_ReadsCopy1_WithHistory()
    {
        var (number, _) = await IssuedAsync();
        var police = await factory.ClientForAsync("demo-police");
        var copy2 = await (await police.GetAsync($"/api/v1/certificates/{number}")).JsonAsync();
        Assert.Equal("copy-2", copy2.GetProperty("view").GetString());
        Assert.Equal([2], copy2.GetProperty("printableCopies").EnumerateArray().Select(e => e.GetInt32()));
        var hospital = await factory.ClientForAsync("demo-hospital");
        var copy1 = await (await hospital.GetAsync($"/api/v1/certificates/{number}")).JsonAsync();
        Assert.Equal("copy-1", copy1.GetProperty("view").GetString());
        Assert.Equal([1, 2, 3, 4], copy1.GetProperty("printableCopies").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("I21.9", copy1.GetProperty("causes").GetProperty("underlyingCauseIcd10").GetString());
    }

    [Fact]
    public async Task AnotherHospital_CannotReadTheCertificate()
    {
        var (number, _) = await IssuedAsync();
        var other = await factory.ClientForAsync("demo-health-centre");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/certificates/{number}")).StatusCode);
    }

    public static TheoryData<string> NonCertifiers => new()
    {
        "demo-funeral-home", "demo-cemetery", "demo-civil-affairs", "demo-social-security",
        "demo-medical-insurance", "demo-housing-fund", "demo-bank",
    };

    [Theory]
    [MemberData(nameof(NonCertifiers))]
    public async Task OnlyCertifyingOrganisations_MayIssue(string clientId)
    {
        var client = await factory.ClientForAsync(clientId);
        var response = await client.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(People.Next()), Web);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("demo-hospital", HttpStatusCode.Forbidden)]
    [InlineData("demo-police", HttpStatusCode.Forbidden)]
    [InlineData("demo-bank", HttpStatusCode.Forbidden)]
    [InlineData("demo-civil-affairs", HttpStatusCode.OK)]
    public async Task AuditVerify_IsForCivilAffairsOnly(string clientId, HttpStatusCode expected)
    {
        var client = await factory.ClientForAsync(clientId);
        Assert.Equal(expected, (await client.GetAsync("/api/v1/audit/verify")).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/v1/certificates")]
    [InlineData("GET", "/api/v1/certificates")]
    [InlineData("GET", "/api/v1/certificates/520102194205141315")]
    [InlineData("GET", "/api/v1/certificates/520102194205141315/pdf?copy=1")]
    [InlineData("POST", "/api/v1/certificates/520102194205141315/correction")]
    [InlineData("POST", "/api/v1/certificates/520102194205141315/reissue")]
    [InlineData("POST", "/api/v1/certificates/520102194205141315/revocation")]
    [InlineData("POST", "/api/v1/certificates/520102194205141315/review")]
    [InlineData("GET", "/api/v1/audit/verify")]
    public async Task EveryProtectedEndpoint_Is401WithoutToken(string method, string path)
    {
        var client = factory.CreateClient();
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = JsonContent.Create(new { reason = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
        var bad = new HttpRequestMessage(new HttpMethod(method), path);
        bad.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "forged-token");
        if (method == "POST") bad.Content = JsonContent.Create(new { reason = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(bad)).StatusCode);
    }

    [Theory]
    [InlineData("demo-police", 2, HttpStatusCode.OK)]
    [InlineData("demo-police", 1, HttpStatusCode.Forbidden)]
    [InlineData("demo-funeral-home", 4, HttpStatusCode.OK)]
    [InlineData("demo-funeral-home", 3, HttpStatusCode.Forbidden)]
    [InlineData("demo-bank", 1, HttpStatusCode.Forbidden)]
    [InlineData("demo-hospital", 3, HttpStatusCode.OK)]
    [InlineData("demo-health-centre", 1, HttpStatusCode.Forbidden)]
    public async Task Print_AllowsOnlyTheCopiesARoleMayPrint(string clientId, int copy, HttpStatusCode expected)
    {
        var (number, _) = await IssuedAsync();
        var client = await factory.ClientForAsync(clientId);
        var response = await client.GetAsync($"/api/v1/certificates/{number}/pdf?copy={copy}");
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK) Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }
}
