using System.Net;
using Hereafter.Web.Tests.Infrastructure;

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
        var url = $"/family/cases/{caseId}/deposit-release?bank={bank}";
        var client = await factory.CitizenPageClientAsync("citizen.wang", url);

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
        Assert.Contains("超过银行答复的可提取余额：本行还可提取 12,000.50 元。", await over.Content.ReadAsStringAsync());

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
        var url = $"/family/cases/{caseId}/deposit-release?bank={bank}";
        var client = await factory.CitizenPageClientAsync("citizen.wang", url);

        var html = await client.GetStringAsync("/culture/en?returnUrl=" + Uri.EscapeDataString(url));

        Assert.Contains("Small-deposit release", html);
        Assert.Contains("I have read and give this undertaking", html);
        Assert.DoesNotContain("承诺书", html);
    }

    [Fact]
    public async Task ACaseNotAdmitted_Is404()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var bank = factory.Banks.Asked(caseId, Guid.NewGuid(), BankTasks.Offered(("活期", 500m)));
        var url = $"/family/cases/{caseId}/deposit-release?bank={bank}";
        var response = await (await factory.CitizenPageClientAsync("citizen.li", "/family/account")).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("************1000", await response.Content.ReadAsStringAsync());
    }
}
