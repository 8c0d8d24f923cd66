using System.Net;
using System.Security.Claims;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Tests.Family;

/// <summary>
/// The release page as a phone without script uses it: the bank's answer and what remains, then a plain form post with
/// the amount and the ticked undertaking; refusals shown in the form's error summary.
/// </summary>
public sealed class DepositReleasePageTests(DepositReleaseFactory factory) : IClassFixture<DepositReleaseFactory>
{
    [Fact]
    public async Task ThePage_ShowsTheAnswer_AndAReleaseWithTheUndertaking_ShowsTheNextSteps()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var bank = factory.Banks.Asked(caseId, Guid.NewGuid(), BankTasks.Offered(("活期", 12_000.50m), ("丧葬费", 9_000m)));
        var client = FamilyClient(DepositReleaseFactory.Wang);
        var url = $"/family/cases/{caseId}/deposit-release?bank={bank}";

        var html = await client.GetStringAsync(url);
        Assert.Contains("************1000", html);
        Assert.Contains("12,000.50 元", html);
        Assert.Contains("不计入限额", html);
        Assert.Contains("承诺书", html);
        Assert.Contains("name=\"undertaking\"", html);

        var refused = await HtmlForms.SubmitAsync(client, url, html, "release", new Dictionary<string, string> { ["amount"] = "100" });
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", refusedHtml);
        Assert.Contains("请阅读并勾选承诺书", refusedHtml);

        var over = await HtmlForms.SubmitAsync(client, url, "release", new Dictionary<string, string> { ["amount"] = "12000.51", ["undertaking"] = "true" });
        Assert.Contains("还可提取 12000.50 元", await over.Content.ReadAsStringAsync());

        var done = await HtmlForms.SubmitAsync(client, url, "release", new Dictionary<string, string> { ["amount"] = "12,000.50", ["undertaking"] = "true" });
        var doneHtml = await done.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("已提交提取申请", doneHtml);
        Assert.Contains("注销逝者在本行的全部账户", doneHtml);
        Assert.DoesNotContain("name=\"amount\"", doneHtml);
    }

    [Fact]
    public async Task InEnglish_ThePageSpeaksEnglish()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var bank = factory.Banks.Asked(caseId, Guid.NewGuid(), BankTasks.Offered(("活期", 500m)));
        var client = FamilyClient(DepositReleaseFactory.Wang);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        var html = await client.GetStringAsync($"/family/cases/{caseId}/deposit-release?bank={bank}");

        Assert.Contains("Small-deposit release", html);
        Assert.Contains("I have read and give this undertaking", html);
        Assert.DoesNotContain("承诺书", html);
    }

    [Fact]
    public async Task ACaseNotAdmitted_Is404()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var bank = factory.Banks.Asked(caseId, Guid.NewGuid(), BankTasks.Offered(("活期", 500m)));
        var response = await FamilyClient(DepositReleaseFactory.Li).GetAsync($"/family/cases/{caseId}/deposit-release?bank={bank}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("************1000", await response.Content.ReadAsStringAsync());
    }

    /// <summary>A client carrying the family cookie the sign-in would issue for <paramref name="citizen"/>.</summary>
    private HttpClient FamilyClient(Citizen citizen)
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(FamilyAuth.CookieScheme);
        var identity = new ClaimsIdentity(
        [
            new Claim("sub", citizen.Subject), new Claim("name", citizen.Name), new Claim(Citizen.IdNumberClaim, citizen.IdNumber),
            new Claim(Citizen.PhoneClaim, citizen.Phone),
        ], FamilyAuth.CookieScheme, "name", "role");
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), FamilyAuth.CookieScheme);
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}");
        return client;
    }
}
