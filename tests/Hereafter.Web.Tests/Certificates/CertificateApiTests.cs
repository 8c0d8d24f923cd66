using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Certificates;

public sealed class CertificateApiTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private async Task<(HttpResponseMessage Response, JsonElement Body)> IssueAsync(HttpClient client, object certificate)
    {
        var response = await client.PostAsJsonAsync("/api/v1/certificates", certificate, Web);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Issue_ValidCertificate_Returns201WithNumberAndVerificationUrl()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var person = People.Next();
        var (response, body) = await IssueAsync(hospital, People.HospitalDeath(person));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(person.IdNumber, body.GetProperty("number").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal("issued", body.GetProperty("status").GetString());
        var url = body.GetProperty("verificationUrl").GetString()!;
        Assert.StartsWith("http://localhost/verify/", url);
        Assert.DoesNotContain(person.IdNumber, url);
        Assert.Equal($"/api/v1/certificates/{person.IdNumber}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Issue_WithWrongCheckCharacter_Is400KeyedByPathAndSavesNothing()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var person = People.Next();
        var wrong = person.IdNumber[..17] + (person.IdNumber[17] == '0' ? '1' : '0');
        var data = People.HospitalDeath(person);
        var (response, body) = await IssueAsync(hospital, data with { Decedent = data.Decedent with { IdNumber = wrong } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = body.GetProperty("errors").GetProperty("decedent.idNumber").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains("校验"));
        Assert.Equal(HttpStatusCode.NotFound, (await hospital.GetAsync($"/api/v1/certificates/{wrong}")).StatusCode);
    }

    [Fact]
    public async Task Issue_WithMarkupInName_Is400()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var data = People.HospitalDeath(People.Next());
        var (response, body) = await IssueAsync(hospital, data with { Decedent = data.Decedent with { Name = "<script>alert(1)</script>" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty("decedent.name", out _));
    }

    [Fact]
    public async Task Issue_ErrorsInEnglish_WhenAsked()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        hospital.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var data = People.HospitalDeath(People.Next());
        var (response, body) = await IssueAsync(hospital, data with { Decedent = data.Decedent with { Name = "" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = body.GetProperty("errors").GetProperty("decedent.name")[0].GetString()!;
        Assert.Matches("[A-Za-z]", message);
    }

    [Fact]
    public async Task Issue_SamePersonTwice_Is409()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var data = People.HospitalDeath(People.Next());
        Assert.Equal(HttpStatusCode.Created, (await IssueAsync(hospital, data)).Response.StatusCode);
        var other = await factory.ClientForAsync("demo-health-centre");
        other.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var (response, body) = await IssueAsync(other, data);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("one active certificate", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Issue_PossibleDuplicate_IsHeldForReview_ThenSupervisorDecides()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var person = People.Next();
        var first = People.HospitalDeath(person);
        Assert.Equal(HttpStatusCode.Created, (await IssueAsync(hospital, first)).Response.StatusCode);

        // Same name and birth date, death two days later, a different ID number: possibly the same person.
        var otherId = Hereafter.Web.Platform.Demo.DemoData.IdFor("520103", person.BirthDate, 301);
        var deathAt = DateTimeOffset.Parse(first.Death.DateTime!).AddDays(-2);
        var second = first with
        {
            Decedent = first.Decedent with { IdNumber = otherId },
            Death = first.Death with { DateTime = deathAt.ToString("yyyy-MM-ddTHH:mm:sszzz") },
        };
        var (response, body) = await IssueAsync(hospital, second);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("pending-review", body.GetProperty("status").GetString());
        Assert.False(body.TryGetProperty("verificationUrl", out _), "a held certificate has no QR yet");

        var supervisor = await factory.ClientForAsync("demo-civil-affairs");
        var queue = await (await supervisor.GetAsync("/api/v1/certificates?list=review")).JsonAsync();
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("maskedNumber").GetString() == Hereafter.Domain.Identity.PersonalDataMask.IdNumber(otherId));

        Assert.Equal(HttpStatusCode.Forbidden, (await hospital.PostAsJsonAsync($"/api/v1/certificates/{otherId}/review", new { decision = "issue", reason = "不同人" })).StatusCode);
        var decided = await supervisor.PostAsJsonAsync($"/api/v1/certificates/{otherId}/review", new { decision = "issue", reason = "核实为同名同生日的不同人员" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var decidedBody = await decided.JsonAsync();
        Assert.Equal("issued", decidedBody.GetProperty("status").GetString());
        Assert.StartsWith("http://localhost/verify/", decidedBody.GetProperty("verificationUrl").GetString());
    }

    [Fact]
    public async Task Correction_CreatesVersion2_OldTokenSuperseded_SecondCorrectionIs409()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var data = People.HospitalDeath(People.Next());
        var (_, issued) = await IssueAsync(hospital, data);
        var number = issued.GetProperty("number").GetString()!;
        var oldToken = issued.GetProperty("verificationUrl").GetString()!.Split('/').Last();

        var corrected = data with { Decedent = data.Decedent with { ResidenceAddress = "贵州省贵阳市云岩区北京路1号" } };
        var response = await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/correction", new { reason = "常住地址填写错误", certificate = corrected }, Web);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        var newToken = body.GetProperty("verificationUrl").GetString()!.Split('/').Last();

        var anonymous = factory.CreateClient();
        Assert.Equal("superseded", (await (await anonymous.GetAsync($"/api/v1/verify/{oldToken}")).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("valid", (await (await anonymous.GetAsync($"/api/v1/verify/{newToken}")).JsonAsync()).GetProperty("status").GetString());

        var view = await (await hospital.GetAsync($"/api/v1/certificates/{number}")).JsonAsync();
        Assert.Equal("贵州省贵阳市云岩区北京路1号", view.GetProperty("decedent").GetProperty("residenceAddress").GetString());
        var actions = view.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Equal(["issued", "corrected"], actions);

        var again = await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/correction", new { reason = "再次更正", certificate = corrected }, Web);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Reissue_OnlyOnce_AndOnlyByTheIssuer()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var (_, issued) = await IssueAsync(hospital, People.HospitalDeath(People.Next()));
        var number = issued.GetProperty("number").GetString()!;
        var other = await factory.ClientForAsync("demo-health-centre");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/certificates/{number}/reissue", new { reason = "遗失" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/reissue", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/reissue", new { reason = "家属遗失第三联" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/reissue", new { reason = "再次遗失" })).StatusCode);
    }

    [Fact]
    public async Task Revocation_KeepsRecord_VerifiesAsRevoked_AndFreesThePerson()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var data = People.HospitalDeath(People.Next());
        var (_, issued) = await IssueAsync(hospital, data);
        var number = issued.GetProperty("number").GetString()!;
        var token = issued.GetProperty("verificationUrl").GetString()!.Split('/').Last();
        var anonymous = factory.CreateClient();
        Assert.Equal("valid", (await (await anonymous.GetAsync($"/api/v1/verify/{token}")).JsonAsync()).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/revocation", new { reason = "误开：患者转院后死亡" })).StatusCode);
        Assert.Equal("revoked", (await (await anonymous.GetAsync($"/api/v1/verify/{token}")).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/revocation", new { reason = "again" })).StatusCode);
        var view = await (await hospital.GetAsync($"/api/v1/certificates/{number}")).JsonAsync();
        Assert.Equal("revoked", view.GetProperty("status").GetString());
        // The right institution can now certify the death.
        var other = await factory.ClientForAsync("demo-health-centre");
        Assert.Equal(HttpStatusCode.Created, (await IssueAsync(other, data)).Response.StatusCode);
    }

    [Fact]
    public async Task Verify_ShowsOnlyMaskedData_AndRejectsAlteredTokens()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var person = People.Next();
        var (_, issued) = await IssueAsync(hospital, People.HospitalDeath(person));
        var token = issued.GetProperty("verificationUrl").GetString()!.Split('/').Last();
        var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync($"/api/v1/verify/{token}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(person.IdNumber, text);
        Assert.DoesNotContain(person.Name, text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("valid", body.GetProperty("status").GetString());
        Assert.Equal(person.IdNumber[..4] + "**********" + person.IdNumber[^4..], body.GetProperty("maskedIdNumber").GetString());
        Assert.Equal(person.Name[0] + "*" + person.Name[^1], body.GetProperty("maskedName").GetString());
        Assert.Equal("贵阳市第一人民医院", body.GetProperty("issuer").GetString());

        var altered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        Assert.Equal("invalid", (await (await anonymous.GetAsync($"/api/v1/verify/{altered}")).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("invalid", (await (await anonymous.GetAsync("/api/v1/verify/not-a-token")).JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnidentifiedBody_GetsCreditCodePlusYearlySerial()
    {
        var police = await factory.ClientForAsync("demo-police");
        var at = DateTimeOffset.UtcNow.AddHours(-5).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz");
        var data = Hereafter.Web.Platform.Demo.Sample.UnidentifiedAccident(at, "陈刚", "GA52010200123");
        var (first, firstBody) = await IssueAsync(police, data);
        var (second, secondBody) = await IssueAsync(police, data);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var a = firstBody.GetProperty("number").GetString()!;
        var b = secondBody.GetProperty("number").GetString()!;
        Assert.Equal(22, a.Length);
        Assert.Equal(a[..18], b[..18]);
        Assert.Equal(int.Parse(a[18..]) + 1, int.Parse(b[18..]));
        Assert.True(Hereafter.Domain.Identity.CreditCode.IsValid(a[..18]));
    }
}
