using System.Net;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>The departments' /worklist and civil affairs' /supervision/cases pages, through real sign-in and form posts.</summary>
public sealed class WorklistPagesTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static string Masked(string number) => number[..4] + "**********" + number[^4..];

    /// <summary>Issues a certificate and waits (bounded) until its case is open; returns the number and the case id.</summary>
    private async Task<(string Number, Guid CaseId)> OpenCaseAsync()
    {
        var number = await factory.IssueAsync();
        var police = await factory.ClientForAsync("demo-police");
        var issued = await police.WaitForEventAsync(number, "certificate.issued");
        return (number, issued.GetProperty("caseId").GetGuid());
    }

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid caseId, Dictionary<string, string> fields) =>
        HtmlForms.SubmitAsync(client, "/worklist", $"outcome-{caseId:N}", fields);

    [Fact]
    public async Task PoliceWorklist_ShowsTheNewCase_WithTheCopy2Explanation_AndNoUnmaskedNumber()
    {
        var (number, caseId) = await OpenCaseAsync();
        var officer = await SignedIn.AsAsync(factory, "officer.huang");

        var response = await officer.GetAsync("/worklist");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("户口注销待办", html);
        Assert.Contains("第二联", html);
        Assert.Contains("href=\"/lookup\"", html);
        Assert.Contains(Masked(number), html);
        Assert.Contains($"value=\"outcome-{caseId:N}\"", html);
        Assert.Contains(">待处理</span>", html);
        Assert.Contains("户口注销日期", html);
        Assert.DoesNotContain(number, html);
        Assert.Contains("href=\"/worklist\"", await officer.GetStringAsync("/"));
    }

    [Fact]
    public async Task RecordingDone_WithADate_UpdatesTheCase_AndTheSupervisorPagesShowIt()
    {
        var (number, caseId) = await OpenCaseAsync();
        var officer = await SignedIn.AsAsync(factory, "officer.huang");

        var saved = await RecordAsync(officer, caseId, new() { ["status"] = "done", ["effectiveDate"] = "2026-11-26", ["note"] = "凭第二联注销" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var html = await saved.Content.ReadAsStringAsync();
        Assert.Contains($"已保存 ", html);
        Assert.Contains("的办理结果：已办结。户口注销日期：2026-11-26。", html);
        Assert.Contains(">已办结</span>", html);
        // Finished: no longer open, but listed under 全部.
        Assert.DoesNotContain(Masked(number), await officer.GetStringAsync("/worklist"));
        Assert.Contains(Masked(number), await officer.GetStringAsync("/worklist?all=true"));

        var api = await (await (await factory.ClientForAsync("demo-civil-affairs")).GetAsync($"/api/v1/cases/{caseId}")).JsonAsync();
        var police = api.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("department").GetString() == "police");
        Assert.Equal("done", police.GetProperty("status").GetString());
        Assert.Equal("2026-11-26", police.GetProperty("effectiveDate").GetString());

        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var list = await supervisor.GetStringAsync("/supervision/cases");
        Assert.Contains(Masked(number), list);
        Assert.Contains($"href=\"/supervision/cases/{caseId}\"", list);
        Assert.Contains("2026-11-26", list);
        var detail = await supervisor.GetAsync($"/supervision/cases/{caseId}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var page = await detail.Content.ReadAsStringAsync();
        Assert.Contains("公安（户口注销）", page);
        Assert.Contains(">已办结</span>", page);
        Assert.Contains("2026-11-26", page);
        Assert.Contains("黄晓东（户籍民警）", page);
        Assert.Contains("贵阳市公安局南明分局", page);
        Assert.Contains("凭第二联注销", page);
        Assert.Contains("人社（养老保险）", page);
        Assert.DoesNotContain(number, page);
    }

    [Fact]
    public async Task Rejecting_WithoutAReason_ShowsTheChineseError_AndChangesNothing()
    {
        var (_, caseId) = await OpenCaseAsync();
        var officer = await SignedIn.AsAsync(factory, "officer.huang");

        var refused = await (await RecordAsync(officer, caseId, new() { ["status"] = "rejected", ["note"] = " " })).Content.ReadAsStringAsync();
        Assert.Contains("退回时须填写原因", refused);
        Assert.DoesNotContain("已保存", refused);

        var noDate = await (await RecordAsync(officer, caseId, new() { ["status"] = "done" })).Content.ReadAsStringAsync();
        Assert.Contains("办结时须填写户口注销日期", noDate);

        var noStatus = await (await RecordAsync(officer, caseId, new() { ["note"] = "x" })).Content.ReadAsStringAsync();
        Assert.Contains("请选择办理结果", noStatus);

        var api = await (await (await factory.ClientForAsync("demo-police")).GetAsync($"/api/v1/cases/{caseId}")).JsonAsync();
        Assert.Equal("pending", api.GetProperty("tasks")[0].GetProperty("status").GetString());

        var returned = await (await RecordAsync(officer, caseId, new() { ["status"] = "rejected", ["note"] = "户籍不在本辖区" })).Content.ReadAsStringAsync();
        Assert.Contains("的办理结果：已退回。", returned);
    }

    [Fact]
    public async Task SocialSecurity_SeesOnlyItsOwnTask_AndRecordsTheStopMonth()
    {
        var (number, caseId) = await OpenCaseAsync();
        var social = await SignedIn.AsAsync(factory, "social.wu");

        var html = await social.GetStringAsync("/worklist");
        Assert.Contains("待办事项", html);
        Assert.Contains("人社（养老保险）", html);
        Assert.Contains(Masked(number), html);
        Assert.Contains("停发月份", html);
        Assert.Contains("type=\"month\"", html);
        Assert.DoesNotContain("户口注销", html);
        Assert.DoesNotContain("公安（户口注销）", html);
        Assert.DoesNotContain("医保", html);

        var saved = await (await HtmlForms.SubmitAsync(social, "/worklist", $"outcome-{caseId:N}",
            new Dictionary<string, string> { ["status"] = "done", ["effectiveDate"] = "2026-12", ["amount"] = "1234.50" })).Content.ReadAsStringAsync();
        Assert.Contains("停发月份：2026-12。", saved);
        Assert.Contains("1,234.50", saved);
    }

    [Theory]
    [InlineData("bank.icbc")]
    [InlineData("doctor.wang")]
    [InlineData("officer.huang")]
    public async Task OnlyCivilAffairs_ReadsTheCases(string userName)
    {
        var (_, caseId) = await OpenCaseAsync();
        var client = await SignedIn.AsAsync(factory, userName);
        foreach (var path in new[] { "/supervision/cases", $"/supervision/cases/{caseId}", "/supervision/cases?overdue=true" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("无权访问", html);
            Assert.DoesNotContain("task-badges", html);
        }
        Assert.DoesNotContain("href=\"/supervision/cases\"", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Hospitals_HaveNoWorklist_AndTheSupervisorHasBothLinks()
    {
        var doctor = await SignedIn.AsAsync(factory, "doctor.wang");
        var response = await doctor.GetAsync("/worklist");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("无权访问", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("href=\"/worklist\"", await doctor.GetStringAsync("/"));

        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var home = await supervisor.GetStringAsync("/");
        Assert.Contains("href=\"/supervision/cases\"", home);
        Assert.Contains("href=\"/worklist\"", home);
        Assert.Contains("href=\"/supervision/certificates\"", home);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/supervision/cases/{Guid.NewGuid()}")).StatusCode);
        Assert.Contains("仅显示超时", await supervisor.GetStringAsync("/supervision/cases?overdue=true"));
    }
}
