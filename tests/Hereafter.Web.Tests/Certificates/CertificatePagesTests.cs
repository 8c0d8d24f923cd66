using System.Net;
using System.Text.RegularExpressions;
using Hereafter.Domain.Certificates;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Certificates;

/// <summary>The certifier's pages, posted as a browser without script would post them.</summary>
public sealed partial class CertificatePagesTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private async Task<HttpClient> DoctorAsync(string organisation = "测试市第一人民医院") =>
        await factory.SignedInClientAsync(await factory.SeedStaffAsync(displayName: "王立新医生", organisationName: organisation));

    private static CertificateData Valid(People.Person person) => People.HospitalDeath(person);

    /// <summary>Fills the form and, when the 请核对 step accepts it, confirms (出具 is two steps); else the form with its errors.</summary>
    private static Task<HttpResponseMessage> IssueAsync(HttpClient client, CertificateData data) =>
        CertificateFormPosts.IssueAsync(client, CertificateFormPosts.Fields(data));

    /// <summary>Issues the certificate and answers its detail page's address (by opaque id).</summary>
    private static async Task<string> IssuedAtAsync(HttpClient client, CertificateData data)
    {
        var response = await IssueAsync(client, data);
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/certificates/[0-9a-f]{32}$", path);
        return path;
    }

    /// <summary>The text of the error paragraph the form renders for a field.</summary>
    private static string? ErrorFor(string html, string fieldId) =>
        Regex.Match(html, $"<p class=\"field-error\" id=\"{fieldId}-error\"[^>]*>(?<m>[^<]*)</p>") is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups["m"].Value) : null;

    [Fact]
    public async Task NewCertificatePage_IsAChineseFormWithLabelledFields_AndPrefillsTheDoctor()
    {
        var client = await DoctorAsync();
        var html = await client.GetStringAsync("/certificates/new");
        foreach (var (id, label) in new[] { ("decedent-idNumber", "身份证件号码"), ("decedent-name", "死者姓名"), ("death-dateTime", "死亡日期和时间"),
                     ("causes-partI-0-text", "疾病或情况"), ("informant-phone", "联系电话"), ("certifier-name", "医师姓名") })
            Assert.Matches($"<label for=\"{id}\">{Regex.Escape(label)}", html);
        Assert.Contains("type=\"datetime-local\"", html);
        Assert.Contains("value=\"中国\"", html);
        Assert.Matches("id=\"certifier-name\"[^>]*value=\"王立新\"", html);
    }

    [Fact]
    public async Task ValidSubmit_WithUnusedCauseRowsLeftEmpty_RedirectsToTheIssuedCertificate()
    {
        var client = await DoctorAsync();
        var person = People.Next();
        var data = Valid(person);
        data = data with { Causes = data.Causes with { PartI = data.Causes.PartI.Take(1).ToList() } };

        var response = await IssueAsync(client, data);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/certificates/[0-9a-f]{32}$", path); // the opaque id, never the ID number
        Assert.DoesNotContain(person.IdNumber, response.RequestMessage.RequestUri.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("死亡医学证明已出具", html);
        Assert.Contains("已出具", html);
        Assert.Contains(person.Name, html);
        Assert.Contains("<svg", html); // the verification QR
        Assert.Contains($"{path}/pdf?copy=1", html);
        Assert.DoesNotContain($"/{person.IdNumber}", html); // no link carries the number
        Assert.Contains("打印第一联", html);
        Assert.Contains("第一联 存根", html);

        var pdf = await client.GetAsync($"{path}/pdf?copy=3");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var fileName = pdf.Content.Headers.ContentDisposition!.FileNameStar;
        Assert.Equal($"死亡医学证明-{path[14..22]}-第三联.pdf", fileName);
        Assert.DoesNotContain(person.IdNumber, pdf.Content.Headers.ContentDisposition.ToString());

        var list = await client.GetStringAsync("/certificates");
        Assert.Contains($"href=\"{path}\"", list);
        Assert.Contains(person.Name[0] + "*", list);
        Assert.Contains("已出具", list);
        Assert.Contains("href=\"/certificates/new\"", list);
    }

    [Fact]
    public async Task WrongCheckDigit_ShowsTheChineseErrorNextToTheIdField_KeepsTheInput_AndSavesNothing()
    {
        var client = await DoctorAsync();
        var person = People.Next();
        var wrong = person.IdNumber[..17] + (person.IdNumber[17] == '0' ? '1' : '0');
        var data = Valid(person);

        var response = await IssueAsync(client, data with { Decedent = data.Decedent with { IdNumber = wrong } });

        Assert.Equal("/certificates/new", response.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("身份证号码校验位错误", ErrorFor(html, "decedent-idNumber"));
        Assert.Matches($"id=\"decedent-idNumber\"[^>]*value=\"{wrong}\"", html);
        Assert.Matches($"id=\"decedent-name\"[^>]*value=\"{person.Name}\"", html);
        Assert.Matches("id=\"causes-partI-1-text\"[^>]*value=\"冠状动脉粥样硬化性心脏病\"", html);
        Assert.Contains("有 1 处需要修改", html);

        // Saved nothing (the API still reads by number, for departments' systems).
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/certificates/{wrong}")).StatusCode);
    }

    [Fact]
    public async Task ScriptInTheName_IsRejectedNextToTheName_AndNeverEchoedUnescaped()
    {
        var client = await DoctorAsync();
        var data = Valid(People.Next());
        const string attack = "<script>alert(1)</script>";

        var html = await (await IssueAsync(client, data with { Decedent = data.Decedent with { Name = attack } })).Content.ReadAsStringAsync();

        Assert.NotNull(ErrorFor(html, "decedent-name"));
        Assert.DoesNotContain(attack, html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task ErrorsOnALaterCauseRow_LandOnTheRowTheUserTyped()
    {
        var client = await DoctorAsync();
        var data = Valid(People.Next());
        var fields = CertificateFormPosts.Fields(data);
        // Row (b) left empty, row (c) filled with a bad ICD code: the kept rows are renumbered for the handler.
        (fields["Form.Causes.PartI[2].Text"], fields["Form.Causes.PartI[2].IntervalValue"], fields["Form.Causes.PartI[2].IntervalUnit"], fields["Form.Causes.PartI[2].Icd10"])
            = (fields["Form.Causes.PartI[1].Text"], "abc", "years", "XX");
        foreach (var k in new[] { "Text", "IntervalValue", "IntervalUnit", "Icd10" }) fields[$"Form.Causes.PartI[1].{k}"] = "";

        var html = await (await CertificateFormPosts.IssueAsync(client, fields)).Content.ReadAsStringAsync();

        Assert.Contains("格式错误", ErrorFor(html, "causes-partI-2-icd10"));
        Assert.Equal("发病至死亡间隔应为数字", ErrorFor(html, "causes-partI-2-interval-value"));
        Assert.Contains("(b)", ErrorFor(html, "causes-partI-2-line"));
        Assert.Null(ErrorFor(html, "causes-partI-1-icd10"));
        Assert.Matches("id=\"causes-partI-2-interval-value\"[^>]*value=\"abc\"", html);
    }

    [Fact]
    public async Task SamePersonTwice_ShowsTheDuplicateMessage()
    {
        var client = await DoctorAsync();
        var data = Valid(People.Next());
        Assert.Contains("死亡医学证明已出具", await (await IssueAsync(client, data)).Content.ReadAsStringAsync());

        var html = await (await IssueAsync(client, data)).Content.ReadAsStringAsync();

        Assert.Contains("该人员已有有效的死亡医学证明，不能重复出具", html);
    }

    [Fact]
    public async Task Correction_FromTheDetailPage_MakesVersion2_AndASecondIsRefused()
    {
        var client = await DoctorAsync();
        var person = People.Next();
        var data = Valid(person);
        var url = await IssuedAtAsync(client, data);
        var detail = await client.GetStringAsync(url);
        Assert.Contains($"href=\"{url}/correct\"", detail);

        var form = await client.GetStringAsync($"{url}/correct");
        Assert.Matches($"id=\"decedent-name\"[^>]*value=\"{person.Name}\"", form); // prefilled

        var fields = CertificateFormPosts.Fields(data with { Decedent = data.Decedent with { Occupation = "退休教师" } });
        var noReason = await (await HtmlForms.SubmitAsync(client, $"{url}/correct", "correct", fields)).Content.ReadAsStringAsync();
        Assert.Contains("请填写原因", noReason);

        fields["Reason"] = "职业填写错误";
        fields["Step"] = "check";
        var check = await HtmlForms.SubmitAsync(client, $"{url}/correct", "correct", fields);
        var checkHtml = await check.Content.ReadAsStringAsync();
        Assert.Contains("name=\"Step\" value=\"confirm\"", checkHtml); // 请核对 before the correction is saved
        Assert.Contains("退休教师", WebUtility.HtmlDecode(checkHtml));
        Assert.DoesNotContain("证明已更正", WebUtility.HtmlDecode(checkHtml));
        var corrected = await HtmlForms.SubmitAsync(client, check.RequestMessage!.RequestUri!.PathAndQuery, checkHtml, "correct",
            new Dictionary<string, string> { ["Step"] = "confirm" });
        Assert.Equal(url, corrected.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await corrected.Content.ReadAsStringAsync();
        Assert.Contains("证明已更正，当前为第 2 版", html);
        Assert.Contains("退休教师", html);
        Assert.Contains("职业填写错误", html); // the reason in the history
        Assert.Contains(">更正<", html);

        var again = await client.GetStringAsync($"{url}/correct");
        Assert.Contains("该证明已更正过一次，不能再次更正", again);
    }

    [Fact]
    public async Task Reissue_Once_ThenTheSecondIsRefused()
    {
        var client = await DoctorAsync();
        var person = People.Next();
        var url = await IssuedAtAsync(client, Valid(person));

        var first = await HtmlForms.SubmitAsync(client, url, "reissue", new Dictionary<string, string> { ["Reissue.Reason"] = "家属遗失第三联" });
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains("证明已补发", html);
        Assert.Contains("家属遗失第三联", html);

        var second = await HtmlForms.SubmitAsync(client, url, "reissue", new Dictionary<string, string> { ["Reissue.Reason"] = "再次遗失" });
        Assert.Contains("该证明已补发过一次", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Revoke_NeedsConfirmationAndReason_ThenShowsRevoked()
    {
        var client = await DoctorAsync();
        var person = People.Next();
        var url = await IssuedAtAsync(client, Valid(person));

        // Errors posted from the bottom of the page are listed in the form's error summary (which takes focus), each a link to its field.
        var unconfirmed = await (await HtmlForms.SubmitAsync(client, url, "revoke", new Dictionary<string, string> { ["Revoke.Reason"] = "误开" })).Content.ReadAsStringAsync();
        Assert.Matches("error-summary-revoke[\\s\\S]*<a href=\"[^\"]*#revoke-confirm\"[^>]*>请勾选确认后再撤销</a>", unconfirmed);
        var noReason = await (await HtmlForms.SubmitAsync(client, url, "revoke", new Dictionary<string, string> { ["Revoke.Confirmed"] = "true" })).Content.ReadAsStringAsync();
        Assert.Matches("data-error-summary[\\s\\S]*<a href=\"[^\"]*#revoke-reason\"[^>]*>请填写原因</a>", noReason);
        Assert.Contains("id=\"revoke-reason-error\"", noReason);

        var revoked = await HtmlForms.SubmitAsync(client, url, "revoke",
            new Dictionary<string, string> { ["Revoke.Reason"] = "出具对象错误", ["Revoke.Confirmed"] = "true" });
        var html = await revoked.Content.ReadAsStringAsync();
        Assert.Contains("证明已撤销", html);
        Assert.Contains("已撤销", html);
        Assert.Contains("出具对象错误", html);
        Assert.DoesNotContain("<svg", html); // no QR for a revoked certificate
        Assert.DoesNotContain("name=\"_handler\" value=\"reissue\"", html);
    }

    [Fact]
    public async Task AnUnknownId_Is404_WithTheDetailPagesOwnMessage()
    {
        var client = await DoctorAsync();
        var unknown = Guid.NewGuid().ToString("N");
        foreach (var path in new[] { $"/certificates/{unknown}", $"/certificates/{unknown}/correct" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("未找到该死亡医学证明", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AnotherHospital_MayNotViewTheCertificate()
    {
        var client = await DoctorAsync();
        var person = People.Next();
        var url = await IssuedAtAsync(client, Valid(person));

        var other = await DoctorAsync("测试市第二人民医院");
        var response = await other.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("无权查看该死亡医学证明", html);
        Assert.DoesNotContain(person.Name, html);
    }

    [Fact]
    public async Task Pages_RequireSignIn()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { "/certificates", "/certificates/new", $"/certificates/{Guid.NewGuid():N}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/signin", response.Headers.Location!.OriginalString);
        }
    }
}
