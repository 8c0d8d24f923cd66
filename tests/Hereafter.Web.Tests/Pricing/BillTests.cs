using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>Bills (结算单): catalogue items only, at the price in force on the service date, subsidies applied, read by the right people.</summary>
public sealed class BillTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly DateOnly Today = PricingTestHelpers.Today;

    private async Task<(Guid Home, JsonElement List)> HomeAsync()
    {
        var home = await factory.InstitutionAsync("gy-funeral-home");
        return (home, await factory.CreateClient().PriceListAsync(home));
    }

    [Fact]
    public async Task Bill_UsesThePriceInForceOnTheServiceDate_AndSubsidisesFreeBasicServicesForResidents()
    {
        var (home, list) = await HomeAsync();
        var caseId = await factory.OpenCaseAsync();
        var staff = await factory.ClientForAsync("demo-funeral-home");
        var hall = list.Item("nonbasic.large-hall").Id(); // 1,500 until ten months ago, 1,200 since
        var cremation = list.Item("basic.cremation").Id();
        var storage = list.Item("basic.storage").Id();

        var response = await staff.BillAsync(caseId, home, Today.AddMonths(-11), (cremation, 1), (storage, 3), (hall, 1));
        var old = await response.ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/bills/{old.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.Equal([480m, 100m, 1500m], old.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("unitPrice").GetDecimal()).ToArray());
        Assert.True(old.GetProperty("resident").GetBoolean());
        Assert.Equal(480m + 300m + 1500m, old.GetProperty("total").GetDecimal());
        Assert.Equal(780m, old.GetProperty("subsidy").GetDecimal());
        Assert.Equal(1500m, old.GetProperty("payable").GetDecimal());
        Assert.Equal([480m, 300m, 0m], old.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("subsidy").GetDecimal()).ToArray());

        var current = await (await staff.BillAsync(await factory.OpenCaseAsync(), home, null, (hall, 1))).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1200m, current.GetProperty("total").GetDecimal());
        Assert.Equal(Today, DateOnly.Parse(current.GetProperty("serviceDate").GetString()!));
        Assert.Equal(Today.AddMonths(-10), DateOnly.Parse(current.GetProperty("lines")[0].GetProperty("priceEffectiveFrom").GetString()!));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        Assert.True(await db.Set<AuditEntry>().AnyAsync(e => e.Action == "bill.issue" && e.Subject == "bill:" + old.GetProperty("number").GetString()));
    }

    [Fact]
    public async Task Bill_RefusesAnythingOutsideTheInstitutionsPublishedList()
    {
        var (home, list) = await HomeAsync();
        var caseId = await factory.OpenCaseAsync();
        var staff = await factory.ClientForAsync("demo-funeral-home");
        var elsewhere = (await factory.CreateClient().PriceListAsync(await factory.InstitutionAsync("wudang-funeral-home"))).Item("basic.cremation").Id();

        var foreign = await (await staff.BillAsync(caseId, home, null, (list.Item("basic.cremation").Id(), 1), (elsewhere, 1))).ExpectJsonAsync((HttpStatusCode)422);
        Assert.Contains("lines[1].itemId", foreign.GetProperty("detail").GetString());
        Assert.Contains("不得收费", foreign.GetProperty("detail").GetString());
        Assert.Equal((HttpStatusCode)422, (await staff.BillAsync(caseId, home, null, (Guid.NewGuid(), 1))).StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        Assert.False(await db.Set<Hereafter.Web.Modules.Pricing.Data.Bill>().AnyAsync(b => b.CaseId == caseId));
    }

    [Fact]
    public async Task Bill_ByAnotherInstitutionsStaff_Is403_BadInput400_UnknownCase404()
    {
        var (home, list) = await HomeAsync();
        var caseId = await factory.OpenCaseAsync();
        var cremation = list.Item("basic.cremation").Id();
        foreach (var outsider in new[] { "demo-funeral-home-2", "demo-civil-affairs", "demo-hospital" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync(outsider)).BillAsync(caseId, home, null, (cremation, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().BillAsync(caseId, home, null, (cremation, 1))).StatusCode);

        var staff = await factory.ClientForAsync("demo-funeral-home");
        var bad = await (await staff.BillAsync(caseId, home, Today.AddDays(1), (cremation, 0))).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["lines[0].quantity", "serviceDate"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray());
        var empty = await (await staff.PostAsJsonAsync($"/api/v1/cases/{caseId}/bills", new { institutionId = home, lines = Array.Empty<object>() })).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("lines", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.BillAsync(Guid.NewGuid(), home, null, (cremation, 1))).StatusCode);
    }

    [Fact]
    public async Task Subsidy_StopsAtThePerFuneralCap_AcrossTheFuneralHomesAndTheCemeterysBills()
    {
        var (home, list) = await HomeAsync();
        var cemetery = await factory.InstitutionAsync("qianling-public-cemetery");
        var eco = (await factory.CreateClient().PriceListAsync(cemetery)).Item("basic.eco-burial").Id();
        var caseId = await factory.OpenCaseAsync();
        await factory.LinkAsync(caseId, "qianling-public-cemetery");
        var first = await (await (await factory.ClientForAsync("demo-funeral-home")).BillAsync(caseId, home, null,
            (list.Item("basic.transport").Id(), 1), (list.Item("basic.storage").Id(), 3), (list.Item("basic.farewell").Id(), 1),
            (list.Item("basic.cremation").Id(), 1), (list.Item("basic.ashes-storage").Id(), 1))).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1500m, first.GetProperty("subsidy").GetDecimal());
        Assert.Equal(0m, first.GetProperty("payable").GetDecimal());

        var second = await (await (await factory.ClientForAsync("demo-cemetery-public")).BillAsync(caseId, cemetery, null, (eco, 1))).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(800m, second.GetProperty("total").GetDecimal());
        Assert.Equal(280m, second.GetProperty("subsidy").GetDecimal()); // 1,780 − 1,500
        Assert.Equal(520m, second.GetProperty("payable").GetDecimal());
    }

    [Fact]
    public async Task ADecedentRegisteredElsewhere_GetsNoResidentSubsidy()
    {
        var (home, list) = await HomeAsync();
        var caseId = await factory.OpenCaseAsync(d => d with { Decedent = d.Decedent with { HouseholdAddress = "贵州省遵义市红花岗区老城街道" } });
        var bill = await (await (await factory.ClientForAsync("demo-funeral-home")).BillAsync(caseId, home, null, (list.Item("basic.cremation").Id(), 1)))
            .ExpectJsonAsync(HttpStatusCode.Created);
        Assert.False(bill.GetProperty("resident").GetBoolean());
        Assert.Equal(0m, bill.GetProperty("subsidy").GetDecimal());
        Assert.Equal(480m, bill.GetProperty("payable").GetDecimal());
    }

    [Fact]
    public async Task ACasesBills_AreReadByTheBureauInFull_AndByEachInstitutionOnlyItsOwn()
    {
        var (home, list) = await HomeAsync();
        var shop = await factory.InstitutionAsync("huimin-service-shop");
        var wreath = (await factory.CreateClient().PriceListAsync(shop)).Item("goods.wreath").Id();
        var caseId = await factory.OpenCaseAsync();
        await factory.LinkAsync(caseId, "huimin-service-shop");
        await (await (await factory.ClientForAsync("demo-funeral-home")).BillAsync(caseId, home, null, (list.Item("basic.cremation").Id(), 1))).ExpectJsonAsync(HttpStatusCode.Created);
        var shopBill = await (await (await factory.ClientForAsync("demo-service-shop")).BillAsync(caseId, shop, null, (wreath, 2))).ExpectJsonAsync(HttpStatusCode.Created);

        var all = (await (await (await factory.ClientForAsync("demo-civil-affairs")).GetAsync($"/api/v1/cases/{caseId}/bills")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["惠民殡葬服务店", "贵阳市殡仪馆"], all.Select(b => b.GetProperty("institutionName").GetString()!).Order().ToArray());
        var ownHome = (await (await (await factory.ClientForAsync("demo-funeral-home")).GetAsync($"/api/v1/cases/{caseId}/bills")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(home, Assert.Single(ownHome).GetProperty("institutionId").GetGuid());
        Assert.Empty((await (await (await factory.ClientForAsync("demo-cemetery")).GetAsync($"/api/v1/cases/{caseId}/bills")).JsonAsync()).EnumerateArray());

        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync("demo-bank")).GetAsync($"/api/v1/cases/{caseId}/bills")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/v1/cases/{caseId}/bills")).StatusCode);
        var shopBillId = shopBill.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync("demo-funeral-home")).GetAsync($"/api/v1/bills/{shopBillId}")).StatusCode);
        Assert.Equal(200m, (await (await (await factory.ClientForAsync("demo-service-shop")).GetAsync($"/api/v1/bills/{shopBillId}")).JsonAsync()).GetProperty("total").GetDecimal());
    }
}
