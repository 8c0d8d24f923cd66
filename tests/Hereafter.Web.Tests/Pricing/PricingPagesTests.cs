using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>
/// The public price pages (no sign-in, no script), the institution's proposal page and the bureau's pages, through
/// HTTP as a browser without JavaScript would use them. Institutions and items are found through the public API, so
/// the tests follow the demo data rather than repeat it.
/// </summary>
public sealed partial class PricingPagesTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";

    private async Task<JsonElement[]> InstitutionsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/price-lists")).EnumerateArray().ToArray();

    private static async Task<JsonElement> PriceListAsync(HttpClient client, string id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/price-lists/{id}");

    private static string Id(JsonElement e, string name = "institutionId") => e.GetProperty(name).GetString()!;

    /// <summary>Every visible input, select and textarea has a label naming it (for="id"), and the page has exactly one h1.</summary>
    private static void AssertAccessible(string html, string page)
    {
        Assert.True(H1().Matches(html).Count == 1, $"{page}: expected exactly one <h1>, found {H1().Matches(html).Count}");
        foreach (Match control in Controls().Matches(html))
        {
            var tag = control.Value;
            if (tag.Contains("type=\"hidden\"", StringComparison.Ordinal) || tag.Contains("type=\"submit\"", StringComparison.Ordinal)) continue;
            var id = IdAttribute().Match(tag);
            Assert.True(id.Success, $"{page}: a form control without an id cannot have a label: {tag}");
            Assert.True(html.Contains($"for=\"{id.Groups[1].Value}\"", StringComparison.Ordinal), $"{page}: no <label for=\"{id.Groups[1].Value}\">: {tag}");
        }
    }

    [Fact]
    public async Task Directory_IsPublic_FiltersWithAGetForm_AndLinksEachInstitution()
    {
        var client = factory.CreateClient();
        var all = await InstitutionsAsync(client);
        Assert.Contains(all, i => i.GetProperty("type").GetString() == "cemetery");

        var response = await client.GetAsync("/prices");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        AssertAccessible(html, "/prices");
        Assert.Contains("<h1>殡葬服务价格公示</h1>", html);
        Assert.Contains("<form method=\"get\" action=\"/prices\"", html);
        foreach (var i in all) Assert.Contains($"href=\"/prices/{Id(i)}\"", html);

        var cemeteries = await client.GetStringAsync("/prices?type=cemetery");
        foreach (var i in all)
        {
            var link = $"href=\"/prices/{Id(i)}\"";
            if (i.GetProperty("type").GetString() == "cemetery") Assert.Contains(link, cemeteries);
            else Assert.DoesNotContain(link, cemeteries);
        }
        var district = all[0].GetProperty("district").GetString()!;
        var inDistrict = await client.GetStringAsync($"/prices?district={Uri.EscapeDataString(district)}");
        foreach (var i in all)
            Assert.Equal(i.GetProperty("district").GetString() == district, inDistrict.Contains($"href=\"/prices/{Id(i)}\"", StringComparison.Ordinal));
        Assert.Contains("href=\"/prices\"", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task EveryPriceList_FollowsTheSameTemplate_WithPricesBasesAnd12358()
    {
        var client = factory.CreateClient();
        foreach (var institution in await InstitutionsAsync(client))
        {
            var id = Id(institution);
            var list = await PriceListAsync(client, id);
            var response = await client.GetAsync($"/prices/{id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            AssertAccessible(html, $"/prices/{id}");
            Assert.Contains($"<h1 lang=\"zh-CN\">{list.GetProperty("name").GetString()}</h1>", html);
            Assert.Contains("12358", html);
            Assert.Contains("最后更新", html);
            Assert.Contains("定价依据和法律依据", html);

            // Sections in the template's order: basic, non-basic, goods, plots (those the institution has).
            var categories = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("category").GetString()!).Distinct().ToList();
            var order = new[] { "basic", "non-basic", "goods", "plot" }.Where(categories.Contains)
                .Select(c => html.IndexOf($"id=\"section-{c}\"", StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(-1, order);
            Assert.Equal(order.Order().ToList(), order);

            foreach (var item in list.GetProperty("items").EnumerateArray())
            {
                var block = ItemBlock(html, item.GetProperty("itemId").GetString()!);
                Assert.Contains(item.GetProperty("name").GetString()!, block);
                Assert.Contains(Yuan(item.GetProperty("price").GetDecimal()), block);
                Assert.Contains("执行日期 " + item.GetProperty("effectiveFrom").GetString(), block);
                Assert.Contains(item.GetProperty("legalBasis").GetString()!, block);
                if (item.GetProperty("freeForResidents").GetBoolean()) Assert.Contains("本市户籍居民", block);
                if (item.GetProperty("category").GetString() == "plot")
                {
                    Assert.Contains("墓位使用费", block);
                    Assert.Contains("维护管理费", block);
                    Assert.Contains("m²", block);
                    Assert.Contains("使用年限", block);
                }
                Assert.Equal(item.GetProperty("warning").GetBoolean(), block.Contains("warning-mark", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task PlotsUnderAnOpenWarning_CarryAVisibleLabelledMark()
    {
        var client = factory.CreateClient();
        var warned = 0;
        foreach (var institution in (await InstitutionsAsync(client)).Where(i => i.GetProperty("type").GetString() == "cemetery"))
        {
            var list = await PriceListAsync(client, Id(institution));
            var html = await client.GetStringAsync($"/prices/{Id(institution)}");
            foreach (var plot in list.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("category").GetString() == "plot"))
            {
                var block = ItemBlock(html, plot.GetProperty("itemId").GetString()!);
                if (!plot.GetProperty("warning").GetBoolean())
                {
                    Assert.DoesNotContain("价格预警", block);
                    continue;
                }
                warned++;
                Assert.Contains("class=\"price-item price-item-warned\"", block);
                Assert.Contains("aria-label=\"价格预警：民政部门正在核查该价格\"", block);
                Assert.Contains("⚠ 价格预警</span>", block);
                Assert.Contains("预警原因：", block);
            }
        }
        Assert.True(warned > 0, "the demo data has plots under an open warning");
    }

    [Fact]
    public async Task Comparison_ListsOneItemAcrossInstitutions_CheapestFirst()
    {
        var client = factory.CreateClient();
        var items = (await client.GetFromJsonAsync<JsonElement>("/api/v1/price-comparisons")).EnumerateArray().ToArray();
        var item = items.OrderByDescending(i => i.GetProperty("institutions").GetInt32()).First();
        var code = item.GetProperty("code").GetString()!;
        var comparison = await client.GetFromJsonAsync<JsonElement>($"/api/v1/price-comparisons/{Uri.EscapeDataString(code)}");

        var index = await client.GetStringAsync("/prices/compare");
        AssertAccessible(index, "/prices/compare");
        Assert.Contains("<form method=\"get\" action=\"/prices/compare\"", index);
        Assert.Contains($"value=\"{code}\"", index);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/prices/compare?item={Uri.EscapeDataString(code)}"));
        var positions = comparison.GetProperty("rows").EnumerateArray()
            .Select(r => html.IndexOf($"href=\"/prices/{r.GetProperty("institutionId").GetString()}#item-{r.GetProperty("itemId").GetString()}\"", StringComparison.Ordinal))
            .ToList();
        Assert.True(positions.Count >= 2, "an item listed by several institutions");
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order().ToList(), positions);
        var prices = comparison.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("price").GetDecimal()).ToList();
        Assert.Equal(prices.Order().ToList(), prices);
    }

    [Fact]
    public async Task Calculator_WithoutJavaScript_ShowsTheTotal_WithTheResidentSubsidy()
    {
        var client = factory.CreateClient();
        var home = (await InstitutionsAsync(client)).First(i => i.GetProperty("type").GetString() == "funeral-home");
        var list = await PriceListAsync(client, Id(home));
        var items = list.GetProperty("items").EnumerateArray().ToArray();
        var free = items.First(i => i.GetProperty("freeForResidents").GetBoolean());
        var extra = items.First(i => i.GetProperty("category").GetString() == "non-basic");

        var step1 = await client.GetStringAsync($"/prices/calculator?institution={Id(home)}");
        AssertAccessible(step1, "/prices/calculator");
        Assert.Contains($"name=\"item\" value=\"{Id(free, "itemId")}\"", step1);
        Assert.Contains("<form method=\"get\" action=\"/prices/calculator\"", step1);

        var freeId = Guid.Parse(Id(free, "itemId"));
        var extraId = Guid.Parse(Id(extra, "itemId"));
        var query = $"/prices/calculator?calc=1&institution={Id(home)}&item={freeId}&q-{freeId:N}=1&item={extraId}&q-{extraId:N}=2&resident=true";
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(query));
        var expected = await (await client.PostAsJsonAsync("/api/v1/price-calculations",
            new { lines = new object[] { new { itemId = freeId, quantity = 1 }, new { itemId = extraId, quantity = 2 } }, resident = true })).JsonAsync();
        Assert.True(expected.GetProperty("subsidy").GetDecimal() > 0, "a free basic service is subsidised for a resident");
        Assert.Contains("估算结果", html);
        Assert.Contains($"<dd class=\"calc-total\">{Yuan(expected.GetProperty("total").GetDecimal())}</dd>", html);
        Assert.Contains($"<dd class=\"calc-subsidy\">−{Yuan(expected.GetProperty("subsidy").GetDecimal())}</dd>", html);
        Assert.Contains($"<dd class=\"calc-payable-amount\">{Yuan(expected.GetProperty("payable").GetDecimal())}</dd>", html);

        // Not a resident: no subsidy, the family pays the total.
        var visitor = WebUtility.HtmlDecode(await client.GetStringAsync(query.Replace("&resident=true", "", StringComparison.Ordinal)));
        Assert.Contains($"<dd class=\"calc-payable-amount\">{Yuan(expected.GetProperty("total").GetDecimal())}</dd>", visitor);
        Assert.Contains("非本市户籍，不享受补贴。", visitor);

        var bad = WebUtility.HtmlDecode(await client.GetStringAsync($"/prices/calculator?calc=1&institution={Id(home)}&item={freeId}&q-{freeId:N}=abc"));
        Assert.Contains("数量须为 1 到 99 的整数", bad);
        Assert.DoesNotContain("估算结果", bad);
        Assert.Contains("请至少选择一个服务项目。", WebUtility.HtmlDecode(await client.GetStringAsync($"/prices/calculator?calc=1&institution={Id(home)}")));
    }

    [Fact]
    public async Task UnknownInstitution_Answers404_WithItsOwnMessage_EveryTime()
    {
        var path = $"/prices/{Guid.NewGuid()}";
        foreach (var _ in new[] { 1, 2 })
        {
            var response = await factory.CreateClient().GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("未找到该机构", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task TheCachedPublicPage_IsNeverServedToASignedInPerson_NorTheirPageToThepublic()
    {
        var client = factory.CreateClient();
        var id = Id((await InstitutionsAsync(client))[0]);
        var anonymous = await client.GetAsync($"/prices/{id}");
        Assert.Equal(anonymous.Content.Headers.ContentLength, (await anonymous.Content.ReadAsByteArrayAsync()).Length);
        Assert.Contains("href=\"/signin\"", await client.GetStringAsync($"/prices/{id}"));

        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var signedIn = await supervisor.GetStringAsync($"/prices/{id}");
        Assert.Contains("周文静（监管）", signedIn);
        Assert.Contains("href=\"/supervision/prices\"", signedIn);
        var again = await factory.CreateClient().GetStringAsync($"/prices/{id}");
        Assert.DoesNotContain("周文静", again);
        Assert.Contains("href=\"/signin\"", again);
    }

    [Fact]
    public async Task InEnglish_ThePriceListIsEnglish_AndTheChineseCacheEntryIsNotServed()
    {
        var client = factory.CreateClient();
        var id = Id((await InstitutionsAsync(client))[0]);
        Assert.Contains("价格投诉举报电话", await client.GetStringAsync($"/prices/{id}"));
        var english = await client.GetStringAsync($"/prices/{id}?culture=en");
        Assert.Contains("Price complaints line", english);
        Assert.Contains("lang=\"en\"", english);
    }

    private static string ItemBlock(string html, string itemId)
    {
        var start = html.IndexOf($"id=\"item-{itemId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"item {itemId} is on the page");
        var end = html.IndexOf("</li>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();

    [GeneratedRegex("<(input|select|textarea)\\b[^>]*>")]
    private static partial Regex Controls();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();
}
