using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Pages;

public sealed partial class SuperviseCertificatesPageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private const string ReviewTab = "/supervision/certificates?list=review";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Issues a certificate, then a second one for the same name and birth date under another ID: held for review.</summary>
    private async Task<(string HeldNumber, string FirstNumber)> HeldDuplicateAsync()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var person = People.Next();
        var first = People.HospitalDeath(person);
        Assert.Equal(HttpStatusCode.Created, (await hospital.PostAsJsonAsync("/api/v1/certificates", first, Web)).StatusCode);
        var otherId = DemoData.IdFor("520103", person.BirthDate, Random.Shared.Next(150, 499) * 2 + 1);
        var second = first with
        {
            Decedent = first.Decedent with { IdNumber = otherId },
            Death = first.Death with { DateTime = DateTimeOffset.Parse(first.Death.DateTime!).AddDays(-2).ToString("yyyy-MM-ddTHH:mm:sszzz") },
        };
        Assert.Equal(HttpStatusCode.Accepted, (await hospital.PostAsJsonAsync("/api/v1/certificates", second, Web)).StatusCode);
        return (otherId, person.IdNumber);
    }

    private static string Masked(string number) => number[..4] + "**********" + number[^4..];

    /// <summary>The review form's name in the row that shows <paramref name="maskedNumber"/>.</summary>
    private static string FormFor(string html, string maskedNumber)
    {
        var at = html.IndexOf(maskedNumber, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{maskedNumber} is not listed");
        return ReviewForm().Match(html, at).Groups[1].Value;
    }

    [Fact]
    public async Task ReviewTab_ListsTheHeldDuplicate_WithItsNote_AndNoUnmaskedNumber()
    {
        var (held, first) = await HeldDuplicateAsync();
        var client = await SignedIn.AsAsync(factory, "supervisor.zhou");

        var response = await client.GetAsync(ReviewTab);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(Masked(held), html);
        Assert.Contains($"疑似与证明 {Masked(first)} 为同一人", html);
        Assert.Contains("待审核（疑似重复）", html);
        Assert.Contains("出具（不同人员）", html);
        Assert.Contains("驳回（同一人员）", html);
        Assert.DoesNotContain(held, html);
        Assert.DoesNotContain(first, html);
        Assert.Matches("class=\"tile-value\"[^>]*>\\d+</span><span class=\"tile-label\"[^>]*>待审核", html);
    }

    [Theory]
    [InlineData("issued", "已出具")]
    [InlineData("review", "待审核")]
    [InlineData("revoked", "已撤销")]
    [InlineData("certified-late", "超时出具")]
    [InlineData("reported-late", "超时报送")]
    [InlineData("warnings", "有质量警示")]
    public async Task EveryTile_LinksToTheListItCounts(string list, string label)
    {
        var client = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = await client.GetStringAsync("/supervision/certificates");

        var tile = Regex.Match(html, $"<a class=\"tile-link\"[^>]*href=\"(?<href>[^\"]+)\"[^>]*>\\s*<span class=\"tile-value\"[^>]*>(?<n>\\d+)</span><span class=\"tile-label\"[^>]*>{label}</span>");
        Assert.True(tile.Success, $"the {label} tile is a link");
        Assert.StartsWith($"/supervision/certificates?list={list}", WebUtility.HtmlDecode(tile.Groups["href"].Value));

        var listed = await client.GetStringAsync(WebUtility.HtmlDecode(tile.Groups["href"].Value));
        var count = int.Parse(tile.Groups["n"].Value);
        if (count == 0) Assert.Contains("empty-state", listed);
        else Assert.Contains($"（{count} 条）", listed); // the list holds exactly the rows the tile counts
    }

    [Fact]
    public async Task Rows_LinkToTheCertificateDetailByOpaqueId_AndTheSupervisorCanOpenIt()
    {
        var (held, _) = await HeldDuplicateAsync();
        var client = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = await client.GetStringAsync(ReviewTab);

        var link = Regex.Match(html, $"<a class=\"record-link\"[^>]*href=\"(?<href>/certificates/[0-9a-f]{{32}})\"[^>]*>{Regex.Escape(Masked(held))}</a>");
        Assert.True(link.Success, "the row's number links to its detail page");
        Assert.DoesNotContain(held, html);

        var detail = await client.GetAsync(link.Groups["href"].Value);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Contains("待审核", await detail.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StatusWords_AndTheWarningAndLateColumns_AreExplained()
    {
        await HeldDuplicateAsync();
        var client = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = await client.GetStringAsync("/supervision/certificates");

        Assert.Contains("class=\"status-legend\"", html);
        Assert.Matches("title=\"疑似与已有证明为同一人，民政部门审核通过前不生效。\"[^>]*>待审核", html); // StatusBadge
        Assert.Contains("警示：出具时系统发现的数据质量问题条数", html);
        Assert.Contains("出具超时：死亡后超过1天才出具证明。", html);
        Assert.Contains("data-label=\"状态\"", html); // cards below 600 px carry their labels
    }

    [Fact]
    public async Task Reject_WithoutAReason_IsRefused_ThenWithAReason_TheCertificateIsNeverIssued()
    {
        var (held, _) = await HeldDuplicateAsync();
        var client = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var form = FormFor(await client.GetStringAsync(ReviewTab), Masked(held));

        var refused = await (await HtmlForms.SubmitAsync(client, ReviewTab, form,
            new Dictionary<string, string> { ["decision"] = "reject", ["reason"] = "  " })).Content.ReadAsStringAsync();
        Assert.Contains("请填写原因", refused);
        Assert.Contains(Masked(held), refused);

        form = FormFor(await client.GetStringAsync(ReviewTab), Masked(held));
        var done = await (await HtmlForms.SubmitAsync(client, ReviewTab, form,
            new Dictionary<string, string> { ["decision"] = "reject", ["reason"] = "核实为同一人，身份证号录入错误" })).Content.ReadAsStringAsync();
        Assert.Contains($"已驳回证明 {Masked(held)}", done);

        var supervisor = await factory.ClientForAsync("demo-civil-affairs");
        var read = await (await supervisor.GetAsync($"/api/v1/certificates/{held}")).JsonAsync();
        Assert.Equal("rejected", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Issue_FromTheReviewTab_IssuesTheCertificate()
    {
        var (held, _) = await HeldDuplicateAsync();
        var client = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var form = FormFor(await client.GetStringAsync(ReviewTab), Masked(held));

        var done = await (await HtmlForms.SubmitAsync(client, ReviewTab, form,
            new Dictionary<string, string> { ["decision"] = "issue", ["reason"] = "核实为同名同生日的不同人员" })).Content.ReadAsStringAsync();
        Assert.Contains($"已出具证明 {Masked(held)}", done);

        var supervisor = await factory.ClientForAsync("demo-civil-affairs");
        var read = await (await supervisor.GetAsync($"/api/v1/certificates/{held}")).JsonAsync();
        Assert.Equal("issued", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AllTab_ShowsTilesAndChineseStatuses()
    {
        var client = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = await client.GetStringAsync("/supervision/certificates");
        Assert.Contains("证明监管", html);
        Assert.Contains("全部证明", html);
        Assert.Contains("超时未出具或未报送", html);
        Assert.Contains(">已出具</span>", html);
        Assert.Contains("贵阳市第一人民医院", html);
    }

    [Theory]
    [InlineData("bank.icbc")]
    [InlineData("doctor.wang")]
    [InlineData("funeral.liu")]
    public async Task OtherOrganisations_GetAccessDenied(string userName)
    {
        var client = await SignedIn.AsAsync(factory, userName);
        var response = await client.GetAsync("/supervision/certificates?list=review");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("无权访问", html);
        Assert.DoesNotContain("supervision-table", html);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/supervision/certificates");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/signin", response.Headers.Location!.ToString());
    }

    [GeneratedRegex("name=\"_handler\" value=\"(review-\\d+)\"")]
    private static partial Regex ReviewForm();
}
