using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>The public price lists: no sign-in, one template for all, warnings marked, comparison, calculator, Excel.</summary>
public sealed class PublicPriceListTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task Directory_WithoutSignIn_ListsEveryTypeOfInstitution_FilteredByDistrictAndType()
    {
        var anonymous = factory.CreateClient();
        var all = (await (await anonymous.GetAsync("/api/v1/price-lists")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["cemetery", "columbarium", "funeral-home", "service-shop"],
            all.Select(i => i.GetProperty("type").GetString()!).Distinct().Order().ToArray());
        Assert.All(all, i =>
        {
            Assert.NotEqual(Guid.Empty, i.GetProperty("institutionId").GetGuid());
            Assert.False(string.IsNullOrEmpty(i.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(i.GetProperty("district").GetString()));
            Assert.True(i.GetProperty("updatedAt").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        });

        var cemeteries = (await (await anonymous.GetAsync("/api/v1/price-lists?type=cemetery")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(3, cemeteries.Count);
        Assert.Contains(cemeteries, c => c.GetProperty("cemeteryKind").GetString() == "public-welfare");
        Assert.Contains(cemeteries, c => c.GetProperty("cemeteryKind").GetString() == "commercial");

        var huaxi = (await (await anonymous.GetAsync("/api/v1/price-lists?district=花溪区")).JsonAsync()).EnumerateArray()
            .Select(i => i.GetProperty("name").GetString()!).Order().ToArray();
        Assert.Equal(["景云山公墓", "贵阳市殡仪馆"], huaxi);
    }

    [Fact]
    public async Task PriceList_FollowsTheStandardTemplate_BasicServicesFirst_WithSubsidyAndLegalBasis()
    {
        var anonymous = factory.CreateClient();
        var list = await anonymous.PriceListAsync(await factory.InstitutionAsync("gy-funeral-home"));
        Assert.Equal("贵阳市殡仪馆", list.GetProperty("name").GetString());
        Assert.Equal("funeral-home", list.GetProperty("type").GetString());
        Assert.Equal("12358", list.GetProperty("complaintPhone").GetString());
        var categories = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("category").GetString()!).ToList();
        Assert.Equal(["basic", "non-basic", "goods"], categories.Distinct().ToArray());
        Assert.Equal(categories.OrderBy(c => Array.IndexOf(new[] { "basic", "non-basic", "goods", "plot" }, c)).ToList(), categories);

        var cremation = list.Item("basic.cremation");
        Assert.Equal(480m, cremation.Price());
        Assert.Equal("government-guided", cremation.GetProperty("pricingMode").GetString());
        Assert.Equal(480m, cremation.GetProperty("cap").GetDecimal());
        Assert.True(cremation.GetProperty("freeForResidents").GetBoolean());
        Assert.Equal(480m, cremation.GetProperty("subsidyCap").GetDecimal());
        Assert.Contains("殡葬管理条例", cremation.GetProperty("legalBasis").GetString());
        Assert.False(cremation.GetProperty("warning").GetBoolean());
        Assert.Equal("个", list.Item("goods.urn-basic").GetProperty("unit").GetString());

        var hall = list.Item("nonbasic.large-hall");
        Assert.Equal("reference-range", hall.GetProperty("pricingMode").GetString());
        Assert.Equal(800m, hall.GetProperty("rangeMin").GetDecimal());
        Assert.Equal(1500m, hall.GetProperty("rangeMax").GetDecimal());
        // The public sees when the price changed and from what.
        Assert.Equal(1200m, hall.Price());
        Assert.Equal(1500m, hall.GetProperty("previousPrice").GetDecimal());
        Assert.Equal(PricingTestHelpers.Today.AddMonths(-10), DateOnly.Parse(hall.GetProperty("effectiveFrom").GetString()!));

        var history = (await (await anonymous.GetAsync($"/api/v1/price-items/{hall.Id()}/history")).JsonAsync()).EnumerateArray()
            .Select(h => h.GetProperty("price").GetDecimal()).ToArray();
        Assert.Equal([1200m, 1500m], history);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/price-lists/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/api/v1/price-lists/{list.GetProperty("institutionId").GetGuid()}?asOf=26-11-2026")).StatusCode);
    }

    [Fact]
    public async Task PriceList_AsOfAnEarlierDate_ShowsThePriceThenInForce()
    {
        var list = await factory.CreateClient().PriceListAsync(await factory.InstitutionAsync("gy-funeral-home"), PricingTestHelpers.Today.AddMonths(-11));
        Assert.Equal(1500m, list.Item("nonbasic.large-hall").Price());
    }

    [Fact]
    public async Task CemeteryList_ShowsPlots_AndMarksThoseUnderAnOpenWarning()
    {
        var list = await factory.CreateClient().PriceListAsync(await factory.InstitutionAsync("qingshan-cemetery"));
        var view = list.Item("plot.ashes-grave.view");
        Assert.Equal("plot", view.GetProperty("category").GetString());
        Assert.True(view.GetProperty("warning").GetBoolean());
        Assert.Equal(["price-per-m2-above-median"], view.GetProperty("warningRules").EnumerateArray().Select(r => r.GetString()!).ToArray());
        var plot = view.GetProperty("plot");
        Assert.Equal("ashes-grave", plot.GetProperty("plotType").GetString());
        Assert.Equal(0.9m, plot.GetProperty("areaM2").GetDecimal());
        Assert.Equal(150m, plot.GetProperty("maintenanceFeePerYear").GetDecimal());
        Assert.Equal(20, plot.GetProperty("termYears").GetInt32());
        Assert.Equal(26800m + 150m * 20, plot.GetProperty("totalForTerm").GetDecimal());

        var quiet = list.Item("plot.ashes-grave.quiet");
        Assert.False(quiet.GetProperty("warning").GetBoolean());
        Assert.False(quiet.TryGetProperty("warningRules", out _));
    }

    [Fact]
    public async Task Comparison_ShowsOneItemAcrossInstitutions_CheapestFirst()
    {
        var anonymous = factory.CreateClient();
        var items = (await (await anonymous.GetAsync("/api/v1/price-comparisons")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(2, items.Single(i => i.GetProperty("code").GetString() == "basic.cremation").GetProperty("institutions").GetInt32());

        var urn = await (await anonymous.GetAsync("/api/v1/price-comparisons/goods.urn-basic")).JsonAsync();
        var rows = urn.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count); // two funeral homes, the columbarium and the shop
        var prices = rows.Select(r => r.GetProperty("price").GetDecimal()).ToList();
        Assert.Equal(prices.Order().ToList(), prices);
        Assert.Equal(252m, prices[0]); // 乌当区殡仪馆: 280 × 0.9
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/price-comparisons/no.such-item")).StatusCode);
        // By exact name as well.
        Assert.Equal(4, (await (await anonymous.GetAsync("/api/v1/price-comparisons/" + Uri.EscapeDataString("骨灰盒（普通型）"))).JsonAsync())
            .GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task Calculator_AppliesResidentSubsidies_AndRefusesUnknownItems()
    {
        var anonymous = factory.CreateClient();
        var list = await anonymous.PriceListAsync(await factory.InstitutionAsync("gy-funeral-home"));
        var cemetery = await anonymous.PriceListAsync(await factory.InstitutionAsync("qianling-public-cemetery"));
        var lines = new[]
        {
            new { itemId = list.Item("basic.transport").Id(), quantity = 1 },
            new { itemId = list.Item("basic.storage").Id(), quantity = 3 },
            new { itemId = list.Item("basic.cremation").Id(), quantity = 1 },
            new { itemId = list.Item("nonbasic.large-hall").Id(), quantity = 1 },
            new { itemId = cemetery.Item("basic.eco-burial").Id(), quantity = 1 },
        };
        var resident = await (await anonymous.PostAsJsonAsync("/api/v1/price-calculations", new { lines, resident = true })).JsonAsync();
        // 300 + 300 + 480 + 1,200 + 800 = 3,080; basics 1,880 free but the per-funeral cap is 1,780.
        Assert.Equal(3080m, resident.GetProperty("total").GetDecimal());
        Assert.Equal(1780m, resident.GetProperty("subsidy").GetDecimal());
        Assert.Equal(1300m, resident.GetProperty("payable").GetDecimal());
        Assert.Equal(["贵阳市殡仪馆", "黔灵公益性公墓"], resident.GetProperty("lines").EnumerateArray()
            .Select(l => l.GetProperty("institutionName").GetString()!).Distinct().ToArray());

        var visitor = await (await anonymous.PostAsJsonAsync("/api/v1/price-calculations", new { lines, resident = false })).JsonAsync();
        Assert.Equal(0m, visitor.GetProperty("subsidy").GetDecimal());
        Assert.Equal(3080m, visitor.GetProperty("payable").GetDecimal());

        var bad = await anonymous.PostAsJsonAsync("/api/v1/price-calculations", new { lines = new[] { new { itemId = Guid.NewGuid(), quantity = 1 }, new { itemId = Guid.NewGuid(), quantity = 0 } } });
        var problem = await bad.ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("lines[1].quantity", out _));
    }

    [Fact]
    public async Task PriceList_ExportsToExcel_WithoutSignIn()
    {
        var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync($"/api/v1/price-lists/{await factory.InstitutionAsync("jingyunshan-cemetery")}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var texts = sheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
        Assert.Contains("景云山公墓", texts);
        Assert.Contains("骨灰墓（柏园）", texts);
        Assert.Contains(texts, t => decimal.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var d) && d == 21800m);
        Assert.Contains("预警", texts);
        Assert.True(sheet.Descendants<Column>().All(c => c.CustomWidth?.Value == true && c.Width?.Value > 0));
    }
}
