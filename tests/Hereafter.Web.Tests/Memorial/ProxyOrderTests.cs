using System.Net;
using System.Net.Http.Json;
using Hereafter.Domain.Pricing;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Hereafter.Web.Tests.Pricing;
using static Hereafter.Web.Tests.Memorial.ProxyTestSupport;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>A citizen orders proxy sweeping at the site's published prices; who may see an order.</summary>
public sealed class ProxyOrderTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task TheOptions_AreTheSitesPublishedProxySweepingItems_AtTodaysPrices()
    {
        var anonymous = factory.CreateClient();
        var jingyun = await factory.InstitutionAsync(Jingyun);
        var sites = await (await anonymous.GetAsync("/api/v1/memorial/proxy-options")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["景云山公墓", "黔灵公益性公墓"], sites.EnumerateArray().Select(s => s.GetProperty("name").GetString()).Order(StringComparer.Ordinal));

        var list = await anonymous.PriceListAsync(jingyun);
        var options = (await (await anonymous.GetAsync($"/api/v1/memorial/proxy-options?site={jingyun}")).ExpectJsonAsync(HttpStatusCode.OK))
            .EnumerateArray().Single().GetProperty("options").EnumerateArray().ToList();
        Assert.Equal(4, options.Count);
        foreach (var option in options)
            Assert.Equal(list.Item(option.GetProperty("code").GetString()!).Price(), option.GetProperty("price").GetDecimal());
        // The cemetery's other items (a bunch of flowers as goods, plots) are not proxy-sweeping options.
        Assert.DoesNotContain(options, o => o.GetProperty("code").GetString() == "goods.flowers");
    }

    [Fact]
    public async Task ACitizenOrders_AtThePublishedPrices_WithTheTotal_AndPaysOffline()
    {
        var citizen = await factory.CitizenClientAsync("citizen.wang");
        var jingyun = await factory.InstitutionAsync(Jingyun);
        var list = await factory.CreateClient().PriceListAsync(jingyun);
        var response = await citizen.PostOrderAsync(Order(jingyun, ProxySweepingItems.CleanHeadstone, ProxySweepingItems.ReadEulogy));
        var order = await response.ExpectJsonAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/memorial/proxy-orders/{order.OrderId()}", response.Headers.Location!.OriginalString);
        Assert.Equal("ordered", order.Status());
        var clean = list.Item(ProxySweepingItems.CleanHeadstone).Price();
        var eulogy = list.Item(ProxySweepingItems.ReadEulogy).Price();
        Assert.Equal([clean, eulogy], order.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("price").GetDecimal()));
        Assert.Equal(["代祭扫：清洁墓碑", "代祭扫：代读祭文"], order.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
        Assert.Equal(clean + eulogy, order.GetProperty("total").GetDecimal());
        Assert.Equal("offline", order.GetProperty("payment").GetString());
        Assert.Contains("线下支付", order.GetProperty("paymentNote").GetString());
        Assert.Contains("景云山公墓", order.GetProperty("paymentNote").GetString());
        Assert.Equal("王丽", order.GetProperty("ordererName").GetString());
        Assert.Equal("松园 3 排 12 号", order.GetProperty("graveLocation").GetString());
        Assert.Equal(Tomorrow, order.GetProperty("wantedDate").GetString());
        Assert.Equal($"/family/memorial/proxy/{order.OrderId()}", order.GetProperty("pageUrl").GetString());
        Assert.Empty(order.GetProperty("photos").EnumerateArray());
    }

    [Fact]
    public async Task TheOrderKeepsItsPrices_WhenTheListChangesLater_AndANewOrderGetsTheNewPrice()
    {
        var citizen = await factory.CitizenClientAsync("citizen.li");
        var qianling = await factory.InstitutionAsync(Qianling);
        var item = (await factory.CreateClient().PriceListAsync(qianling)).Item(ProxySweepingItems.Flowers);
        var before = await (await citizen.PostOrderAsync(Order(qianling, ProxySweepingItems.Flowers))).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(item.Price(), before.GetProperty("total").GetDecimal());

        // The cemetery raises the price from today; the bureau approves it.
        var raised = item.Price() + 15m;
        var change = await (await factory.ClientForAsync("demo-cemetery-public")).ProposeOkAsync(qianling, item.Id(), raised, PricingTestHelpers.Today, "鲜花进价上涨");
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientForAsync("demo-civil-affairs")).PostAsync($"/api/v1/price-changes/{change}/approval", null)).StatusCode);
        Assert.Equal(raised, (await factory.CreateClient().PriceListAsync(qianling)).Item(ProxySweepingItems.Flowers).Price());

        var again = await (await citizen.GetAsync($"/api/v1/memorial/proxy-orders/{before.OrderId()}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(item.Price(), again.GetProperty("lines")[0].GetProperty("price").GetDecimal());
        Assert.Equal(item.Price(), again.GetProperty("total").GetDecimal());
        var after = await (await citizen.PostOrderAsync(Order(qianling, ProxySweepingItems.Flowers))).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(raised, after.GetProperty("total").GetDecimal());
        Assert.Equal(PricingTestHelpers.Today.ToString("yyyy-MM-dd"), after.GetProperty("lines")[0].GetProperty("priceEffectiveFrom").GetString());
    }

    [Fact]
    public async Task AnUnknownOption_AndOneNotOnThatSitesList_AreRefused_NamingThem_AndNothingIsOrdered()
    {
        var citizen = await factory.CitizenClientAsync("citizen.zhang");
        var qianling = await factory.InstitutionAsync(Qianling);
        var before = (await (await citizen.GetAsync("/api/v1/memorial/proxy-orders")).ExpectJsonAsync(HttpStatusCode.OK)).GetArrayLength();

        // 黔灵 publishes no inscription repainting; goods.flowers is a bunch of flowers for sale, not a service at the grave.
        var refused = await (await citizen.PostOrderAsync(Order(qianling, ProxySweepingItems.CleanHeadstone, ProxySweepingItems.RepaintInscription,
            "goods.flowers", "nonbasic.proxy-sweep.dance", ProxySweepingItems.CleanHeadstone))).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("黔灵公益性公墓的公示价目表上没有“nonbasic.proxy-sweep.repaint”（未公示或价格尚未生效）", refused.Errors("options[1]").Single());
        Assert.Equal("“goods.flowers”不是代祭扫服务项目", refused.Errors("options[2]").Single());
        Assert.Contains("nonbasic.proxy-sweep.dance", refused.Errors("options[3]").Single());
        Assert.Equal("“nonbasic.proxy-sweep.clean”重复选择了", refused.Errors("options[4]").Single());
        Assert.Equal("memorial.proxy.option.not-published", refused.GetProperty("errorCodes").GetProperty("options[1]")[0].GetString());
        Assert.Equal(before, (await (await citizen.GetAsync("/api/v1/memorial/proxy-orders")).ExpectJsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task EveryMissingOrWrongField_IsAnsweredAtOnce_InTheAskedLanguage()
    {
        var citizen = await factory.CitizenClientAsync("citizen.zhang");
        var funeralHome = await factory.InstitutionAsync("gy-funeral-home");
        var chinese = await (await citizen.PostOrderAsync(new
        {
            institutionId = funeralHome, options = Array.Empty<string>(), deceasedName = " ", graveLocation = "<b>A区</b>",
            wantedDate = PricingTestHelpers.Today.AddDays(-1).ToString("yyyy-MM-dd"), contactPhone = "12345",
        })).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["contactPhone", "deceasedName", "graveLocation", "institutionId", "options", "wantedDate"],
            chinese.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("该单位没有公示代祭扫服务价格，请选择列表中的公墓或骨灰堂", chinese.Errors("institutionId").Single());
        Assert.Equal($"日期不能早于今天（{PricingTestHelpers.Today:yyyy-MM-dd}）", chinese.Errors("wantedDate").Single());

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/memorial/proxy-orders")
        {
            Content = JsonContent.Create(new { options = new[] { ProxySweepingItems.Flowers }, wantedDate = "明天" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await citizen.SendAsync(request)).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Choose a cemetery or columbarium", english.Errors("institutionId").Single());
        Assert.Equal("The date must be yyyy-MM-dd", english.Errors("wantedDate").Single());
        Assert.Equal("Enter the name of the deceased", english.Errors("deceasedName").Single());
    }

    [Fact]
    public async Task TheSameIdempotencyKey_ReturnsTheSameOrder()
    {
        var citizen = await factory.CitizenClientAsync("citizen.li");
        var order = Order(await factory.InstitutionAsync(Jingyun), ProxySweepingItems.Flowers);
        var first = await (await citizen.PostOrderAsync(order, "retry-7f3a")).ExpectJsonAsync(HttpStatusCode.Created);
        var second = await (await citizen.PostOrderAsync(order, "retry-7f3a")).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(first.OrderId(), second.OrderId());
        var mine = (await (await citizen.GetAsync("/api/v1/memorial/proxy-orders")).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray();
        Assert.Single(mine, o => o.GetProperty("id").GetGuid() == first.OrderId());
    }

    [Fact]
    public async Task OnlyACitizen_Orders()
    {
        var jingyun = await factory.InstitutionAsync(Jingyun);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostOrderAsync(Order(jingyun, ProxySweepingItems.Flowers))).StatusCode);
        var cemetery = await factory.ClientForAsync("demo-cemetery");
        Assert.Equal(HttpStatusCode.Forbidden, (await cemetery.PostOrderAsync(Order(jingyun, ProxySweepingItems.Flowers))).StatusCode);
    }

    [Fact]
    public async Task AnOrderIsSeenByItsCitizen_AndItsSitesStaff_Audited_AndIsNotFoundForEveryoneElse()
    {
        var wang = await factory.CitizenClientAsync("citizen.wang");
        var order = await factory.OrderOkAsync(wang);
        var url = $"/api/v1/memorial/proxy-orders/{order.OrderId()}";

        Assert.Equal(HttpStatusCode.OK, (await wang.GetAsync(url)).StatusCode);
        var site = await (await (await factory.ClientForAsync("demo-cemetery")).GetAsync(url)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("张三丰", site.GetProperty("deceasedName").GetString());
        Assert.Equal("13800138000", site.GetProperty("contactPhone").GetString());
        var staff = await SignedIn.AsAsync(factory, "cemetery.sun");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(url)).StatusCode);
        Assert.Equal(["memorial.proxy.read", "memorial.proxy.read"], await factory.AuditActionsAsync($"proxy-order:{order.OrderId()}"));

        foreach (var other in new[]
                 {
                     await factory.CitizenClientAsync("citizen.zhang"), await factory.ClientForAsync("demo-cemetery-public"),
                     await factory.ClientForAsync("demo-funeral-home"), await SignedIn.AsAsync(factory, "cemetery.ma"),
                     await SignedIn.AsAsync(factory, "supervisor.zhou"),
                 })
        {
            var refused = await other.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal("memorial.proxy.order-not-found", (await refused.JsonAsync()).GetProperty("code").GetString());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wang.GetAsync($"/api/v1/memorial/proxy-orders/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task TheSitesList_MasksNamesAndPhones_AndIsAudited_AndOtherOrganisationsAreRefused()
    {
        var wang = await factory.CitizenClientAsync("citizen.wang");
        var order = await factory.OrderOkAsync(wang);
        var site = await (await (await factory.ClientForAsync("demo-cemetery")).GetAsync("/api/v1/memorial/proxy-orders")).ExpectJsonAsync(HttpStatusCode.OK);
        var row = site.EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == order.OrderId());
        Assert.Equal("张*丰", row.GetProperty("deceasedName").GetString());
        Assert.Equal("王*", row.GetProperty("ordererName").GetString());
        Assert.Equal("138****8000", row.GetProperty("contactPhone").GetString());
        Assert.Equal(["代祭扫：清洁墓碑", "代祭扫：献花（鲜花一束）"], row.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        Assert.Contains("memorial.proxy.listed", await factory.AuditActionsAsync($"organisation:{await factory.InstitutionAsync(Jingyun)}"));

        var other = await (await factory.ClientForAsync("demo-cemetery-public")).GetAsync("/api/v1/memorial/proxy-orders");
        Assert.DoesNotContain((await other.ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray(), o => o.GetProperty("id").GetGuid() == order.OrderId());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync("demo-hospital")).GetAsync("/api/v1/memorial/proxy-orders")).StatusCode);

        var mine = await (await wang.GetAsync("/api/v1/memorial/proxy-orders")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("张三丰", mine.EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == order.OrderId()).GetProperty("deceasedName").GetString());
    }
}
