using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Pages;

/// <summary>Departments look a certificate up and see exactly their copy (联), in Chinese.</summary>
public sealed class LookupCertificatePageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private async Task<(string Number, People.Person Person)> IssuedAsync()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var person = People.Next();
        var response = await hospital.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(person), Web);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.JsonAsync()).GetProperty("number").GetString()!, person);
    }

    private async Task<Guid> IdOfAsync(string number)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<Certificate>()
            .Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
    }

    private async Task<string> LookupAsync(string userName, string number)
    {
        var client = await SignedIn.AsAsync(factory, userName);
        var response = await HtmlForms.SubmitAsync(client, "/lookup", "lookup", new Dictionary<string, string> { ["Number"] = number });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task FuneralHome_SeesCopy4_WithoutCauseOfDeath()
    {
        var (number, person) = await IssuedAsync();
        var html = await LookupAsync("funeral.liu", number);

        Assert.Contains("第四联 居民死亡殡葬证", html);
        Assert.Contains(person.Name, html);
        Assert.Contains("死亡时间", html);
        Assert.DoesNotContain("急性心肌梗死", html);
        Assert.DoesNotContain("冠状动脉", html);
        Assert.DoesNotContain("I21.9", html); // with its dot: "I21" may turn up inside a random token
        Assert.DoesNotContain("死亡原因", html);
        Assert.Contains($"/certificates/{await IdOfAsync(number):N}/pdf?copy=4", html);
        Assert.DoesNotContain($"/{number}", html); // no link carries the number
        Assert.DoesNotContain("pdf?copy=1", html);
    }

    [Fact]
    public async Task Bank_SeesADeathNotice_WithNoMedicalData_AndNoPdf()
    {
        var (number, person) = await IssuedAsync();
        var html = await LookupAsync("bank.icbc", number);

        Assert.Contains("死亡信息通知（不含医学信息）", html);
        Assert.Contains(person.Name, html);
        Assert.DoesNotContain("急性心肌梗死", html);
        Assert.DoesNotContain("I21.9", html); // with its dot: "I21" may turn up inside a random token
        Assert.DoesNotContain("死亡原因", html);
        Assert.DoesNotContain("妊娠", html);
        Assert.DoesNotContain("医师", html);
        Assert.DoesNotContain("/pdf?copy=", html);
    }

    [Fact]
    public async Task Police_SeesCopy2_WithCauses_AndPrintsCopy2()
    {
        var (number, _) = await IssuedAsync();
        var html = await LookupAsync("officer.huang", number);

        Assert.Contains("第二联 公安机关办理户籍注销用", html);
        Assert.Contains("急性心肌梗死", html);
        Assert.Contains($"pdf?copy=2", html);
    }

    [Fact]
    public async Task PdfLink_WorksWithTheSignInCookie()
    {
        var (number, _) = await IssuedAsync();
        var client = await SignedIn.AsAsync(factory, "funeral.liu");
        var id = await IdOfAsync(number);
        var response = await client.GetAsync($"/certificates/{id:N}/pdf?copy=4");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"死亡医学证明-{id.ToString("N")[..8]}-第四联.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);

        // The API keeps its documented route by number (departments' systems), but its file name carries no number either.
        var api = await client.GetAsync($"/api/v1/certificates/{number}/pdf?copy=4");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.DoesNotContain(number, api.Content.Headers.ContentDisposition!.ToString());
    }

    [Fact]
    public async Task Police_OpensCopy2_ByTheOpaqueIdOfAWorklistLink_Audited()
    {
        var (number, person) = await IssuedAsync();
        var id = await IdOfAsync(number);
        var client = await SignedIn.AsAsync(factory, "officer.huang");

        var response = await client.GetAsync($"/lookup/{id:N}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("第二联 公安机关办理户籍注销用", html);
        Assert.Contains(person.Name, html);
        Assert.Contains($"/certificates/{id:N}/pdf?copy=2", html);
        using var scope = factory.Services.CreateScope();
        var audited = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<AuditEntry>()
            .Where(a => a.Subject == $"certificate:{number}" && a.Action == "certificate.read").Select(a => a.Purpose).ToListAsync();
        Assert.NotEmpty(audited);
    }

    [Fact]
    public async Task ByOpaqueId_ABankSeesOnlyItsDeathNotice_AndAnUnknownIdIsNotFound()
    {
        var (number, _) = await IssuedAsync();
        var client = await SignedIn.AsAsync(factory, "bank.icbc");

        var html = await client.GetStringAsync($"/lookup/{await IdOfAsync(number):N}");
        Assert.Contains("死亡信息通知（不含医学信息）", html);
        Assert.DoesNotContain("急性心肌梗死", html);

        Assert.Contains("未找到该证明", await client.GetStringAsync($"/lookup/{Guid.NewGuid():N}"));
    }

    [Fact]
    public async Task UnknownNumber_SaysNotFound()
    {
        var html = await LookupAsync("social.wu", "11010519491231002X");
        Assert.Contains("未找到该证明", html);
    }

    [Fact]
    public async Task AnEmptyNumber_IsListedInTheErrorSummary_LinkedToTheField()
    {
        var html = await LookupAsync("social.wu", " ");
        Assert.Contains("data-error-summary", html);
        Assert.Matches("<a href=\"[^\"]*#number\"[^>]*>请输入证明编号</a>", html);
        Assert.Contains("id=\"number-error\"", html);
    }

    [Fact]
    public async Task AnotherHospital_IsRefused()
    {
        var (number, person) = await IssuedAsync();
        var html = await LookupAsync("doctor.zhao", number);
        Assert.Contains("贵单位无权查看该证明", html);
        Assert.DoesNotContain(person.Name, html);
    }

    [Fact]
    public async Task TheNumberIsPosted_NotPutInTheUrl()
    {
        var client = await SignedIn.AsAsync(factory, "funeral.liu");
        var html = await client.GetStringAsync("/lookup");
        Assert.Contains("method=\"post\"", html);
        Assert.Contains("autocomplete=\"off\"", html);
    }
}
