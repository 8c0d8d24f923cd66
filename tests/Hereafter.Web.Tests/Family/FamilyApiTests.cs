using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hereafter.Domain.Family;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;

namespace Hereafter.Web.Tests.Family;

/// <summary>Citizens with real bearer tokens (authorization code + PKCE) claim cases and upload proof over HTTP.</summary>
public sealed class FamilyApiTests(FamilyApiTests.Factory factory) : IClassFixture<FamilyApiTests.Factory>
{
    public sealed class Factory : HereafterFactory
    {
        protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
        {
            ["RateLimits:FamilyClaim:PermitLimit"] = "6", ["RateLimits:FamilyClaim:WindowSeconds"] = "600",
        };
    }

    private static object Claim(FamilyTestSupport.Death death, string? name = null, string relationship = "child") =>
        new { certificateNumber = death.Number, decedentName = name ?? death.Person.Name, relationship };

    private Task<HttpClient> StrangerAsync() => factory.CitizenClientAsync(People.Next().IdNumber);

    [Fact]
    public async Task FamilyContact_Is201Admitted_AndSeesTheCaseWithTheFullName()
    {
        var death = await factory.DeathAsync();
        var wang = await factory.CitizenClientAsync(DemoCitizens.Wang.UserName);

        var response = await wang.PostAsJsonAsync("/api/v1/family/cases", Claim(death));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal((death.CaseId, "admitted"), (body.GetProperty("caseId").GetGuid(), body.GetProperty("admission").GetString()));
        var mine = await (await wang.GetAsync("/api/v1/family/cases")).JsonAsync();
        Assert.Contains(mine.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseId").GetGuid() == death.CaseId
            && c.GetProperty("decedentName").GetString() == death.Person.Name);
    }

    [Fact]
    public async Task SomeoneElse_Is202PendingProof_ThenUploadsProof()
    {
        var death = await factory.DeathAsync();
        var citizen = await StrangerAsync();

        var claimed = await citizen.PostAsJsonAsync("/api/v1/family/cases", Claim(death, relationship: "grandchild"));
        Assert.Equal(HttpStatusCode.Accepted, claimed.StatusCode);
        Assert.Equal("pending-proof", (await claimed.JsonAsync()).GetProperty("admission").GetString());
        var pending = (await (await citizen.GetAsync("/api/v1/family/cases")).JsonAsync()).GetProperty("pendingClaims");
        Assert.Equal("pending-proof", pending.EnumerateArray().Single(c => c.GetProperty("caseId").GetGuid() == death.CaseId).GetProperty("status").GetString());

        var uploaded = await citizen.PostAsync($"/api/v1/family/cases/{death.CaseId}/proofs", Proof(ProofBytes.Jpeg(), "image/jpeg", "户口簿.jpg"));

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal("pending-review", (await uploaded.JsonAsync()).GetProperty("admission").GetString());
    }

    [Fact]
    public async Task WrongName_AndWrongNumber_AnswerIdentical404Bodies()
    {
        var death = await factory.DeathAsync();
        var citizen = await StrangerAsync();

        var wrongName = await citizen.PostAsJsonAsync("/api/v1/family/cases", Claim(death, name: "张冠李"));
        var wrongNumber = await citizen.PostAsJsonAsync("/api/v1/family/cases",
            new { certificateNumber = People.Next().IdNumber, decedentName = death.Person.Name, relationship = "child" });

        Assert.Equal(HttpStatusCode.NotFound, wrongName.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongNumber.StatusCode);
        Assert.Equal(await WithoutTraceAsync(wrongName), await WithoutTraceAsync(wrongNumber));
        Assert.Contains("family.claim.not-found", await WithoutTraceAsync(wrongName));
    }

    [Fact]
    public async Task TooManyClaims_Are429_WithRetryAfter()
    {
        var citizen = await StrangerAsync();
        for (var i = 0; i < 6; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await citizen.PostAsJsonAsync("/api/v1/family/cases",
                new { certificateNumber = People.Next().IdNumber, decedentName = "张三", relationship = "child" })).StatusCode);

        var limited = await citizen.PostAsJsonAsync("/api/v1/family/cases",
            new { certificateNumber = People.Next().IdNumber, decedentName = "张三", relationship = "child" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.Equal("family.claim.too-many", (await limited.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task UploadChecks_OverHttp()
    {
        var death = await factory.DeathAsync();
        var citizen = await StrangerAsync();
        await citizen.PostAsJsonAsync("/api/v1/family/cases", Claim(death));
        var url = $"/api/v1/family/cases/{death.CaseId}/proofs";

        var oversize = await citizen.PostAsync(url, Proof(ProofBytes.Pdf((int)ProofFile.MaxBytes + 10), "application/pdf", "big.pdf"));
        var exe = await citizen.PostAsync(url, Proof(ProofBytes.WindowsExe(), "application/pdf", "户口簿.pdf"));
        var pngAsPdf = await citizen.PostAsync(url, Proof(ProofBytes.Png(), "application/pdf", "proof.pdf"));
        var empty = await citizen.PostAsync(url, Proof([], "application/pdf", "empty.pdf"));
        var noFile = await citizen.PostAsync(url, new MultipartFormDataContent { { new StringContent("x"), "note" } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversize.StatusCode);
        Assert.Equal("family.proof.too-large", (await oversize.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "family.proof.executable"), (exe.StatusCode, (await exe.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "family.proof.type-mismatch"), (pngAsPdf.StatusCode, (await pngAsPdf.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "family.proof.empty"), (empty.StatusCode, (await empty.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Contains(await factory.AuditAsync("family.proof.refused"), e => e.Details == "executable");
    }

    [Fact]
    public async Task AnotherCitizensClaim_Is404_NotForbidden()
    {
        var death = await factory.DeathAsync();
        var owner = await StrangerAsync();
        await owner.PostAsJsonAsync("/api/v1/family/cases", Claim(death));
        var other = await StrangerAsync();

        var response = await other.PostAsync($"/api/v1/family/cases/{death.CaseId}/proofs", Proof(ProofBytes.Pdf(), "application/pdf", "a.pdf"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("family.case.not-found", (await response.JsonAsync()).GetProperty("code").GetString());
        Assert.DoesNotContain(death.CaseId.ToString(), (await (await other.GetAsync("/api/v1/family/cases")).Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Citizen_CannotReview_Admissions()
    {
        var (_, _, admission) = await factory.PendingReviewAsync();
        var citizen = await factory.CitizenClientAsync(DemoCitizens.Wang.UserName);

        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/family/admissions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync($"/api/v1/family/admissions/{admission.Id}/proof")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsync($"/api/v1/family/admissions/{admission.Id}/approval", null)).StatusCode);
    }

    [Fact]
    public async Task ApprovedByTheClerk_TheCitizenSeesTheCase_AndANotification()
    {
        var death = await factory.DeathAsync();
        var number = People.Next().IdNumber;
        var citizen = await factory.CitizenClientAsync(number);
        await citizen.PostAsJsonAsync("/api/v1/family/cases", Claim(death, relationship: "spouse"));
        await citizen.PostAsync($"/api/v1/family/cases/{death.CaseId}/proofs", Proof(ProofBytes.Png(), "image/png", "结婚证.png"));
        var clerk = await SignedIn.AsPageCallerAsync(factory, "clerk.civil");
        var list = await (await clerk.GetAsync("/api/v1/family/admissions")).JsonAsync();
        var id = list.EnumerateArray().Single(r => r.GetProperty("caseId").GetGuid() == death.CaseId).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/v1/family/admissions/{id}/approval", null)).StatusCode);

        var mine = await (await citizen.GetAsync("/api/v1/family/cases")).JsonAsync();
        Assert.Contains(mine.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseId").GetGuid() == death.CaseId);
        var subject = DemoCitizens.SubjectFor(number);
        Assert.Contains(await factory.AuditAsync("family.case.claim"), e => e.ActorId == "citizen:" + subject && e.Subject == $"case:{death.CaseId}");
    }

    private static MultipartFormDataContent Proof(byte[] bytes, string contentType, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static async Task<string> WithoutTraceAsync(HttpResponseMessage response)
    {
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        json.Remove("traceId");
        return json.ToJsonString();
    }
}
