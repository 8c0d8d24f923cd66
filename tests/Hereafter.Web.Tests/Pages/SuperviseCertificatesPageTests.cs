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
        Assert.Matches("class=\"tile-value\">\\d+</span><span class=\"tile-label\">待审核", html);
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
