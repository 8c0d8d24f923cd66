using System.Globalization;
using System.Net;
using Hereafter.Domain.Custody;
using Hereafter.Domain.Identity;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Hereafter.Web.Tests.Pricing;
using Hereafter.Web.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>The funeral home's counter (/custody) and the record page (/custody/{id}), through their forms as a browser without script would.</summary>
public sealed class CounterPagesTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private const string Counter = "/custody";

    private static string Local(DateTimeOffset at) => ChinaTime.ToChina(at).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static string Record(Guid id) => $"/custody/{id:N}";

    private static Task<HttpResponseMessage> PickUpFormAsync(HttpClient client, string presented, string from = "贵阳市第一人民医院") =>
        HtmlForms.SubmitAsync(client, Counter, "pickup", new Dictionary<string, string>
        {
            ["Pickup.Presented"] = presented, ["Pickup.PickedUpAt"] = Local(CounterTestSupport.AfterDeath), ["Pickup.FromAddress"] = from,
        });

    private async Task ChangeAsync(Guid id, Action<CustodyRecord> change)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var record = await db.Set<CustodyRecord>().SingleAsync(r => r.Id == id);
        change(record);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task TheCounter_IsForFuneralHomes_WithItsMenuLink_AndALabelledPickupForm()
    {
        var clerk = await SignedIn.AsAsync(factory, "funeral.liu");
        var page = await clerk.GetAsync(Counter);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("name=\"_handler\" value=\"pickup\"", html);
        foreach (var field in new[] { "Pickup-Presented", "Pickup-PickedUpAt", "Pickup-FromAddress" })
        {
            Assert.Contains($"<label for=\"{field}\">", html);
            Assert.Matches($"<input id=\"{field}\"[^>]*required[^>]*aria-required=\"true\"", html);
        }
        Assert.Contains($"href=\"{Counter}\"", await clerk.GetStringAsync("/"));

        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync(Counter)).StatusCode);
        Assert.DoesNotContain($"href=\"{Counter}\"", await supervisor.GetStringAsync("/"));
    }

    [Fact]
    public async Task AnEmptyPickupForm_ShowsTheErrorSummary_LinkingToItsFields()
    {
        var clerk = await SignedIn.AsAsync(factory, "funeral.liu");
        var response = await HtmlForms.SubmitAsync(clerk, Counter, "pickup", new Dictionary<string, string>
        {
            ["Pickup.Presented"] = "", ["Pickup.PickedUpAt"] = "", ["Pickup.FromAddress"] = "",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("class=\"error-summary\"", html);
        Assert.Contains($"href=\"{Counter}#Pickup-Presented\"", html);
        Assert.Contains($"href=\"{Counter}#Pickup-PickedUpAt\"", html);
        Assert.Contains($"href=\"{Counter}#Pickup-FromAddress\"", html);
        Assert.Contains("请扫描证明上的二维码或输入证明编号", html);
    }

    [Fact]
    public async Task ARevokedCertificate_IsRefusedWithItsReason()
    {
        var number = await factory.IssueAsync();
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientForAsync("demo-hospital")).RevokeAsync(number)).StatusCode);
        var clerk = await SignedIn.AsAsync(factory, "funeral.liu");
        var html = WebUtility.HtmlDecode(await (await PickUpFormAsync(clerk, number)).Content.ReadAsStringAsync());
        Assert.Contains("class=\"error-summary\"", html);
        Assert.Contains("这份死亡医学证明已被撤销，不能接运", html);
    }

    [Fact]
    public async Task ATypedNumber_OrAScannedUrl_OpensTheRecord_AndASecondPickupLinksToIt()
    {
        var clerk = await SignedIn.AsAsync(factory, "funeral.liu");
        var number = await factory.IssueAsync();
        var typed = await PickUpFormAsync(clerk, number);
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        var path = typed.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/custody/[0-9a-f]{32}$", path);
        var html = await typed.Content.ReadAsStringAsync();
        Assert.Contains("已登记接运。", html);
        Assert.Contains("name=\"_handler\" value=\"arrival\"", html);
        Assert.Contains(CustodyState.PickedUp.ChineseName(), html);

        var again = WebUtility.HtmlDecode(await (await PickUpFormAsync(clerk, number)).Content.ReadAsStringAsync());
        Assert.Contains("此人已有未结束的遗体与骨灰记录", again);
        Assert.Contains($"href=\"{path}\"", again);

        var (_, url) = await factory.IssueWithUrlAsync(People.Next());
        var scanned = await PickUpFormAsync(clerk, url);
        Assert.Matches("^/custody/[0-9a-f]{32}$", scanned.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ArrivalAndExtensionForms_RecordTheSteps_AndShowTheirErrors()
    {
        var funeral = await factory.ClientForAsync("demo-funeral-home");
        var id = (await (await funeral.PickUpAsync(await factory.IssueAsync())).JsonAsync()).Id();
        var clerk = await SignedIn.AsAsync(factory, "funeral.liu");

        var arrived = await HtmlForms.SubmitAsync(clerk, Record(id), "arrival", new Dictionary<string, string> { ["Arrival.At"] = Local(DateTimeOffset.UtcNow) });
        var html = await arrived.Content.ReadAsStringAsync();
        Assert.Contains("已登记到馆", html);
        Assert.Contains(CustodyState.InStorage.ChineseName(), html);
        Assert.Contains("name=\"_handler\" value=\"extension\"", html);

        var bad = WebUtility.HtmlDecode(await (await HtmlForms.SubmitAsync(clerk, Record(id), "extension",
            new Dictionary<string, string> { ["Extension.Until"] = "", ["Extension.Reason"] = "" })).Content.ReadAsStringAsync());
        Assert.Contains("class=\"error-summary\"", bad);
        Assert.Contains($"href=\"{Record(id)}#Extension-Reason\"", bad);
        Assert.Contains($"href=\"{Record(id)}#Extension-Until\"", bad);

        var good = await HtmlForms.SubmitAsync(clerk, Record(id), "extension",
            new Dictionary<string, string> { ["Extension.Until"] = Local(DateTimeOffset.UtcNow.AddDays(5)), ["Extension.Reason"] = "等候家属从外地赶回" });
        var extended = await good.Content.ReadAsStringAsync();
        Assert.Contains("已延长存放期限。", extended);
        Assert.Contains("等候家属从外地赶回", extended);
    }

    [Fact]
    public async Task ABodyOverItsLimit_IsMarked_OnTheCounterAndItsRecord()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        await ChangeAsync(seeded.CustodyId, r => r.StorageUntil = DateTimeOffset.UtcNow.AddHours(-2));
        var clerk = await SignedIn.AsAsync(factory, "funeral.liu");

        var counter = await clerk.GetStringAsync(Counter);
        var card = CardOf(counter, seeded.CustodyId);
        Assert.Contains("custody-card over-limit", card);
        Assert.Contains("status-over-limit", card);
        Assert.Contains("超期存放", counter);
        var record = await clerk.GetStringAsync(Record(seeded.CustodyId));
        Assert.Contains("status-over-limit", record);
        Assert.Contains("custody-over", record);
    }

    [Fact]
    public async Task AFrozenRecord_ShowsItsBanner_AndNoNextSteps()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        await ChangeAsync(seeded.CustodyId, r => { r.Frozen = true; r.FrozenReason = "证明已撤销：误开"; });
        var html = await (await SignedIn.AsAsync(factory, "funeral.liu")).GetStringAsync(Record(seeded.CustodyId));
        Assert.Contains("custody-frozen", html);
        Assert.Contains("证明已撤销：误开", html);
        Assert.DoesNotContain($"href=\"/custody/{seeded.CustodyId:N}/cremation\"", html);
        Assert.Contains("name=\"_handler\" value=\"extension\"", html);
    }

    [Fact]
    public async Task TheRecordPage_LinksToTheLaterSteps_ShowsTheChecklist_AndIsMaskedForTheBureau()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        string name;
        using (var scope = factory.Services.CreateScope())
            name = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<CustodyRecord>().Where(r => r.Id == seeded.CustodyId).Select(r => r.DecedentName).SingleAsync();
        var holder = await (await SignedIn.AsAsync(factory, "funeral.liu")).GetStringAsync(Record(seeded.CustodyId));
        foreach (var link in new[] { "consent", "cremation", "ashes" })
            Assert.Contains($"href=\"/custody/{seeded.CustodyId:N}/{link}\"", holder);
        foreach (var document in CustodyDocuments.DefaultSet)
            Assert.Contains(WebUtility.HtmlEncode(document.ChineseName()), holder);
        Assert.Contains(name, holder);

        var bureau = await (await SignedIn.AsAsync(factory, "supervisor.zhou")).GetAsync(Record(seeded.CustodyId));
        Assert.Equal(HttpStatusCode.OK, bureau.StatusCode);
        var masked = await bureau.Content.ReadAsStringAsync();
        Assert.Contains(PersonalDataMask.Name(name), masked);
        Assert.DoesNotContain(seeded.CertificateNumber, masked);
        Assert.DoesNotContain("name=\"_handler\" value=\"extension\"", masked);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedIn.AsAsync(factory, "funeral.tang")).GetAsync(Record(seeded.CustodyId))).StatusCode);
    }

    [Fact]
    public async Task CasesThatChoseTheFuneralHome_AreListedMasked()
    {
        var caseId = await factory.OpenCaseAsync();
        string name, number;
        using (var scope = factory.Services.CreateScope())
        {
            var deathCase = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<DeathCase>().SingleAsync(c => c.Id == caseId);
            (name, number) = (deathCase.DecedentName, deathCase.CertificateNumber);
        }
        var html = await (await SignedIn.AsAsync(factory, "funeral.liu")).GetStringAsync(Counter);
        Assert.Contains(PersonalDataMask.IdNumber(number), html);
        Assert.DoesNotContain(number, html);
        Assert.Contains(PersonalDataMask.Name(name), html);
        Assert.DoesNotContain(PersonalDataMask.IdNumber(number), await (await SignedIn.AsAsync(factory, "funeral.tang")).GetStringAsync(Counter));
    }

    [Fact]
    public async Task TheCounterPages_AreEachInOneLanguage()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        await ChangeAsync(seeded.CustodyId, r => r.StorageUntil = DateTimeOffset.UtcNow.AddHours(-1));
        var clerk = await SignedIn.AsAsync(factory, "funeral.liu");
        foreach (var language in new[] { "zh-CN", "en" })
        {
            if (language == "en") (await clerk.GetAsync("/culture/en")).EnsureSuccessStatusCode();
            foreach (var path in new[] { Counter, Record(seeded.CustodyId) })
            {
                var html = await clerk.GetStringAsync(path);
                Assert.Contains($"<html lang=\"{language}\"", html);
                PageLanguage.AssertIn(html, language, path);
            }
        }
    }

    private static string CardOf(string html, Guid id)
    {
        var at = html.IndexOf($"href=\"/custody/{id:N}\"", StringComparison.Ordinal);
        Assert.True(at > 0, "the record is listed");
        var start = html.LastIndexOf("<li", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</li>", at, StringComparison.Ordinal)];
    }
}
