using System.Net;
using System.Text.RegularExpressions;
using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Certificates;

/// <summary>
/// 出具 in two steps (issue #10): 下一步：核对 validates with the issuing rules and shows 请核对 without saving;
/// 确认出具 issues; the page after issuing says which departments were told and where each copy goes.
/// </summary>
public sealed partial class IssueCertificateCheckStepTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private async Task<HttpClient> DoctorAsync() =>
        await factory.SignedInClientAsync(await factory.SeedStaffAsync(displayName: "李核对医生", organisationName: "核对区人民医院"));

    private static string? ErrorFor(string html, string fieldId) =>
        Regex.Match(html, $"<p class=\"field-error\" id=\"{fieldId}-error\"[^>]*>(?<m>[^<]*)</p>") is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups["m"].Value) : null;

    private static string? Hidden(string html, string name) =>
        Regex.Match(html, $"<input[^>]*? name=\"{Regex.Escape(name)}\" value=\"(?<v>[^\"]*)\"") is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups["v"].Value) : null;

    private async Task<bool> SavedAsync(string number)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        return await db.Set<Certificate>().AnyAsync(c => c.Number == number);
    }

    [Fact]
    public async Task CheckStep_ShowsEveryAnswerGrouped_WithCodesAsWords_AndSavesNothing()
    {
        var client = await DoctorAsync();
        var person = People.Next("2");
        var data = People.HospitalDeath(person);
        data = data with { Death = data.Death with { PregnancyStatus = "3" } };

        var check = await CertificateFormPosts.CheckAsync(client, CertificateFormPosts.Fields(data));

        var html = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());
        Assert.Contains("请核对死亡医学证明", html);
        Assert.Contains("证明尚未出具", html);
        foreach (var group in new[] { "死者信息", "死亡信息", "死亡原因", "家属联系人", "医师" })
            Assert.Matches($"<h2[^>]* id=\"check-[a-z]+\"[^>]*>{group}</h2>", html);
        Assert.Contains(person.Name, html);
        Assert.Matches("<dt[^>]*>性别</dt>\\s*<dd[^>]*>\\s*<span[^>]*>女</span>", html); // the word, not the code 2
        Assert.Contains("急性心肌梗死", html);
        Assert.Contains("name=\"Step\" value=\"edit-decedent\"", html);
        Assert.Contains("name=\"Step\" value=\"confirm\"", html);
        Assert.Equal(person.IdNumber, Hidden(html, "Form.Decedent.IdNumber"));
        Assert.False(await SavedAsync(person.IdNumber), "the 请核对 step must save nothing");
    }

    [Fact]
    public async Task BirthDateAndSexLeftBlank_AreReadFromTheCitizenId_AndShownOnTheCheckStep()
    {
        var client = await DoctorAsync();
        var person = People.Next();
        var fields = CertificateFormPosts.Fields(People.HospitalDeath(person));
        fields["Form.Decedent.BirthDate"] = "";
        fields["Form.Decedent.Sex"] = "";

        var check = await CertificateFormPosts.CheckAsync(client, fields);

        var html = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());
        var birth = person.BirthDate.ToString("yyyy-MM-dd");
        Assert.Matches($"<dt[^>]*>出生日期</dt>\\s*<dd[^>]*>\\s*<span[^>]*>{birth}</span>\\s*<span class=\"note\"[^>]*>（根据身份证号码填写）</span>", html);
        Assert.Matches("<dt[^>]*>性别</dt>\\s*<dd[^>]*>\\s*<span[^>]*>男</span>\\s*<span class=\"note\"[^>]*>（根据身份证号码填写）</span>", html);
        Assert.Equal(birth, Hidden(html, "Form.Decedent.BirthDate"));
        Assert.Equal("1", Hidden(html, "Form.Decedent.Sex"));

        var issued = await CertificateFormPosts.FromCheckPageAsync(client, check, "confirm");
        Assert.Contains("notice=issued", issued.RequestMessage!.RequestUri!.Query);
        using var scope = factory.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<Certificate>().AsNoTracking()
            .SingleAsync(c => c.Number == person.IdNumber);
        Assert.Equal((person.BirthDate, "1"), (stored.BirthDate!.Value, stored.Sex));
    }

    [Fact]
    public async Task BirthDateAndSexDisagreeingWithTheId_SayWhatTheIdSays()
    {
        var client = await DoctorAsync();
        var person = People.Next();
        var fields = CertificateFormPosts.Fields(People.HospitalDeath(person));
        fields["Form.Decedent.BirthDate"] = person.BirthDate.AddDays(1).ToString("yyyy-MM-dd");
        fields["Form.Decedent.Sex"] = "2";

        var html = await (await CertificateFormPosts.CheckAsync(client, fields)).Content.ReadAsStringAsync();

        Assert.Equal($"出生日期与身份证号码不一致：身份证号码显示出生日期为 {person.BirthDate:yyyy-MM-dd}", ErrorFor(html, "decedent-birthDate"));
        Assert.Equal("性别与身份证号码不一致：身份证号码显示性别为男", ErrorFor(html, "decedent-sex"));
        Assert.Contains("处需要修改", WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("name=\"Step\" value=\"confirm\"", html);
        Assert.False(await SavedAsync(person.IdNumber));
    }

    [Fact]
    public async Task Change_OnTheCheckStep_ReturnsToTheFormWithEveryValueKept()
    {
        var client = await DoctorAsync();
        var person = People.Next();
        var fields = CertificateFormPosts.Fields(People.HospitalDeath(person));
        fields["Form.Decedent.BirthDate"] = "";
        var check = await CertificateFormPosts.CheckAsync(client, fields);

        var form = await CertificateFormPosts.FromCheckPageAsync(client, check, "edit-decedent");

        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("id=\"section-decedent\"", html);
        Assert.Matches($"id=\"decedent-name\"[^>]*value=\"{person.Name}\"", WebUtility.HtmlDecode(html));
        Assert.Matches($"id=\"decedent-idNumber\"[^>]*value=\"{person.IdNumber}\"", html);
        Assert.Matches($"id=\"decedent-birthDate\"[^>]*value=\"{person.BirthDate:yyyy-MM-dd}\"", html); // as read from the ID
        Assert.Matches("id=\"causes-partI-1-text\"[^>]*value=\"冠状动脉粥样硬化性心脏病\"", WebUtility.HtmlDecode(html));
        Assert.Contains("name=\"Step\" value=\"check\"", html);
        Assert.DoesNotContain("class=\"field-error\"", html);
        Assert.False(await SavedAsync(person.IdNumber));
    }

    [Fact]
    public async Task Confirm_Issues_AndThePageSaysWhichDepartmentsWereTold_AndWhereEachCopyGoes()
    {
        var client = await DoctorAsync();
        var person = People.Next();
        var check = await CertificateFormPosts.CheckAsync(client, CertificateFormPosts.Fields(People.HospitalDeath(person)));
        Assert.False(await SavedAsync(person.IdNumber));

        var issued = await CertificateFormPosts.FromCheckPageAsync(client, check, "confirm");

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.True(await SavedAsync(person.IdNumber));
        var page = issued.RequestMessage!.RequestUri!.PathAndQuery;
        Assert.Contains("notice=issued", page);
        var html = WebUtility.HtmlDecode(await issued.Content.ReadAsStringAsync());
        Assert.Contains("死亡医学证明已出具。", html);
        foreach (var department in new[] { "公安（户口注销）", "人社（养老保险）", "医保", "民政（低保/特困/高龄津贴）", "住房公积金" })
            Assert.Matches($"<li[^>]*>{Regex.Escape(department)}</li>", html);
        Assert.Contains("四联的去向", html);
        Assert.Matches("<strong[^>]*>第一联</strong>\\s*存根：出具单位留存", html);
        Assert.Matches("<strong[^>]*>第二联</strong>\\s*交公安机关办理户籍注销", html);
        Assert.Matches("<strong[^>]*>第三联</strong>\\s*交死者家属保存", html);
        Assert.Matches("<strong[^>]*>第四联</strong>\\s*《居民死亡殡葬证》，交殡葬服务机构", html);

        // Once the case is open (the outbox delivers within a second or two), the page says the departments were told.
        for (var i = 0; i < 60 && !html.Contains("已通知的部门", StringComparison.Ordinal); i++)
        {
            await Task.Delay(250);
            html = WebUtility.HtmlDecode(await client.GetStringAsync(page));
        }
        Assert.Contains("已通知的部门", html);
        Assert.Matches("<li[^>]*>公安（户口注销）</li>", html);
    }

    [Fact]
    public async Task APossibleDuplicate_IsHeldForReview_AndThePageSaysWhatHappensNext()
    {
        var client = await DoctorAsync();
        var person = People.Next();
        var first = People.HospitalDeath(person);
        Assert.Contains("notice=issued", (await CertificateFormPosts.IssueAsync(client, CertificateFormPosts.Fields(first))).RequestMessage!.RequestUri!.Query);
        var otherId = DemoData.IdFor("520103", person.BirthDate, Random.Shared.Next(150, 499) * 2 + 1);
        var second = first with { Decedent = first.Decedent with { IdNumber = otherId } };

        var held = await CertificateFormPosts.IssueAsync(client, CertificateFormPosts.Fields(second));

        Assert.Contains("notice=held", held.RequestMessage!.RequestUri!.Query);
        var html = WebUtility.HtmlDecode(await held.Content.ReadAsStringAsync());
        Assert.Contains("证明已提交审核，尚未生效", html);
        Assert.Contains("接下来", html);
        Assert.Contains("审核结束前不能打印，也不会通知任何部门", html);
        Assert.DoesNotContain("已通知的部门", html);
        Assert.DoesNotContain("四联的去向", html);
    }
}
