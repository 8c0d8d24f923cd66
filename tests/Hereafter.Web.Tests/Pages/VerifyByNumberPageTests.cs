using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Pages;

/// <summary>A small lookup limit and a known contact, so that the tests can reach both.</summary>
public sealed class VerifyLookupFactory : HereafterFactory
{
    protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["RateLimits:VerifyLookup:PermitLimit"] = "0",
        ["Verification:Contact:HelpDesk"] = "测试市民政局",
        ["Verification:Contact:HelpDeskEnglish"] = "Test City Civil Affairs Bureau",
        ["Verification:Contact:HelpPhone"] = "12345",
        ["Verification:Contact:IssuerPhones:gy-first-hospital"] = "0851-8500 0000",
    };
}

/// <summary>
/// <c>/verify</c> without a token: the public checks a certificate on paper by its number and the deceased's name (posted,
/// rate-limited, masked answer, audited); and every page that says a certificate is not good says whom to contact.
/// Each test posts from its own client address, so that the per-address limit of one test does not reach another.
/// </summary>
public sealed class VerifyByNumberPageTests(VerifyLookupFactory factory) : IClassFixture<VerifyLookupFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private async Task<(string Number, string Path, People.Person Person, HttpClient Hospital)> IssuedAsync()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var person = People.Next();
        var response = await hospital.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(person), Web);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        return (body.GetProperty("number").GetString()!, new Uri(body.GetProperty("verificationUrl").GetString()!).AbsolutePath, person, hospital);
    }

    private static Task<HttpResponseMessage> LookupAsync(HttpClient client, string number, string name, string url = "/verify") =>
        HtmlForms.SubmitAsync(client, url, "verify-lookup", new Dictionary<string, string> { ["Input.Number"] = number, ["Input.Name"] = name });

    [Fact]
    public async Task TheFormIsPosted_WithLabelledRequiredFields()
    {
        var response = await factory.CreateClient().GetAsync("/verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // no longer a bare 404
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("method=\"post\"", html);
        Assert.Matches("<label for=\"verify-number\"", html);
        Assert.Matches("id=\"verify-number\"[^>]*required[^>]*aria-required=\"true\"", html);
        Assert.Matches("<label for=\"verify-name\"", html);
    }

    [Fact]
    public async Task AValidCertificate_ByNumberAndName_IsValid_WithMaskedDataOnly_AndAudited()
    {
        var (number, _, person, _) = await IssuedAsync();
        var response = await LookupAsync(factory.CreateClient(), number, person.Name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(number, response.RequestMessage!.RequestUri!.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("verify-valid", html);
        Assert.Contains(">有效<", html);
        Assert.Contains(person.Name[0] + "*", html);
        Assert.Contains("贵阳市第一人民医院", html);
        Assert.Contains(number[..4] + "**********" + number[^4..], html);
        Assert.DoesNotContain($">{person.Name}<", html);
        using var scope = factory.Services.CreateScope();
        var audited = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<AuditEntry>()
            .Where(a => a.Action == "certificate.public-lookup").Select(a => a.Subject).ToListAsync();
        Assert.NotEmpty(audited);
        Assert.DoesNotContain(audited, s => s.Contains(number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWrongName_OrAnUnknownNumber_IsNotFound_AndSaysWhomToContact()
    {
        var (number, _, _, _) = await IssuedAsync();
        foreach (var (n, name) in new[] { (number, "李四"), ("11010519491231002X", "张三") })
        {
            var html = await (await LookupAsync(factory.CreateClient(), n, name)).Content.ReadAsStringAsync();
            Assert.Contains(">未找到<", html);
            Assert.DoesNotContain("verify-facts", html);
            Assert.DoesNotContain("贵阳市第一人民医院", html); // a number alone reveals nothing
            Assert.Contains("测试市民政局", html);
            Assert.Contains("href=\"tel:12345\"", html);
        }
    }

    [Fact]
    public async Task ARevokedCertificate_IsRevoked_AndNamesTheIssuerWithItsPhone()
    {
        var (number, path, person, hospital) = await IssuedAsync();
        Assert.Equal(HttpStatusCode.OK, (await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/revocation", new { reason = "错误出具" }, Web)).StatusCode);

        var html = await (await LookupAsync(factory.CreateClient(), number, person.Name)).Content.ReadAsStringAsync();
        Assert.Contains(">已撤销<", html);
        Assert.Contains("href=\"tel:085185000000\"", html);

        // The QR page of the revoked certificate says whom to contact too.
        var qr = await factory.CreateClient().GetStringAsync(path);
        Assert.Contains(">已撤销<", qr);
        Assert.Contains("href=\"tel:085185000000\"", qr);
        Assert.Contains("href=\"/verify\"", qr);
    }

    [Fact]
    public async Task AnInvalidToken_SaysWhomToContact_InThePagesLanguage()
    {
        var chinese = await factory.CreateClient().GetStringAsync("/verify/not-a-token");
        Assert.Contains("无效或伪造", chinese);
        Assert.Contains("请联系", chinese);
        Assert.Contains("测试市民政局", chinese);
        Assert.Contains("href=\"tel:12345\"", chinese);

        var english = await factory.CreateClient().GetStringAsync("/verify/not-a-token?culture=en");
        Assert.Contains("Whom to contact", english);
        Assert.Contains("Test City Civil Affairs Bureau", english);
        Assert.DoesNotContain("测试市民政局", english);
    }

    [Fact]
    public async Task EmptyFields_AreListedInTheErrorSummary()
    {
        var html = await (await LookupAsync(factory.CreateClient(), "", "")).Content.ReadAsStringAsync();
        Assert.Contains("data-error-summary", html);
        Assert.Matches("<a href=\"[^\"]*#verify-number\"[^>]*>请输入证明编号</a>", html);
        Assert.Matches("<a href=\"[^\"]*#verify-name\"[^>]*>请输入死者姓名</a>", html);
    }
}

/// <summary>A tiny lookup limit with an hour-long window, in a factory of its own so that it limits no other test.</summary>
public sealed class TinyVerifyLookupFactory : HereafterFactory
{
    protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["RateLimits:VerifyLookup:PermitLimit"] = "2",
        ["RateLimits:VerifyLookup:WindowSeconds"] = "3600",
    };
}

public sealed class VerifyByNumberRateLimitTests(TinyVerifyLookupFactory factory) : IClassFixture<TinyVerifyLookupFactory>
{
    [Fact]
    public async Task Lookups_AreRateLimitedPerAddress_QrScansAreNot()
    {
        var client = factory.CreateClient();
        var fields = new Dictionary<string, string> { ["Input.Number"] = "11010519491231002X", ["Input.Name"] = "张三" };
        for (var i = 0; i < 2; i++)
            Assert.Contains(">未找到<", await (await HtmlForms.SubmitAsync(client, "/verify", "verify-lookup", fields)).Content.ReadAsStringAsync());

        var limited = await HtmlForms.SubmitAsync(client, "/verify", "verify-lookup", fields);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Contains("请求过于频繁", await limited.Content.ReadAsStringAsync());
        // Scanning QR codes is limited separately, far more loosely.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/verify/not-a-token")).StatusCode);
    }
}
