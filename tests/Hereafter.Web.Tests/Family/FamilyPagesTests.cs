using System.Net;
using System.Net.Http.Headers;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pricing;

namespace Hereafter.Web.Tests.Family;

/// <summary>The family home and proof upload pages through plain form posts, as a phone without script sends them.</summary>
public sealed class FamilyPagesTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly string[] Codes = ["JPEG", "PNG", "MB"];

    private static Dictionary<string, string> Claim(FamilyTestSupport.Death death, string relationship = "child") => new()
    {
        ["certificateNumber"] = death.Number, ["decedentName"] = death.Person.Name, ["relationship"] = relationship,
    };

    [Fact]
    public async Task FamilyContact_FindsTheCase_AndIsLinkedToIt()
    {
        var death = await factory.DeathAsync();
        var wang = await factory.CitizenPageClientAsync(DemoCitizens.Wang.UserName, "/family");

        var response = await HtmlForms.SubmitAsync(wang, "/family", "claim", Claim(death));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"href=\"/family/cases/{death.CaseId}\"", html);
        Assert.Contains(death.Person.Name, html);
    }

    [Fact]
    public async Task WrongName_ShowsTheSameProblem_AsAWrongNumber()
    {
        var death = await factory.DeathAsync();
        var citizen = await factory.CitizenPageClientAsync(People.Next().IdNumber, "/family");

        var wrongName = await (await HtmlForms.SubmitAsync(citizen, "/family", "claim", new Dictionary<string, string>(Claim(death)) { ["decedentName"] = "张冠李" })).Content.ReadAsStringAsync();
        var wrongNumber = await (await HtmlForms.SubmitAsync(citizen, "/family", "claim", new Dictionary<string, string>(Claim(death)) { ["certificateNumber"] = People.Next().IdNumber })).Content.ReadAsStringAsync();

        Assert.Contains("没有与该证明编号和姓名相符的有效死亡医学证明", wrongName);
        Assert.Contains("没有与该证明编号和姓名相符的有效死亡医学证明", wrongNumber);
    }

    [Fact]
    public async Task MissingFields_AreListedInTheErrorSummary()
    {
        var citizen = await factory.CitizenPageClientAsync(People.Next().IdNumber, "/family");

        var html = await (await HtmlForms.SubmitAsync(citizen, "/family", "claim",
            new Dictionary<string, string> { ["certificateNumber"] = "", ["decedentName"] = "", ["relationship"] = "" })).Content.ReadAsStringAsync();

        Assert.Contains("error-summary", html);
        Assert.Contains("href=\"/family#certificateNumber\"", html);
        Assert.Contains("请选择您与逝者的关系", html);
    }

    [Fact]
    public async Task Stranger_UploadsProofThroughThePage_AndSeesARejectionReason()
    {
        var death = await factory.DeathAsync();
        var number = People.Next().IdNumber;
        var citizen = await factory.CitizenPageClientAsync(number, "/family");
        var found = await (await HtmlForms.SubmitAsync(citizen, "/family", "claim", Claim(death, "sibling"))).Content.ReadAsStringAsync();
        var proofPage = $"/family/claims/{death.CaseId}/proof";
        Assert.Contains($"href=\"{proofPage}\"", found);

        var exe = await PostProofAsync(citizen, proofPage, ProofBytes.WindowsExe(), "application/pdf", "户口簿.pdf");
        Assert.Contains("这个文件是程序而不是证明材料", exe);
        Assert.Contains("href=\"" + proofPage + "#file\"", exe);

        var sent = await PostProofAsync(citizen, proofPage, ProofBytes.Pdf(), "application/pdf", "户口簿.pdf");
        Assert.Contains("证明材料已提交", sent);
        var admission = await factory.AdmissionAsync(new Hereafter.Web.Platform.Auth.Citizen(DemoCitizens.SubjectFor(number), "", number, ""), death.CaseId);
        Assert.Equal(AdmissionStatus.PendingReview, admission.Status);

        var clerk = await Pages.SignedIn.AsPageCallerAsync(factory, "clerk.civil");
        await clerk.PostAsync($"/api/v1/family/admissions/{admission.Id}/rejection",
            System.Net.Http.Json.JsonContent.Create(new { reason = "户口簿页面不全" }));
        var rejected = await citizen.GetStringAsync(proofPage);
        Assert.Contains("户口簿页面不全", rejected);
        Assert.Contains("enctype=\"multipart/form-data\"", rejected);
    }

    [Fact]
    public async Task SomeoneElsesClaim_Is404_OnTheProofPage()
    {
        var death = await factory.DeathAsync();
        await factory.ClaimAsync(FamilyTestSupport.Stranger(), death);
        var other = await factory.CitizenPageClientAsync(People.Next().IdNumber, "/family");

        var response = await other.GetAsync($"/family/claims/{death.CaseId}/proof");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(death.Person.Name, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FamilyHome_LeadsToTheMemorialServices()
    {
        var citizen = await factory.CitizenPageClientAsync(People.Next().IdNumber, "/family");

        var html = await citizen.GetStringAsync("/family");

        Assert.Contains("纪念服务", html);
        Assert.Contains($"href=\"{MemorialPages.Sites}\"", html);
        Assert.Contains($"href=\"{MemorialPages.MyBookings}\"", html);
        Assert.Contains($"href=\"{MemorialPages.NewProxyOrder}\"", html);
        (await citizen.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        var english = await citizen.GetStringAsync("/family");
        Assert.Contains("Memorial services", english);
        Assert.Contains("Proxy sweeping", english);
    }

    [Fact]
    public async Task FamilyPages_AreInOneLanguage()
    {
        var death = await factory.DeathAsync();
        var citizen = await factory.CitizenPageClientAsync(People.Next().IdNumber, "/family");
        await HtmlForms.SubmitAsync(citizen, "/family", "claim", Claim(death));
        string[] pages = ["/family", $"/family/claims/{death.CaseId}/proof"];
        foreach (var page in pages)
        {
            var words = PageLanguage.Mismatches(await citizen.GetStringAsync(page), "zh-CN").Where(m => !Codes.Any(m.Contains)).ToList();
            Assert.True(words.Count == 0, $"{page} (zh-CN) shows English words: {string.Join(" | ", words)}");
        }
        (await citizen.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        foreach (var page in pages) PageLanguage.AssertIn(await citizen.GetStringAsync(page), "en", page);
    }

    /// <summary>Posts the page's upload form as multipart, with its antiforgery token and form name, and returns the page.</summary>
    private static async Task<string> PostProofAsync(HttpClient client, string url, byte[] bytes, string contentType, string fileName)
    {
        var html = await client.GetStringAsync(url);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent
        {
            { new StringContent(HtmlForms.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent("proof"), "_handler" },
            { file, "file", fileName },
        };
        var response = await client.PostAsync(url, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
