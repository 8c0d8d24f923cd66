using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>The institution's proposal page and the bureau's review, warning and statistics pages, through sign-in and form posts.</summary>
public sealed class PricingStaffPagesTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";

    private static string Today() =>
        Hereafter.Domain.Time.ChinaTime.Date(DateTimeOffset.UtcNow);

    /// <summary>The price list of the institution named <paramref name="name"/>, from the public API.</summary>
    private async Task<JsonElement> ListOfAsync(string name)
    {
        var client = factory.CreateClient();
        var summary = (await client.GetFromJsonAsync<JsonElement>("/api/v1/price-lists")).EnumerateArray()
            .Single(i => i.GetProperty("name").GetString() == name);
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/price-lists/{summary.GetProperty("institutionId").GetString()}");
    }

    /// <summary>An item whose price can move by one yuan and stay inside its cap or reference range.</summary>
    private static JsonElement MovableItem(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().First(i =>
            i.GetProperty("category").GetString() == "non-basic" && !i.GetProperty("warning").GetBoolean()
            && (i.TryGetProperty("rangeMin", out var min) && min.ValueKind == JsonValueKind.Number
                ? i.GetProperty("price").GetDecimal() - 1 >= min.GetDecimal()
                : i.GetProperty("pricingMode").GetString() == "market"));

    private static Task<HttpResponseMessage> ProposeAsync(HttpClient clerk, Dictionary<string, string> fields) =>
        HtmlForms.SubmitAsync(clerk, "/prices/manage", "propose", fields);

    [Fact]
    public async Task Proposal_WithMissingOrBadFields_ShowsChineseFieldErrors_AndSavesNothing()
    {
        var clerk = await SignedIn.AsAsync(factory, "funeral.liu");
        var page = await clerk.GetAsync("/prices/manage");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        foreach (var id in new[] { "itemId", "newPrice", "effectiveFrom", "reason" }) Assert.Contains($"for=\"{id}\"", html);
        Assert.Contains($"value=\"{Today()}\"", html);

        var empty = await (await ProposeAsync(clerk, new() { ["itemId"] = "", ["newPrice"] = "abc", ["effectiveFrom"] = "" })).Content.ReadAsStringAsync();
        Assert.Contains("请选择项目", empty);
        Assert.Contains("价格须为数字，如 1280.00", empty);
        Assert.Contains("请填写执行日期", empty);
        Assert.DoesNotContain("已提交", empty);

        // A government-guided price above its cap can never be approved: the rule's own message, nothing saved.
        var list = await ListOfAsync("贵阳市殡仪馆");
        var capped = list.GetProperty("items").EnumerateArray().First(i => i.TryGetProperty("cap", out var c) && c.ValueKind == JsonValueKind.Number);
        var over = capped.GetProperty("cap").GetDecimal() + 100;
        var refused = WebUtility.HtmlDecode(await (await ProposeAsync(clerk, new()
        {
            ["itemId"] = capped.GetProperty("itemId").GetString()!, ["newPrice"] = over.ToString(CultureInfo.InvariantCulture),
            ["effectiveFrom"] = Today(), ["reason"] = "成本上涨",
        })).Content.ReadAsStringAsync());
        Assert.Contains("class=\"field-error\" id=\"newPrice-error\"", refused);
        Assert.Contains("政府指导价项目不得高于上限", refused);
        Assert.DoesNotContain("已提交", refused);
        Assert.DoesNotContain(Yuan(over), refused[refused.IndexOf("本单位的申报", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task ClerkProposes_SupervisorApproves_AndThePublicPageShowsTheNewPriceAtOnce()
    {
        var list = await ListOfAsync("贵阳市殡仪馆");
        var institutionId = list.GetProperty("institutionId").GetString()!;
        var item = MovableItem(list);
        var itemId = item.GetProperty("itemId").GetString()!;
        var oldPrice = item.GetProperty("price").GetDecimal();
        var newPrice = oldPrice - 1;
        var anonymous = factory.CreateClient();
        // Read once, so the page sits in the output cache before the change.
        Assert.Contains(Yuan(oldPrice), await anonymous.GetStringAsync($"/prices/{institutionId}"));

        var clerk = await SignedIn.AsAsync(factory, "funeral.liu");
        var proposed = WebUtility.HtmlDecode(await (await ProposeAsync(clerk, new()
        {
            ["itemId"] = itemId, ["newPrice"] = newPrice.ToString(CultureInfo.InvariantCulture), ["effectiveFrom"] = Today(), ["reason"] = "下调",
        })).Content.ReadAsStringAsync());
        Assert.Contains($"已提交：<span lang=\"zh-CN\">{item.GetProperty("name").GetString()}</span> 调整为 {Yuan(newPrice)}，执行日期 {Today()}", proposed);
        Assert.Contains(">待审核<span class=\"visually-hidden\">", proposed);
        var changeId = (await (await factory.ClientForAsync("demo-civil-affairs")).GetFromJsonAsync<JsonElement>("/api/v1/price-changes?status=proposed"))
            .EnumerateArray().First(c => c.GetProperty("itemId").GetString() == itemId).GetProperty("id").GetGuid();

        // The clerk's institution cannot decide; a clerk of the bureau sees it but has no buttons; the supervisor approves.
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/supervision/prices")).StatusCode);
        var civilClerk = await SignedIn.AsAsync(factory, "clerk.civil");
        var readOnly = await civilClerk.GetStringAsync("/supervision/prices");
        Assert.Contains($"id=\"change-{changeId:N}\"", readOnly);
        Assert.DoesNotContain($"value=\"approve-{changeId:N}\"", readOnly);

        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var review = await supervisor.GetStringAsync("/supervision/prices");
        Assert.Contains($"value=\"approve-{changeId:N}\"", review);
        Assert.Contains("for=\"reason-" + changeId.ToString("N") + "\"", review);
        var approved = WebUtility.HtmlDecode(await (await HtmlForms.SubmitAsync(supervisor, "/supervision/prices", $"approve-{changeId:N}",
            new Dictionary<string, string>())).Content.ReadAsStringAsync());
        Assert.Contains($"已批准：<span lang=\"zh-CN\">贵阳市殡仪馆</span> <span lang=\"zh-CN\">{item.GetProperty("name").GetString()}</span> 调整为 {Yuan(newPrice)}，{Today()} 起执行。", approved);

        var publicPage = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/prices/{institutionId}"));
        var start = publicPage.IndexOf($"id=\"item-{itemId}\"", StringComparison.Ordinal);
        var block = publicPage[start..publicPage.IndexOf("</li>", start, StringComparison.Ordinal)];
        Assert.Contains(Yuan(newPrice), block);
        Assert.Contains($"{Today()} 起由 {Yuan(oldPrice)} 调整", block);
        Assert.Contains(">已批准<span class=\"visually-hidden\">", WebUtility.HtmlDecode(await clerk.GetStringAsync("/prices/manage")));
    }

    [Fact]
    public async Task Rejection_NeedsAReason_InChinese()
    {
        var list = await ListOfAsync("贵阳市殡仪馆");
        var item = MovableItem(list);
        var clerk = await SignedIn.AsAsync(factory, "funeral.liu");
        await ProposeAsync(clerk, new()
        {
            ["itemId"] = item.GetProperty("itemId").GetString()!, ["newPrice"] = (item.GetProperty("price").GetDecimal() - 1).ToString(CultureInfo.InvariantCulture),
            ["effectiveFrom"] = Today(), ["reason"] = "测试驳回",
        });
        var changeId = (await (await factory.ClientForAsync("demo-civil-affairs")).GetFromJsonAsync<JsonElement>("/api/v1/price-changes?status=proposed"))
            .EnumerateArray().First(c => c.GetProperty("reason").GetString() == "测试驳回").GetProperty("id").GetGuid();
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");

        var noReason = await (await HtmlForms.SubmitAsync(supervisor, "/supervision/prices", $"reject-{changeId:N}",
            new Dictionary<string, string> { ["reason"] = " " })).Content.ReadAsStringAsync();
        Assert.Contains("驳回时须填写理由", noReason);
        // The reason's error is in the summary at the top (it takes focus) with a link to this row's reason field.
        Assert.Contains($"data-field=\"reason-{changeId:N}\">驳回时须填写理由</a>", noReason);
        Assert.Contains($"id=\"reason-{changeId:N}-error\"", noReason);
        var rejected = await (await HtmlForms.SubmitAsync(supervisor, "/supervision/prices", $"reject-{changeId:N}",
            new Dictionary<string, string> { ["reason"] = "理由不充分" })).Content.ReadAsStringAsync();
        Assert.Contains("已驳回：", rejected);
        var mine = await clerk.GetStringAsync("/prices/manage");
        Assert.Contains("理由不充分", mine);
        Assert.Contains(">已驳回<span class=\"visually-hidden\">", mine);
    }

    [Fact]
    public async Task Warnings_ShowTheirEvidence_AndCloseWithANote_ThenThePublicMarkIsGone()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var api = await factory.ClientForAsync("demo-civil-affairs");
        var open = (await api.GetFromJsonAsync<JsonElement>("/api/v1/price-warnings?status=open")).EnumerateArray().ToArray();
        Assert.NotEmpty(open);
        var html = WebUtility.HtmlDecode(await supervisor.GetStringAsync("/supervision/price-warnings"));
        Assert.Contains("<h1>价格预警</h1>", html);
        foreach (var w in open)
        {
            Assert.Contains($"id=\"warning-{w.GetProperty("id").GetGuid():N}\"", html);
            Assert.Contains(w.GetProperty("evidence").GetString()!, html);
        }

        // Close the warnings of one item (all of them, so the item is no longer under an open warning).
        var itemId = open[0].GetProperty("itemId").GetString()!;
        var institutionId = open[0].GetProperty("institutionId").GetString()!;
        var anonymous = factory.CreateClient();
        Assert.Contains("warning-mark", ItemBlock(await anonymous.GetStringAsync($"/prices/{institutionId}"), itemId));
        var noNote = await (await HtmlForms.SubmitAsync(supervisor, "/supervision/price-warnings", $"close-{open[0].GetProperty("id").GetGuid():N}",
            new Dictionary<string, string> { ["note"] = "" })).Content.ReadAsStringAsync();
        Assert.Contains("关闭预警须填写处理说明", noNote);
        Assert.Contains($"data-field=\"note-{open[0].GetProperty("id").GetGuid():N}\">关闭预警须填写处理说明</a>", noNote);
        foreach (var w in open.Where(w => w.GetProperty("itemId").GetString() == itemId))
        {
            var closed = await (await HtmlForms.SubmitAsync(supervisor, "/supervision/price-warnings", $"close-{w.GetProperty("id").GetGuid():N}",
                new Dictionary<string, string> { ["note"] = "已约谈，价格已核实" })).Content.ReadAsStringAsync();
            Assert.Contains("已关闭预警：", closed);
        }
        Assert.Contains("已约谈，价格已核实", await supervisor.GetStringAsync("/supervision/price-warnings?status=closed"));
        Assert.DoesNotContain("warning-mark", ItemBlock(await anonymous.GetStringAsync($"/prices/{institutionId}"), itemId));
    }

    [Fact]
    public async Task Statistics_ShowAveragesAndShares_WithAnExcelLink()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var stats = await (await factory.ClientForAsync("demo-civil-affairs")).GetFromJsonAsync<JsonElement>("/api/v1/pricing/statistics");
        var html = WebUtility.HtmlDecode(await supervisor.GetStringAsync("/supervision/price-statistics"));
        Assert.Contains("<h1>殡葬费用统计</h1>", html);
        foreach (var id in new[] { "from", "to", "institution" }) Assert.Contains($"for=\"{id}\"", html);
        var overall = stats.GetProperty("overall");
        Assert.True(overall.GetProperty("funerals").GetInt32() > 0, "the demo data has bills");
        Assert.Contains(Yuan(overall.GetProperty("averagePerFuneral").GetDecimal()), html);
        Assert.Contains(Yuan(overall.GetProperty("medianPerFuneral").GetDecimal()), html);
        Assert.Contains("基本服务占比", html);
        Assert.Contains("href=\"/api/v1/pricing/statistics/export.xlsx\"", html);
        foreach (var row in stats.GetProperty("byInstitution").EnumerateArray()) Assert.Contains(row.GetProperty("label").GetString()!, html);

        var export = await supervisor.GetAsync("/api/v1/pricing/statistics/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("bank.icbc")]
    [InlineData("doctor.wang")]
    [InlineData("funeral.liu")]
    public async Task OnlyTheBureau_OpensTheBureauPages(string userName)
    {
        var client = await SignedIn.AsAsync(factory, userName);
        foreach (var path in new[] { "/supervision/prices", "/supervision/price-warnings", "/supervision/price-statistics" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("无权访问", await response.Content.ReadAsStringAsync());
        }
        var home = await client.GetStringAsync("/");
        Assert.DoesNotContain("href=\"/supervision/prices\"", home);
        Assert.Contains("href=\"/prices\"", home);
    }

    [Fact]
    public async Task TheMenu_OffersEachRoleItsPricePages()
    {
        var bank = await SignedIn.AsAsync(factory, "bank.icbc");
        Assert.Equal(HttpStatusCode.Forbidden, (await bank.GetAsync("/prices/manage")).StatusCode);
        Assert.DoesNotContain("href=\"/prices/manage\"", await bank.GetStringAsync("/"));

        var cemetery = await SignedIn.AsAsync(factory, "cemetery.sun");
        Assert.Contains("href=\"/prices/manage\"", await cemetery.GetStringAsync("/"));

        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var home = await supervisor.GetStringAsync("/");
        foreach (var href in new[] { "/supervision/prices", "/supervision/price-warnings", "/supervision/price-statistics", "/prices" })
            Assert.Contains($"href=\"{href}\"", home);
        Assert.DoesNotContain("href=\"/prices/manage\"", home);
    }

    private static string ItemBlock(string html, string itemId)
    {
        var start = html.IndexOf($"id=\"item-{itemId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"item {itemId} is on the page");
        return html[start..html.IndexOf("</li>", start, StringComparison.Ordinal)];
    }
}
