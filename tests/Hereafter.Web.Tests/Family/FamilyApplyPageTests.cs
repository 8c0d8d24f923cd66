using System.Net;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Family;

/// <summary>The application form and progress page as a phone without JavaScript uses them: plain form posts.</summary>
public sealed class FamilyApplyPageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private async Task<(Guid CaseId, HttpClient Browser)> SignedInAsync()
    {
        var (caseId, citizen) = await factory.AdmittedCaseAsync();
        return (caseId, await factory.CitizenPageClientAsync(citizen.IdNumber, $"/family/cases/{caseId}"));
    }

    /// <summary>Posts the apply form with repeated fields (items, banks) as a browser sends ticked checkboxes.</summary>
    private static async Task<HttpResponseMessage> PostApplyAsync(HttpClient browser, Guid caseId, params (string Name, string Value)[] fields)
    {
        var url = $"/family/cases/{caseId}/apply";
        var html = await browser.GetStringAsync(url);
        var values = new List<KeyValuePair<string, string>>
        {
            new("_handler", "apply"), new("__RequestVerificationToken", HtmlForms.AntiforgeryToken(html)),
        };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await browser.PostAsync(url, new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task TheForm_ShowsWhatIsFilledInFromSharedData_AndCalculateShowsTheEstimateWithItsRule()
    {
        var (caseId, browser) = await SignedInAsync();
        var form = await browser.GetStringAsync($"/family/cases/{caseId}/apply");
        Assert.Contains("已自动带入的信息", form);
        Assert.Contains("子女", form);
        Assert.Matches(@"\d{4}\*{10}\d{3}[\dX]", form);
        Assert.Contains("不满 5 年：3 个月", form);

        var estimate = await PostApplyAsync(browser, caseId, ("items", "survivor-benefits"), ("contributionYears", "16"), ("action", "estimate"));
        Assert.Equal(HttpStatusCode.OK, estimate.StatusCode);
        var html = await estimate.Content.ReadAsStringAsync();
        Assert.Contains("缴费年限 16 年的估算", html);
        Assert.Contains("7,128.66 元（2 × 3,564.33 元）", html);
        Assert.Contains("35,643.30 元（10 个月 × 3,564.33 元）", html);
        Assert.Contains("42,771.96 元", html);
        Assert.Matches(@"value=""survivor-benefits""[^>]*checked", html);
    }

    [Fact]
    public async Task Submitting_OpensTheTasks_AndTheProgressPageShowsEachAsACard()
    {
        var (caseId, browser) = await SignedInAsync();

        var done = await PostApplyAsync(browser, caseId, ("items", "driving-licence"), ("items", "housing-fund"), ("payoutBank", "中国工商银行贵阳分行"),
            ("payoutAccountNumber", "6222 0212 3456 7890"), ("payoutHolderName", "测试"), ("action", "submit"));

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal($"/family/cases/{caseId}", done.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await done.Content.ReadAsStringAsync();
        Assert.Contains("已提交申请：新办理 2 项", html);
        Assert.Contains("驾驶证注销", html);
        Assert.Contains("住房公积金提取", html);
        Assert.Contains("（您申请的）", html);
        Assert.Contains("status-legend", html);
        Assert.Contains("等待办理部门接收，您无需操作。", html);
    }

    [Fact]
    public async Task Mistakes_AreListedInTheErrorSummary_WithTheValuesKept()
    {
        var (caseId, browser) = await SignedInAsync();

        var response = await PostApplyAsync(browser, caseId, ("items", "survivor-benefits"), ("contributionYears", "abc"), ("payoutAccountNumber", "12"),
            ("action", "submit"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", html);
        Assert.Contains("缴费年限须是数字，如 12 或 12.5。", html);
        var again = await PostApplyAsync(browser, caseId, ("items", "survivor-benefits"), ("contributionYears", "12"), ("payoutAccountNumber", "12"),
            ("action", "submit"));
        var second = await again.Content.ReadAsStringAsync();
        Assert.Contains("请填写领取账户的开户银行。", second);
        Assert.Contains("账号须是 12 到 30 位数字（空格可省略）。", second);
        Assert.Contains("href=\"/family/cases/" + caseId + "/apply#payoutAccountNumber\"", second);
        Assert.Matches(@"value=""12""", second);
    }

    [Fact]
    public async Task ACaseNotAdmitted_Is404_OnBothPages()
    {
        var caseId = await factory.NewCaseAsync();
        var browser = await factory.CitizenPageClientAsync(FamilyApplyTestSupport.NewCitizen().IdNumber, "/family/notifications");

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/family/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/family/cases/{caseId}/apply")).StatusCode);
        var notifications = await browser.GetStringAsync("/family/notifications");
        Assert.Contains("还没有通知", notifications);
    }
}
