using Hereafter.Domain.Time;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Pages;

/// <summary>The page a QR scan opens: the right status, and nothing but masked data anywhere in it.</summary>
public sealed class VerifyCertificatePageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private async Task<(string Number, string Path, People.Person Person, HttpClient Hospital)> IssuedAsync()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var person = People.Next();
        var response = await hospital.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(person), Web);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var url = new Uri(body.GetProperty("verificationUrl").GetString()!);
        return (body.GetProperty("number").GetString()!, url.AbsolutePath, person, hospital);
    }

    private static void AssertNoPersonalData(string html, People.Person person)
    {
        Assert.DoesNotContain(person.IdNumber, html);
        Assert.DoesNotContain(person.Name, html);
        Assert.DoesNotContain(person.IdNumber[6..14], html); // not even the birth date inside the ID
    }

    [Fact]
    public async Task ValidCertificate_ShowsValid_AndOnlyMaskedData()
    {
        var (_, path, person, _) = await IssuedAsync();
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("verify-valid", html);
        Assert.Contains(">有效<", html);
        Assert.Contains(person.Name[0] + "*", html);
        Assert.Contains(person.IdNumber[..4] + "**********" + person.IdNumber[^4..], html);
        Assert.Contains("贵阳市第一人民医院", html);
        // People.HospitalDeath dies yesterday at 10:00 China time; the page shows the China date.
        Assert.Contains(ChinaTime.Today(TimeProvider.System).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), html);
        AssertNoPersonalData(html, person);
        Assert.Contains("<title>证明验证 · 百姓身后事服务平台</title>", html);
    }

    [Fact]
    public async Task RevokedCertificate_ShowsRevokedInRed()
    {
        var (number, path, person, hospital) = await IssuedAsync();
        var revoked = await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/revocation", new { reason = "错误出具" }, Web);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        var html = await factory.CreateClient().GetStringAsync(path);
        Assert.Contains("verify-bad", html);
        Assert.Contains(">已撤销<", html);
        Assert.DoesNotContain(">有效<", html);
        AssertNoPersonalData(html, person);
    }

    [Fact]
    public async Task CorrectedCertificate_OldQr_ShowsSupersededInAmber()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var person = People.Next();
        var data = People.HospitalDeath(person);
        var issued = await (await hospital.PostAsJsonAsync("/api/v1/certificates", data, Web)).JsonAsync();
        var number = issued.GetProperty("number").GetString()!;
        var oldPath = new Uri(issued.GetProperty("verificationUrl").GetString()!).AbsolutePath;
        var corrected = await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/correction",
            new { reason = "住址录入错误", certificate = data with { Decedent = data.Decedent with { ResidenceAddress = "贵州省贵阳市云岩区中华北路2号" } } }, Web);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);

        var html = await factory.CreateClient().GetStringAsync(oldPath);
        Assert.Contains("verify-superseded", html);
        Assert.Contains("已更正（此为旧版本）", html);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJ2IjoxfQ.AAAA")]
    public async Task ForgedToken_ShowsInvalid_AndNoData(string token)
    {
        var response = await factory.CreateClient().GetAsync("/verify/" + token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("无效或伪造", html);
        Assert.Contains("verify-bad", html);
        Assert.DoesNotContain("verify-facts", html);
    }

    [Fact]
    public async Task AlteredToken_ShowsInvalid()
    {
        var (_, path, person, _) = await IssuedAsync();
        var last = path[^1];
        var altered = path[..^1] + (last == 'A' ? 'B' : 'A');
        var html = await factory.CreateClient().GetStringAsync(altered);
        Assert.Contains("无效或伪造", html);
        AssertNoPersonalData(html, person);
    }

    [Fact]
    public async Task InEnglish_TheStatusIsEnglish()
    {
        var (_, path, _, _) = await IssuedAsync();
        var html = await factory.CreateClient().GetStringAsync(path + "?culture=en");
        Assert.Contains(">Valid<", html);
        Assert.Contains("Date of death", html);
        Assert.Contains("lang=\"en\"", html);
    }
}
