using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>
/// Issue #10 on the price pages: each page in one language (names and addresses as typed, marked lang="zh-CN"),
/// errors through the one error summary with links to their fields, status words explained, phone numbers that call,
/// empty lists that say what to do next.
/// </summary>
public sealed class PricingPagesPhoneAndLanguageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private async Task<string[]> InstitutionIdsAsync() =>
        [.. (await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/price-lists"))!.EnumerateArray().Select(i => i.GetProperty("institutionId").GetString()!)];

    private static async Task<HttpClient> EnglishAsync(HttpClient client)
    {
        (await client.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<string> CalculatorWithAResultAsync(HttpClient client, string institutionId)
    {
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/price-lists/{institutionId}");
        var item = list.GetProperty("items").EnumerateArray().First().GetProperty("itemId").GetGuid();
        return $"/prices/calculator?calc=1&institution={institutionId}&item={item}&q-{item:N}=2&resident=true";
    }

    [Fact]
    public async Task PublicPricePages_InEnglish_HaveNoChineseOutsideTypedNames()
    {
        var client = await EnglishAsync(factory.CreateClient());
        var ids = await InstitutionIdsAsync();
        var pages = new List<string> { "/prices", "/prices/compare", "/prices/compare?item=basic.cremation", "/prices/calculator", $"/prices/calculator?institution={ids[0]}",
            await CalculatorWithAResultAsync(client, ids[0]), "/prices/calculator?list=1" };
        pages.AddRange(ids.Select(id => $"/prices/{id}"));
        foreach (var page in pages)
        {
            var html = await client.GetStringAsync(page);
            Assert.Contains("<html lang=\"en\"", html);
            PageLanguage.AssertIn(html, "en", page);
        }
        var cemetery = await client.GetStringAsync($"/prices/{ids[0]}");
        Assert.DoesNotContain("/ 次", cemetery);
        Assert.DoesNotContain("Pricing basis: 政府指导价", WebUtility.HtmlDecode(cemetery));
    }

    [Fact]
    public async Task PublicPricePages_InChinese_HaveNoEnglishWordsOutsideCodes()
    {
        var client = factory.CreateClient();
        var ids = await InstitutionIdsAsync();
        var pages = new List<string> { "/prices", "/prices/compare?item=basic.cremation", await CalculatorWithAResultAsync(client, ids[0]), "/prices/calculator?list=1" };
        pages.AddRange(ids.Select(id => $"/prices/{id}"));
        foreach (var page in pages) PageLanguage.AssertIn(await client.GetStringAsync(page), "zh-CN", page);
    }

    [Fact]
    public async Task StaffPricePages_InEnglish_HaveNoChineseOutsideTypedNames()
    {
        foreach (var (user, pages) in new[]
        {
            ("funeral.liu", new[] { "/prices/manage", "/prices/bills/new" }),
            ("supervisor.zhou", new[] { "/supervision/prices", "/supervision/prices?all=true", "/supervision/price-warnings", "/supervision/price-warnings?status=closed",
                "/supervision/price-statistics", "/supervision/price-settings" }),
        })
        {
            var staff = await EnglishAsync(await SignedIn.AsAsync(factory, user));
            foreach (var page in pages) PageLanguage.AssertIn(await staff.GetStringAsync(page), "en", page);
        }
    }

    [Fact]
    public async Task StaffPricePages_InChinese_HaveNoEnglishWordsOutsideCodes()
    {
        foreach (var (user, pages) in new[]
        {
            ("funeral.liu", new[] { "/prices/manage", "/prices/bills/new" }),
            ("supervisor.zhou", new[] { "/supervision/prices?all=true", "/supervision/price-warnings", "/supervision/price-statistics", "/supervision/price-settings" }),
        })
        {
            var staff = await SignedIn.AsAsync(factory, user);
            foreach (var page in pages) PageLanguage.AssertIn(await staff.GetStringAsync(page), "zh-CN", page);
        }
    }

    [Fact]
    public async Task PriceList_InEnglish_GivesUnitsBasesAndCategoriesInEnglish_AndMarksTypedNamesAsChinese()
    {
        var client = await EnglishAsync(factory.CreateClient());
        var id = (await client.GetFromJsonAsync<JsonElement>("/api/v1/price-lists")).EnumerateArray()
            .First(i => i.GetProperty("type").GetString() == "funeral-home").GetProperty("institutionId").GetString()!;
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/prices/{id}"));
        Assert.Contains("Pricing basis: Government-guided price; free for residents", html);
        Assert.Contains("<span class=\"unit\">/ service</span>", html);
        Assert.Contains(">Basic funeral services</h2>", html);
        Assert.Contains("<h1 lang=\"zh-CN\">", html);
    }

    [Fact]
    public async Task PriceList_CallsTheInstitutionAndThe12358LineWithATap()
    {
        var client = factory.CreateClient();
        var institution = (await client.GetFromJsonAsync<JsonElement>("/api/v1/price-lists")).EnumerateArray().First();
        var phone = institution.GetProperty("phone").GetString()!;
        var html = await client.GetStringAsync($"/prices/{institution.GetProperty("institutionId").GetString()}");
        Assert.Contains($"<a class=\"phone-link\" href=\"tel:{new string(phone.Where(char.IsAsciiDigit).ToArray())}\">{phone}</a>", html);
        Assert.Contains("<a class=\"phone-link\" href=\"tel:12358\">12358</a>", html);
        Assert.Contains("class=\"phone-link\" href=\"tel:", await client.GetStringAsync("/prices"));
    }

    [Fact]
    public async Task Calculator_WithNoInstitutionTicked_SaysSoInTheSummary_LinkedToTheChoice()
    {
        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/prices/calculator?list=1"));
        Assert.Contains("data-error-summary", html);
        Assert.Contains("data-field=\"institution\">请至少选择一个机构。</a>", html);
        Assert.Contains("<p class=\"field-error\" id=\"institution-error\">请至少选择一个机构。</p>", html);
        Assert.Contains("<fieldset id=\"institution\"", html);
    }

    [Fact]
    public async Task Calculator_WithNoServiceTicked_OrABadQuantity_SaysSoInTheSummary_LinkedToTheField()
    {
        var client = factory.CreateClient();
        var id = (await InstitutionIdsAsync())[0];
        var none = WebUtility.HtmlDecode(await client.GetStringAsync($"/prices/calculator?calc=1&institution={id}"));
        Assert.Contains("data-field=\"item\">请至少选择一个服务项目。</a>", none);
        Assert.Contains("<p class=\"field-error\" id=\"item-error\">请至少选择一个服务项目。</p>", none);
        Assert.DoesNotContain("calc-result", none);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/price-lists/{id}");
        var item = list.GetProperty("items").EnumerateArray().First().GetProperty("itemId").GetGuid();
        var bad = WebUtility.HtmlDecode(await client.GetStringAsync($"/prices/calculator?calc=1&institution={id}&item={item}&q-{item:N}=100"));
        Assert.Contains($"data-field=\"qty-{item:N}\">数量须为 1 到 99 的整数。</a>", bad);
        Assert.Contains($"<p class=\"field-error\" id=\"qty-{item:N}-error\">数量须为 1 到 99 的整数。</p>", bad);
        Assert.Contains("value=\"100\"", bad);
    }

    [Fact]
    public async Task Compare_WithNoItemChosen_SaysSo_AndAnUnknownItem_OffersTheNextStep()
    {
        var client = factory.CreateClient();
        var none = WebUtility.HtmlDecode(await client.GetStringAsync("/prices/compare?item="));
        Assert.Contains("data-field=\"item\">请选择项目</a>", none);
        var unknown = WebUtility.HtmlDecode(await client.GetStringAsync("/prices/compare?item=no-such-item"));
        Assert.Contains("class=\"empty-state\"", unknown);
        Assert.Contains("<a href=\"/prices/compare\">选择其他项目</a>", unknown);
    }

    [Fact]
    public async Task Directory_WithAnUnknownFilter_SaysSo_AndAnEmptyResult_OffersAllInstitutions()
    {
        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/prices?district=" + Uri.EscapeDataString("没有这个区")));
        Assert.Contains("data-field=\"district\">没有这个区县，请从列表中选择。</a>", html);
        Assert.Contains("<p class=\"field-error\" id=\"district-error\">", html);
        Assert.Contains("class=\"empty-state\"", html);
        Assert.Contains("<a href=\"/prices\">查看全部机构</a>", html);
    }

    [Fact]
    public async Task ReviewPages_ExplainTheirStatusWords_WithABadgeAndALegend_AndLinkEachRow()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var changes = await supervisor.GetStringAsync("/supervision/prices?all=true");
        var warnings = await supervisor.GetStringAsync("/supervision/price-warnings");
        foreach (var html in new[] { changes, warnings }) Assert.Contains("<details class=\"status-legend\">", html);
        Assert.Contains("title=\"尚未核查：公示价格上标出预警，核查后填写处理说明关闭。\"", warnings);
        Assert.Contains("<span class=\"status status-open\"", warnings);
        Assert.Matches("<li class=\"warning-card\"[^>]*>\\s*<div class=\"warning-head\">.*?<a href=\"/prices/[0-9a-f-]{36}#item-[0-9a-f-]{36}\"", warnings.ReplaceLineEndings(" "));
    }

    [Fact]
    public async Task Statistics_TilesAndRows_LeadToTheirDetail()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = WebUtility.HtmlDecode(await supervisor.GetStringAsync("/supervision/price-statistics"));
        Assert.Contains("<a class=\"tile-link\" href=\"/supervision/price-statistics#by-institution\">", html);
        Assert.Matches("<th scope=\"row\"><a href=\"/supervision/price-statistics\\?from=\\d{4}-\\d{2}&to=\\d{4}-\\d{2}\"", html);

        var bad = WebUtility.HtmlDecode(await supervisor.GetStringAsync("/supervision/price-statistics?from=2026-13"));
        Assert.Contains("data-error-summary", bad);
        Assert.Contains("data-field=\"from\"", bad);
        Assert.Contains("id=\"from-error\"", bad);
    }

    [Fact]
    public async Task StaffForms_MarkTheirRequiredFields()
    {
        var clerk = await SignedIn.AsAsync(factory, "funeral.liu");
        var propose = await clerk.GetStringAsync("/prices/manage");
        foreach (var id in new[] { "itemId", "newPrice", "effectiveFrom" })
            Assert.Matches($"<(input|select) id=\"{id}\"[^>]*required=\"\" aria-required=\"true\"|<(input|select) id=\"{id}\"[^>]*required aria-required=\"true\"", propose);
        var bill = await clerk.GetStringAsync("/prices/bills/new");
        foreach (var id in new[] { "certificateNumber", "serviceDate" })
            Assert.Matches($"<input id=\"{id}\"[^>]*aria-required=\"true\"", bill);
    }
}
