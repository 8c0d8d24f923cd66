using System.Net;
using System.Text.RegularExpressions;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The opaque id of the case's certificate (what pages link by).</summary>
    private async Task<Guid> CertificateIdAsync(Guid caseId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<DeathCase>().AsNoTracking()
            .Where(c => c.Id == caseId).Select(c => c.CertificateId).SingleAsync();
    }

    /// <summary>A status word shown through StatusBadge: the word, with its explanation as the title.</summary>
    private static string Badge(string code, string word) => $"class=\"status status-{code}\" title=\"[^\"]+\">{word}<span class=\"visually-hidden\">";

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
        Assert.Contains(Masked(number), html);
        Assert.Contains($"value=\"outcome-{caseId:N}\"", html);
        Assert.Matches(Badge("pending", "待接收"), html);
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
        Assert.Matches(Badge("done", "已办结"), html);
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
        // Each department's tile leads to its part of the case.
        Assert.Contains($"href=\"/supervision/cases/{caseId}#task-police\"", list);
        Assert.Contains($"href=\"/supervision/cases/{caseId}#task-social-security\"", list);
        Assert.Contains("2026-11-26", list);
        var detail = await supervisor.GetAsync($"/supervision/cases/{caseId}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var page = await detail.Content.ReadAsStringAsync();
        Assert.Contains("公安（户口注销）", page);
        Assert.Contains("id=\"task-police\"", page);
        Assert.Matches(Badge("done", "已办结"), page);
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
        var id = caseId.ToString("N");

        // Each mistake is listed in the card's error summary, linked to its field, with the card open and the values kept.
        var refused = await (await RecordAsync(officer, caseId, new() { ["status"] = "rejected", ["note"] = " " })).Content.ReadAsStringAsync();
        Assert.Contains($"<a href=\"/worklist#note-{id}\" data-field=\"note-{id}\">退回时须填写原因</a>", refused);
        Assert.Contains($"id=\"note-{id}-error\">退回时须填写原因</p>", refused);
        Assert.Contains("有 1 处需要修改：", refused);
        Assert.DoesNotContain("已保存", refused);
        Assert.Matches($"<details class=\"work-record\"[^>]*open[^>]*>\\s*<summary[^>]*>[^<]*</summary>\\s*<form[^>]*>[\\s\\S]*?value=\"{id}\"", refused);
        Assert.Matches($"id=\"status-{id}-rejected\"[^>]*checked", refused);

        var noDate = await (await RecordAsync(officer, caseId, new() { ["status"] = "done", ["note"] = "凭第二联" })).Content.ReadAsStringAsync();
        Assert.Contains($"<a href=\"/worklist#date-{id}\" data-field=\"date-{id}\">办结时须填写户口注销日期</a>", noDate);
        Assert.Contains("凭第二联</textarea>", noDate);
        Assert.Matches($"id=\"status-{id}-done\"[^>]*checked", noDate);

        var noStatus = await (await RecordAsync(officer, caseId, new() { ["note"] = "x", ["amount"] = "十元" })).Content.ReadAsStringAsync();
        Assert.Contains($"<a href=\"/worklist#status-{id}-received\" data-field=\"status-{id}-received\">请选择办理结果</a>", noStatus);
        Assert.Contains($"<a href=\"/worklist#amount-{id}\" data-field=\"amount-{id}\">金额须为数字，如 1234.50</a>", noStatus);
        Assert.Contains("有 2 处需要修改：", noStatus);
        Assert.Contains("value=\"十元\"", noStatus);

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

    [Fact]
    public async Task PoliceWorklist_LinksEachTask_ToThePersonsCopy2_ByTheCertificatesOpaqueId()
    {
        var (number, caseId) = await OpenCaseAsync();
        var certificateId = await CertificateIdAsync(caseId);
        var officer = await SignedIn.AsAsync(factory, "officer.huang");

        var html = await officer.GetStringAsync("/worklist");
        var card = Regex.Match(html, $"<li[^>]*id=\"case-{caseId:N}\"[\\s\\S]*?</li>\\s*(?=<li|</ul>)").Value;
        var link = Regex.Match(card, "<a class=\"copy-link\" href=\"(?<href>[^\"]+)\"[^>]*>查阅第二联").Groups["href"].Value;
        Assert.Equal($"/lookup/{certificateId:N}", link);
        Assert.DoesNotContain(number, link);
        Assert.DoesNotContain(number[..6], link);
        // No more sending the officer to type the number into the lookup form.
        Assert.DoesNotContain("href=\"/lookup\"", Regex.Match(html, "<main[^>]*>[\\s\\S]*</main>").Value);

        // Other departments have no copy 2 to read.
        Assert.DoesNotContain("copy-link", await (await SignedIn.AsAsync(factory, "social.wu")).GetStringAsync("/worklist"));
    }

    [Fact]
    public async Task EverySharingPage_ExplainsItsStatusWords_OnHoverAndInALegend()
    {
        var (_, caseId) = await OpenCaseAsync();
        var officer = await SignedIn.AsAsync(factory, "officer.huang");
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        foreach (var html in new[]
                 {
                     await officer.GetStringAsync("/worklist"),
                     await supervisor.GetStringAsync("/supervision/cases"),
                     await supervisor.GetStringAsync($"/supervision/cases/{caseId}"),
                 })
        {
            Assert.Contains("class=\"status-legend\"", html);
            foreach (var (word, explanation) in new[]
                     {
                         ("待接收", "部门尚未接收：须在接收时限前接收。"), ("已接收", "部门已接收，正在办理。"),
                         ("已办结", "部门已办完"), ("已退回", "部门退回了该事项"), ("不适用", "无需办理"),
                         ("超时未接收", "已过接收时限"), ("证明已撤销", "死亡医学证明已撤销"),
                     })
            {
                Assert.Matches($"<dt><span class=\"status status-[a-z-]+\">{word}</span></dt><dd>[^<]*{explanation}", html);
            }
            // The pending badge carries its explanation as a title and as text for screen readers.
            Assert.Contains("title=\"部门尚未接收：须在接收时限前接收。\">待接收<span class=\"visually-hidden\">：部门尚未接收：须在接收时限前接收。</span>", html);
        }
    }

    [Fact]
    public async Task TheSharingPagesInEnglish_HaveNoChineseOutsideStoredNames()
    {
        var (_, caseId) = await OpenCaseAsync();
        var officer = await SignedIn.AsAsync(factory, "officer.huang");
        (await officer.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        (await supervisor.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        var pages = new (HttpClient Client, string Path)[]
        {
            (officer, "/worklist"), (officer, "/worklist?all=true"),
            (supervisor, "/supervision/cases"), (supervisor, "/supervision/cases?overdue=true"), (supervisor, $"/supervision/cases/{caseId}"),
        };
        foreach (var (client, path) in pages)
        {
            var html = await client.GetStringAsync(path);
            Assert.Contains("<html lang=\"en\"", html);
            var main = Regex.Match(html, "<main[^>]*>(?<body>[\\s\\S]*)</main>").Groups["body"].Value;
            // Stored names, organisations and notes keep their language on their own element.
            var own = Regex.Replace(main, "<(?<tag>[a-z0-9]+)[^>]*\\blang=\"zh-CN\"[^>]*>[\\s\\S]*?</\\k<tag>>", "");
            // StatusBadge (Components/Display) joins word and explanation with a full-width colon: not this page's text.
            own = own.Replace("<span class=\"visually-hidden\">：", "<span class=\"visually-hidden\">");
            var text = WebUtility.HtmlDecode(Regex.Replace(own, "<[^>]+>", " "));
            var chinese = Regex.Matches(text, "[\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef]+").Select(m => m.Value).Distinct().ToList();
            Assert.True(chinese.Count == 0, $"{path} in English shows Chinese: {string.Join(" | ", chinese)}");
        }
    }

    [Fact]
    public async Task EmptyLists_SayWhatToDoNext()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = await supervisor.GetStringAsync("/supervision/cases?overdue=true");
        if (!html.Contains("class=\"case-item\"", StringComparison.Ordinal))
        {
            Assert.Contains("class=\"empty-state\"", html);
            Assert.Contains("href=\"/supervision/cases\"", html);
        }
        // A bank has no tasks yet: its worklist says so and where to look next.
        var bank = await SignedIn.AsAsync(factory, "bank.icbc");
        var empty = await bank.GetStringAsync("/worklist");
        Assert.Contains("class=\"empty-state\"", empty);
        Assert.Contains("没有待办事项。新出具的死亡医学证明会自动出现在这里。", empty);
        Assert.Contains("href=\"/worklist?all=true\"", empty);
    }

    [Fact]
    public async Task SharingPages_ShowNoPhoneNumber_ExceptAsATapToCallLink()
    {
        var (_, caseId) = await OpenCaseAsync();
        var officer = await SignedIn.AsAsync(factory, "officer.huang");
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        foreach (var (client, path) in new (HttpClient, string)[]
                 {
                     (officer, "/worklist"), (supervisor, "/worklist"), (supervisor, "/supervision/cases"), (supervisor, $"/supervision/cases/{caseId}"),
                 })
        {
            var main = Regex.Match(await client.GetStringAsync(path), "<main[^>]*>(?<body>[\\s\\S]*)</main>").Groups["body"].Value;
            // PhoneLink: <a class="phone-link" href="tel:…">…</a>; any other mobile or landline number is a number one cannot tap.
            var outside = Regex.Replace(main, "<a[^>]*href=\"tel:[^\"]*\"[^>]*>[^<]*</a>", "");
            var text = Regex.Replace(outside, "<[^>]+>", " ");
            var numbers = Regex.Matches(text, "(?<![0-9*])(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})(?![0-9*])").Select(m => m.Value).ToList();
            Assert.True(numbers.Count == 0, $"{path} shows phone numbers that are not tel: links: {string.Join(", ", numbers)}");
        }
    }
}
