using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Certificates;

/// <summary>Certificate answers carry the catalogue key of each message beside its text, in the language asked for.</summary>
public sealed class CertificateMessageApiTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task FieldErrorOfARule_CarriesTheRuleKeyOfTheField()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var person = People.Next();
        var wrong = person.IdNumber[..17] + (person.IdNumber[17] == '0' ? '1' : '0');
        var data = People.HospitalDeath(person);

        var response = await hospital.PostAsJsonAsync("/api/v1/certificates", data with { Decedent = data.Decedent with { IdNumber = wrong, Ethnicity = "" } }, Web);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("身份证号码校验位错误", body.GetProperty("errors").GetProperty("decedent.idNumber")[0].GetString());
        Assert.Equal("certificates.decedent.id-number.id-check-character", body.GetProperty("errorCodes").GetProperty("decedent.idNumber")[0].GetString());
        Assert.Equal("请填写民族", body.GetProperty("errors").GetProperty("decedent.ethnicity")[0].GetString());
        Assert.Equal("certificates.decedent.ethnicity.required", body.GetProperty("errorCodes").GetProperty("decedent.ethnicity")[0].GetString());
    }

    [Fact]
    public async Task Conflict_IsChineseByDefault_WithItsCode()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var data = People.HospitalDeath(People.Next());
        Assert.Equal(HttpStatusCode.Created, (await hospital.PostAsJsonAsync("/api/v1/certificates", data, Web)).StatusCode);

        var again = await (await factory.ClientForAsync("demo-health-centre")).PostAsJsonAsync("/api/v1/certificates", data, Web);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var body = await again.JsonAsync();
        Assert.Equal("该人员已有有效的死亡医学证明（每人只能有一份有效证明）", body.GetProperty("detail").GetString());
        Assert.Equal("certificates.certificate.duplicate", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task FieldErrorThatWasChineseOnly_IsEnglishWhenAsked()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var issued = await hospital.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(People.Next()), Web);
        var number = (await issued.JsonAsync()).GetProperty("number").GetString()!;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/certificates/{number}/pdf?copy=5");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await hospital.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("The copy must be 1 to 4.", body.GetProperty("errors").GetProperty("copy")[0].GetString());
        Assert.Equal("certificates.print.copy-out-of-range", body.GetProperty("errorCodes").GetProperty("copy")[0].GetString());
    }
}
