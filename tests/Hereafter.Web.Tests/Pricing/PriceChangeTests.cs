using System.Net;
using System.Net.Http.Json;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>Institution staff propose; civil affairs approves or rejects; caps, ranges and history hold.</summary>
public sealed class PriceChangeTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly DateOnly Today = PricingTestHelpers.Today;

    [Fact]
    public async Task OnlyTheInstitutionsOwnStaff_ProposeItsPrices()
    {
        var home = await factory.InstitutionAsync("gy-funeral-home");
        var item = (await factory.CreateClient().PriceListAsync(home)).Item("nonbasic.embalming").Id();
        foreach (var outsider in new[] { "demo-funeral-home-2", "demo-cemetery", "demo-civil-affairs", "demo-hospital" })
        {
            var response = await (await factory.ClientForAsync(outsider)).ProposeAsync(home, item, 320m, Today.AddDays(3));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().ProposeAsync(home, item, 320m, Today.AddDays(3))).StatusCode);

        var own = await factory.ClientForAsync("demo-funeral-home");
        var created = await own.ProposeAsync(home, item, 320m, Today.AddDays(3));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        Assert.Equal("proposed", body.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/price-changes/{body.GetProperty("id").GetGuid()}", created.Headers.Location?.OriginalString);
        // A signed-in clerk of the institution proposes through the same API (with the page's antiforgery token).
        var clerk = await SignedIn.AsPageCallerAsync(factory, "funeral.liu");
        Assert.Equal(HttpStatusCode.Created, (await clerk.ProposeAsync(home, item, 310m, Today.AddDays(4))).StatusCode);
    }

    [Fact]
    public async Task GovernmentGuidedPrice_AboveItsCap_IsRefusedWith422_AtTheCap_IsAccepted()
    {
        var home = await factory.InstitutionAsync("wudang-funeral-home");
        var cremation = (await factory.CreateClient().PriceListAsync(home)).Item("basic.cremation").Id();
        var staff = await factory.ClientForAsync("demo-funeral-home-2");
        var refused = await (await staff.ProposeAsync(home, cremation, 480.01m, Today.AddDays(1), "燃料成本上涨")).ExpectJsonAsync((HttpStatusCode)422);
        Assert.Contains("480.00", refused.GetProperty("detail").GetString());
        Assert.Contains("政府指导价", refused.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, (await staff.ProposeAsync(home, cremation, 480m, Today.AddDays(1))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await staff.ProposeAsync(home, cremation, 450m, Today.AddDays(1))).StatusCode);
    }

    [Fact]
    public async Task PriceOutsideItsReferenceRange_NeedsAWrittenReason_AndRaisesAWarning()
    {
        var home = await factory.InstitutionAsync("wudang-funeral-home");
        var hearse = (await factory.CreateClient().PriceListAsync(home)).Item("nonbasic.hearse"); // range 400–800
        var staff = await factory.ClientForAsync("demo-funeral-home-2");

        var noReason = await (await staff.ProposeAsync(home, hearse.Id(), 800.01m, Today.AddDays(5))).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("书面说明理由", noReason.GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, (await staff.ProposeAsync(home, hearse.Id(), 800m, Today.AddDays(5))).StatusCode); // at the ceiling: no reason needed

        var created = await (await staff.ProposeAsync(home, hearse.Id(), 880m, Today.AddDays(5), "改用新能源灵车，含司机两名")).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.True(created.GetProperty("outsideReferenceRange").GetBoolean());
        var warningId = Assert.Single(created.GetProperty("warningIds").EnumerateArray()).GetGuid();

        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var warning = await (await bureau.GetAsync($"/api/v1/price-warnings/{warningId}")).JsonAsync();
        Assert.Equal("outside-reference-range", warning.GetProperty("rule").GetString());
        Assert.Equal("open", warning.GetProperty("status").GetString());
        Assert.Equal(880m, warning.GetProperty("observed").GetDecimal());
        Assert.Equal(800m, warning.GetProperty("threshold").GetDecimal());
        Assert.Contains("改用新能源灵车", warning.GetProperty("evidence").GetString());
        Assert.Equal(created.GetProperty("id").GetGuid(), warning.GetProperty("priceChangeId").GetGuid());
    }

    [Fact]
    public async Task Proposal_WithBadFields_Is400KeyedByField_AndSavesNothing()
    {
        var home = await factory.InstitutionAsync("gy-funeral-home");
        var other = (await factory.CreateClient().PriceListAsync(await factory.InstitutionAsync("wudang-funeral-home"))).Item("goods.shroud").Id();
        var staff = await factory.ClientForAsync("demo-funeral-home");
        var past = await (await staff.ProposeAsync(home, other, 500m, Today.AddDays(-1))).ExpectJsonAsync(HttpStatusCode.BadRequest);
        var errors = past.GetProperty("errors");
        Assert.True(errors.TryGetProperty("effectiveFrom", out _));
        Assert.Contains("不在本机构的价目表中", errors.GetProperty("itemId")[0].GetString());
        var missing = await (await staff.PostAsJsonAsync($"/api/v1/institutions/{home}/price-changes", new { effectiveFrom = "2026/12/01" })).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["effectiveFrom", "itemId", "newPrice"], missing.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.ProposeAsync(Guid.NewGuid(), other, 1m, Today)).StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        Assert.False(await db.Set<Hereafter.Web.Modules.Pricing.Data.PriceChange>().AnyAsync(c => c.ItemId == other && c.NewPrice == 500m));
    }

    [Fact]
    public async Task OnlyCivilAffairsSupervisorsApprove_AndTheApprovedPriceIsPublishedFromItsDate_WithHistory()
    {
        var shop = await factory.InstitutionAsync("huimin-service-shop");
        var anonymous = factory.CreateClient();
        var vigil = (await anonymous.PriceListAsync(shop)).Item("nonbasic.home-vigil");
        Assert.Equal(800m, vigil.Price());
        var changeId = await (await factory.ClientForAsync("demo-service-shop")).ProposeOkAsync(shop, vigil.Id(), 760m, Today, "降低守灵布置费用");

        foreach (var who in new[] { "demo-service-shop", "demo-funeral-home", "demo-bank" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync(who)).PostAsJsonAsync($"/api/v1/price-changes/{changeId}/approval", new { })).StatusCode);
        var civilClerk = await SignedIn.AsPageCallerAsync(factory, "clerk.civil");
        Assert.Equal(HttpStatusCode.Forbidden, (await civilClerk.PostAsJsonAsync($"/api/v1/price-changes/{changeId}/approval", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/v1/price-changes/{changeId}/approval", new { })).StatusCode);
        Assert.Equal(800m, (await anonymous.PriceListAsync(shop)).Item("nonbasic.home-vigil").Price());

        var supervisor = await SignedIn.AsPageCallerAsync(factory, "supervisor.zhou");
        var approved = await (await supervisor.PostAsJsonAsync($"/api/v1/price-changes/{changeId}/approval", new { reason = "同意" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("周文静（监管）", approved.GetProperty("decidedBy").GetString());

        var now = (await anonymous.PriceListAsync(shop)).Item("nonbasic.home-vigil");
        Assert.Equal(760m, now.Price());
        Assert.Equal(800m, now.GetProperty("previousPrice").GetDecimal());
        Assert.Equal(Today, DateOnly.Parse(now.GetProperty("effectiveFrom").GetString()!));
        var history = (await (await anonymous.GetAsync($"/api/v1/price-items/{vigil.Id()}/history")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal([760m, 800m], history.Select(h => h.GetProperty("price").GetDecimal()).ToArray());
        Assert.Equal(changeId, history[0].GetProperty("priceChangeId").GetGuid());

        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync($"/api/v1/price-changes/{changeId}/approval", new { })).StatusCode);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var audited = await db.Set<AuditEntry>().Where(e => e.Subject == $"price-change:{changeId}").Select(e => e.Action).ToListAsync();
        Assert.Equal(["price-change.approve", "price-change.propose"], audited.Order().ToArray());
    }

    [Fact]
    public async Task APriceApprovedForALaterDate_StaysOffThePublicListUntilThen()
    {
        var shop = await factory.InstitutionAsync("huimin-service-shop");
        var anonymous = factory.CreateClient();
        var wreath = (await anonymous.PriceListAsync(shop)).Item("goods.wreath");
        var from = Today.AddDays(10);
        var changeId = await (await factory.ClientForAsync("demo-service-shop")).ProposeOkAsync(shop, wreath.Id(), 90m, from);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientForAsync("demo-civil-affairs")).PostAsync($"/api/v1/price-changes/{changeId}/approval", null)).StatusCode);
        Assert.Equal(100m, (await anonymous.PriceListAsync(shop)).Item("goods.wreath").Price());
        Assert.Equal(100m, (await anonymous.PriceListAsync(shop, from.AddDays(-1))).Item("goods.wreath").Price());
        Assert.Equal(90m, (await anonymous.PriceListAsync(shop, from)).Item("goods.wreath").Price());
    }

    [Fact]
    public async Task Rejection_NeedsAReason_ClosesTheProposalsWarning_AndCannotBeApprovedAfterwards()
    {
        var columbarium = await factory.InstitutionAsync("yongan-columbarium");
        var urn = (await factory.CreateClient().PriceListAsync(columbarium)).Item("goods.urn-basic"); // range 200–500
        var created = await (await (await factory.ClientForAsync("demo-columbarium")).ProposeAsync(columbarium, urn.Id(), 680m, Today.AddDays(2), "改用青花瓷骨灰盒"))
            .ExpectJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var warningId = created.GetProperty("warningIds")[0].GetGuid();
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        var noReason = await (await bureau.PostAsJsonAsync($"/api/v1/price-changes/{id}/rejection", new { reason = " " })).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync("demo-columbarium")).PostAsJsonAsync($"/api/v1/price-changes/{id}/rejection", new { reason = "自己驳回" })).StatusCode);

        var rejected = await (await bureau.PostAsJsonAsync($"/api/v1/price-changes/{id}/rejection", new { reason = "超出参考区间过多" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("超出参考区间过多", rejected.GetProperty("decisionReason").GetString());
        var warning = await (await bureau.GetAsync($"/api/v1/price-warnings/{warningId}")).JsonAsync();
        Assert.Equal("closed", warning.GetProperty("status").GetString());
        Assert.Contains("超出参考区间过多", warning.GetProperty("closeNote").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await bureau.PostAsync($"/api/v1/price-changes/{id}/approval", null)).StatusCode);
        Assert.Equal(260m, (await factory.CreateClient().PriceListAsync(columbarium)).Item("goods.urn-basic").Price());
    }

    [Fact]
    public async Task TwoDecisionsAtOnce_OneWins_TheOtherIs409()
    {
        var shop = await factory.InstitutionAsync("huimin-service-shop");
        var shroud = (await factory.CreateClient().PriceListAsync(shop)).Item("goods.shroud");
        var id = await (await factory.ClientForAsync("demo-service-shop")).ProposeOkAsync(shop, shroud.Id(), 560m, Today.AddDays(1));
        var system = await factory.ClientForAsync("demo-civil-affairs");
        var supervisor = await Pages.SignedIn.AsPageCallerAsync(factory, "supervisor.zhou");
        var answers = await Task.WhenAll(
            system.PostAsync($"/api/v1/price-changes/{id}/approval", null),
            supervisor.PostAsJsonAsync($"/api/v1/price-changes/{id}/rejection", new { reason = "与批准同时提交" }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order().ToArray());
        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).JsonAsync();
        var stored = await (await system.GetAsync($"/api/v1/price-changes/{id}")).JsonAsync();
        Assert.Equal(winner.GetProperty("status").GetString(), stored.GetProperty("status").GetString());
        var history = (await (await factory.CreateClient().GetAsync($"/api/v1/price-items/{shroud.Id()}/history")).JsonAsync()).GetArrayLength();
        Assert.Equal(stored.GetProperty("status").GetString() == "approved" ? 2 : 1, history);
    }

    [Fact]
    public async Task PriceChanges_AreListedForTheBureau_AndForTheInstitutionOnlyItsOwn()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var all = (await (await bureau.GetAsync("/api/v1/price-changes")).JsonAsync()).EnumerateArray().ToList();
        Assert.Contains(all, c => c.GetProperty("institutionName").GetString() == "景云山公墓" && c.GetProperty("status").GetString() == "proposed");
        Assert.Contains(all, c => c.GetProperty("status").GetString() == "rejected");

        var jingyun = await factory.InstitutionAsync("jingyunshan-cemetery");
        var own = (await (await (await factory.ClientForAsync("demo-cemetery")).GetAsync("/api/v1/price-changes")).JsonAsync()).EnumerateArray().ToList();
        Assert.NotEmpty(own);
        Assert.All(own, c => Assert.Equal(jingyun, c.GetProperty("institutionId").GetGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync("demo-bank")).GetAsync("/api/v1/price-changes")).StatusCode);
        var foreign = all.First(c => c.GetProperty("institutionId").GetGuid() != jingyun).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync("demo-cemetery")).GetAsync($"/api/v1/price-changes/{foreign}")).StatusCode);
    }
}
