using System.Net;
using System.Text.Json;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>
/// Only an institution linked to a case bills it (the funeral home the family chose, or one civil affairs linked),
/// and the city's basic-service subsidy is spent once per case across all its bills, also when bills race.
/// </summary>
public sealed class CaseBillingTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private const decimal PerFuneralCap = 1780m;

    private async Task<(Guid Home, JsonElement List)> HomeAsync()
    {
        var home = await factory.InstitutionAsync("gy-funeral-home");
        return (home, await factory.CreateClient().PriceListAsync(home));
    }

    /// <summary>Every basic service twice: 3,000 yuan of basic services, more than the per-funeral cap.</summary>
    private static (Guid, int)[] AllBasicServicesTwice(JsonElement list) =>
    [
        (list.Item("basic.transport").Id(), 2), (list.Item("basic.storage").Id(), 6), (list.Item("basic.farewell").Id(), 2),
        (list.Item("basic.cremation").Id(), 2), (list.Item("basic.ashes-storage").Id(), 2),
    ];

    private async Task<List<Bill>> BillsAsync(Guid caseId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<Bill>().AsNoTracking().Where(b => b.CaseId == caseId).ToListAsync();
    }

    [Fact]
    public async Task AnUnlinkedInstitution_Gets403_WithAMessage_AndBillsNothing()
    {
        var (home, list) = await HomeAsync();
        var caseId = await factory.OpenUnlinkedCaseAsync();

        var funeralHome = await factory.ClientForAsync("demo-funeral-home");
        funeralHome.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var refused = await (await funeralHome.BillAsync(caseId, home, null, (list.Item("basic.cremation").Id(), 1)))
            .ExpectJsonAsync(HttpStatusCode.Forbidden);
        Assert.Contains("not linked to the case", refused.GetProperty("detail").GetString());

        // The family chose another funeral home: this one stays unlinked; a cemetery nobody linked too.
        var civil = await factory.ClientForAsync("demo-civil-affairs");
        var wudang = await factory.InstitutionAsync("wudang-funeral-home");
        Assert.Equal(HttpStatusCode.Created, (await civil.PostAsync($"/api/v1/cases/{caseId}/tasks",
            JsonContent(new { department = "funeral-home", reason = "家属选择乌当区殡仪馆", organisationId = wudang }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync("demo-funeral-home")).BillAsync(caseId, home, null, (list.Item("basic.cremation").Id(), 1))).StatusCode);
        var cemetery = await factory.InstitutionAsync("qianling-public-cemetery");
        var eco = (await factory.CreateClient().PriceListAsync(cemetery)).Item("basic.eco-burial").Id();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync("demo-cemetery-public")).BillAsync(caseId, cemetery, null, (eco, 1))).StatusCode);
        Assert.Empty(await BillsAsync(caseId));
    }

    [Fact]
    public async Task TheChosenFuneralHome_AndALinkedCemetery_Get201()
    {
        var (home, list) = await HomeAsync();
        var caseId = await factory.OpenCaseAsync(); // civil affairs added the family's funeral home
        Assert.Equal(HttpStatusCode.Created, (await (await factory.ClientForAsync("demo-funeral-home")).BillAsync(caseId, home, null, (list.Item("basic.cremation").Id(), 1))).StatusCode);

        var cemetery = await factory.InstitutionAsync("qianling-public-cemetery");
        var eco = (await factory.CreateClient().PriceListAsync(cemetery)).Item("basic.eco-burial").Id();
        var cemeteryStaff = await factory.ClientForAsync("demo-cemetery-public");
        Assert.Equal(HttpStatusCode.Forbidden, (await cemeteryStaff.BillAsync(caseId, cemetery, null, (eco, 1))).StatusCode);
        await factory.LinkAsync(caseId, "qianling-public-cemetery");
        Assert.Equal(HttpStatusCode.Created, (await cemeteryStaff.BillAsync(caseId, cemetery, null, (eco, 1))).StatusCode);
        Assert.Equal(2, (await BillsAsync(caseId)).Count);
    }

    [Fact]
    public async Task OnlyCivilAffairs_Links_AndOnlyInstitutionsThatBillFamilies()
    {
        var caseId = await factory.OpenUnlinkedCaseAsync();
        var shop = await factory.InstitutionAsync("huimin-service-shop");
        var self = await (await factory.ClientForAsync("demo-service-shop")).PostAsync($"/api/v1/cases/{caseId}/institutions", JsonContent(new { organisationId = shop, reason = "自行关联" }));
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        var civil = await factory.ClientForAsync("demo-civil-affairs");
        var bank = await factory.InstitutionAsync("icbc-guiyang");
        Assert.Equal(HttpStatusCode.BadRequest, (await civil.PostAsync($"/api/v1/cases/{caseId}/institutions", JsonContent(new { organisationId = bank, reason = "家属选择" }))).StatusCode);
        await factory.LinkAsync(caseId, "huimin-service-shop");
        Assert.Equal(HttpStatusCode.Conflict, (await civil.PostAsync($"/api/v1/cases/{caseId}/institutions", JsonContent(new { organisationId = shop, reason = "再次关联" }))).StatusCode);
    }

    [Fact]
    public async Task ASecondBill_OnTheSameCase_GetsNoSecondSubsidy()
    {
        var (home, list) = await HomeAsync();
        var caseId = await factory.OpenCaseAsync();
        await factory.LinkAsync(caseId, "qianling-public-cemetery");
        var first = await (await (await factory.ClientForAsync("demo-funeral-home")).BillAsync(caseId, home, null, AllBasicServicesTwice(list)))
            .ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(PerFuneralCap, first.GetProperty("subsidy").GetDecimal());

        var cemetery = await factory.InstitutionAsync("qianling-public-cemetery");
        var eco = (await factory.CreateClient().PriceListAsync(cemetery)).Item("basic.eco-burial").Id();
        var second = await (await (await factory.ClientForAsync("demo-cemetery-public")).BillAsync(caseId, cemetery, null, (eco, 1))).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(0m, second.GetProperty("subsidy").GetDecimal());
        Assert.Equal(second.GetProperty("total").GetDecimal(), second.GetProperty("payable").GetDecimal());
        var third = await (await (await factory.ClientForAsync("demo-funeral-home")).BillAsync(caseId, home, null, AllBasicServicesTwice(list)))
            .ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(0m, third.GetProperty("subsidy").GetDecimal());
    }

    [Fact]
    public async Task ConcurrentBills_OnOneCase_GrantTheSubsidyOnce()
    {
        var (home, list) = await HomeAsync();
        var caseId = await factory.OpenCaseAsync();
        var staff = await factory.ClientForAsync("demo-funeral-home");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => staff.BillAsync(caseId, home, null, AllBasicServicesTwice(list))));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
        var bills = await BillsAsync(caseId);
        Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.Created), bills.Count);
        Assert.Equal(PerFuneralCap, bills.Sum(b => b.Subsidy));
        using var scope = factory.Services.CreateScope();
        var grant = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<SubsidyGrant>().SingleAsync(g => g.CaseId == caseId);
        Assert.Equal(PerFuneralCap, grant.Granted);
    }

    [Fact]
    public async Task TheStaffPage_ShowsWhyAnUnlinkedFuneralHomeCannotBill()
    {
        var (_, list) = await HomeAsync();
        var caseId = await factory.OpenUnlinkedCaseAsync();
        string number;
        using (var scope = factory.Services.CreateScope())
            number = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<Hereafter.Web.Modules.Sharing.Data.DeathCase>()
                .Where(c => c.Id == caseId).Select(c => c.CertificateNumber).SingleAsync();
        var clerk = await SignedIn.AsAsync(factory, "funeral.liu");

        var response = await HtmlForms.SubmitAsync(clerk, "/prices/bills/new", "bill", new Dictionary<string, string>
        {
            ["certificateNumber"] = number,
            [$"qty-{list.Item("basic.cremation").Id():N}"] = "1",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("本机构未与该案件关联，不能出具结算单", html);
        Assert.DoesNotContain("已出具结算单", html);
        Assert.Empty(await BillsAsync(caseId));
    }

    private static System.Net.Http.Json.JsonContent JsonContent(object value) => System.Net.Http.Json.JsonContent.Create(value);
}
