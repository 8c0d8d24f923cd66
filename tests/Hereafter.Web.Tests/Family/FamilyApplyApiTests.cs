using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;

namespace Hereafter.Web.Tests.Family;

/// <summary>The family's application, progress, banks and notifications through HTTP with real citizen tokens.</summary>
public sealed class FamilyApplyApiTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static object Account => new { bank = "中国工商银行贵阳分行", accountNumber = "6222021234567890123", holderName = "测试" };

    private async Task<(Guid CaseId, HttpClient Client)> AdmittedClientAsync()
    {
        var (caseId, citizen) = await factory.AdmittedCaseAsync();
        return (caseId, await factory.CitizenClientAsync(citizen.IdNumber));
    }

    [Fact]
    public async Task Apply_WithSeveralItemsAndTwoBanks_Answers201WithATaskEach_AndARepeatDuplicatesNone()
    {
        var (caseId, client) = await AdmittedClientAsync();
        var banks = (await (await client.GetAsync("/api/v1/family/banks")).JsonAsync()).EnumerateArray().Select(b => b.GetProperty("id").GetGuid()).ToArray();
        var body = new { items = new[] { "household-cancellation", "pension", "survivor-benefits", "bank-deposits" }, banks, contributionYears = 16, payoutAccount = Account };

        var first = await client.PostAsJsonAsync($"/api/v1/family/cases/{caseId}/applications", body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await first.JsonAsync();
        var tasks = created.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(5, tasks.Count);
        Assert.Equal(2, tasks.Count(t => t.GetProperty("item").GetString() == "bank-deposits"));
        // Household cancellation is the police's notification task, which every case already has.
        Assert.False(tasks.Single(t => t.GetProperty("item").GetString() == "household-cancellation").GetProperty("created").GetBoolean());
        Assert.Equal(4, tasks.Count(t => t.GetProperty("created").GetBoolean()));
        Assert.Equal("***************0123", created.GetProperty("payoutAccount").GetProperty("accountMasked").GetString());
        Assert.DoesNotContain("6222021234567890123", created.GetRawText());

        var again = await client.PostAsJsonAsync($"/api/v1/family/cases/{caseId}/applications", body);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.All((await again.JsonAsync()).GetProperty("tasks").EnumerateArray(), t => Assert.False(t.GetProperty("created").GetBoolean()));

        var progress = await (await client.GetAsync($"/api/v1/family/cases/{caseId}")).JsonAsync();
        var items = progress.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("item").GetString()).ToList();
        Assert.Single(items, i => i == "pension");
        Assert.Equal(2, items.Count(i => i == "bank-deposits"));
    }

    [Fact]
    public async Task Apply_WithProblems_Answers400NamingEachField()
    {
        var (caseId, client) = await AdmittedClientAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/family/cases/{caseId}/applications",
            new { items = new[] { "pension", "survivor-benefits", "moon-landing" }, banks = new[] { Guid.NewGuid() }, payoutAccount = new { bank = "工行", accountNumber = "12345", holderName = "" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = (await response.JsonAsync()).GetProperty("errorCodes");
        Assert.Equal("family.application.item-unknown", codes.GetProperty("items")[0].GetString());
        Assert.Equal("family.application.banks-without-deposits", codes.GetProperty("banks")[0].GetString());
        Assert.Equal("family.application.contribution-years-required", codes.GetProperty("contributionYears")[0].GetString());
        Assert.Equal("family.application.payout-account-invalid", codes.GetProperty("payoutAccount.accountNumber")[0].GetString());
        Assert.Equal("family.application.payout-holder-required", codes.GetProperty("payoutAccount.holderName")[0].GetString());
        var progress = await (await client.GetAsync($"/api/v1/family/cases/{caseId}")).JsonAsync();
        Assert.DoesNotContain(progress.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("item").GetString() == "pension");
    }

    [Fact]
    public async Task ACaseTheCitizenIsNotAdmittedTo_Is404_AndNoTokenIs401()
    {
        var caseId = await factory.NewCaseAsync();
        var stranger = await factory.CitizenClientAsync(FamilyApplyTestSupport.NewCitizen().IdNumber);
        var apply = new { items = new[] { "driving-licence" } };

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/family/cases/{caseId}/applications", apply)).StatusCode);
        var notFound = await stranger.GetAsync($"/api/v1/family/cases/{caseId}");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("family.case.not-found", (await notFound.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/family/cases/{Guid.NewGuid()}")).StatusCode);

        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/v1/family/cases/{caseId}/applications", apply)).StatusCode);
        foreach (var path in new[] { $"/api/v1/family/cases/{caseId}", "/api/v1/family/banks", "/api/v1/family/notifications" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        // A department's token is not a citizen's.
        var bank = await factory.ClientForAsync("demo-bank");
        Assert.NotEqual(HttpStatusCode.OK, (await bank.GetAsync("/api/v1/family/banks")).StatusCode);
    }

    [Fact]
    public async Task Progress_ShowsSocialSecuritysAnswer_WithAmountDateAndWhoAnswered_AndTheApplicantIsNotified()
    {
        var (caseId, client) = await AdmittedClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/family/cases/{caseId}/applications",
            new { items = new[] { "pension" }, payoutAccount = Account })).StatusCode);

        var social = await factory.ClientForAsync("demo-social-security");
        var outcome = await social.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/social-security/outcome?item=pension",
            new { status = "done", effectiveDate = "2026-12", amount = 8650.40m, note = "个人账户余额已支付" });
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);

        var progress = await (await client.GetAsync($"/api/v1/family/cases/{caseId}")).JsonAsync();
        Assert.False(string.IsNullOrEmpty(progress.GetProperty("decedentName").GetString()));
        var pension = progress.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("item").GetString() == "pension");
        Assert.Equal("done", pension.GetProperty("status").GetString());
        Assert.Equal("贵阳市人力资源和社会保障局", pension.GetProperty("organisationName").GetString());
        Assert.Equal(8650.40m, pension.GetProperty("amount").GetDecimal());
        Assert.Equal("2026-12", pension.GetProperty("effectiveDate").GetString());
        Assert.True(pension.GetProperty("appliedByMe").GetBoolean());
        Assert.Equal("family.next.paid", pension.GetProperty("nextStepCode").GetString());
        Assert.Contains("8,650.40", pension.GetProperty("nextStep").GetString());
        var last = pension.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("done", last.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(last.GetProperty("organisation").GetString()));

        await factory.WaitUntilQuietAsync();
        var notes = (await (await client.GetAsync("/api/v1/family/notifications")).JsonAsync()).EnumerateArray().ToList();
        var note = Assert.Single(notes);
        Assert.Equal("family.notification.task-done", note.GetProperty("code").GetString());
        Assert.Contains("养老保险停发及个人账户支付", note.GetProperty("text").GetString());
    }

    [Fact]
    public async Task ABanksAnswer_ShowsMaskedAccountsAndTheReleaseLink_AndNotifiesTheApplicant_NewestFirst()
    {
        var (caseId, client) = await AdmittedClientAsync();
        var banks = await factory.BanksAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/family/cases/{caseId}/applications",
            new { items = new[] { "bank-deposits" }, banks = new[] { banks["icbc-guiyang"] } })).StatusCode);

        var bank = await factory.ClientForAsync("demo-bank");
        var url = $"/api/v1/cases/{caseId}/tasks/bank/outcome?item=bank-deposits";
        Assert.Equal(HttpStatusCode.OK, (await bank.PostAsJsonAsync(url, new { status = "received" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bank.PostAsJsonAsync(url, new
        {
            status = "done", effectiveDate = "2026-12-04",
            accounts = new[] { new { type = "活期", accountNumber = "6222021234567890123", balance = 23456.78m } }, releaseOffered = true,
        })).StatusCode);

        var progress = await (await client.GetAsync($"/api/v1/family/cases/{caseId}")).JsonAsync();
        var task = progress.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("item").GetString() == "bank-deposits");
        Assert.Equal("中国工商银行贵阳分行", task.GetProperty("organisationName").GetString());
        var account = task.GetProperty("bank").GetProperty("accounts")[0];
        Assert.Equal("****0123", account.GetProperty("accountMasked").GetString());
        Assert.Equal(23456.78m, account.GetProperty("balance").GetDecimal());
        Assert.Equal($"/family/cases/{caseId}/deposit-release?bank={banks["icbc-guiyang"]}", task.GetProperty("depositReleaseUrl").GetString());
        Assert.Equal("family.next.deposit-release-offered", task.GetProperty("nextStepCode").GetString());
        Assert.DoesNotContain("6222021234567890123", progress.GetRawText());

        await factory.WaitUntilQuietAsync();
        var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/family/notifications");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var notes = (await (await client.SendAsync(english)).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["family.notification.task-done", "family.notification.task-received"], notes.Select(n => n.GetProperty("code").GetString()));
        Assert.Equal("ICBC Guiyang Branch has done your request: Deposit query. See the answer on the platform.", notes[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Banks_ListsEveryBankOnThePlatform()
    {
        var client = await factory.CitizenClientAsync("citizen.wang");
        var banks = (await (await client.GetAsync("/api/v1/family/banks")).JsonAsync()).EnumerateArray()
            .ToDictionary(b => b.GetProperty("name").GetString()!, b => b.GetProperty("id").GetGuid());
        var expected = await factory.BanksAsync();
        Assert.Equal(expected["icbc-guiyang"], banks["中国工商银行贵阳分行"]);
        Assert.Equal(expected["bank-of-guiyang"], banks["贵阳银行营业部"]);
        Assert.Equal(expected.Count, banks.Count);
    }
}
