using System.Net;
using System.Net.Http.Json;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>Pricing's messages come from the catalogue: the API sends their code, and each language its own text.</summary>
public sealed class PricingMessageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task ACalculationWithoutLines_AnswersTheFieldCode_InChineseByDefault_AndInEnglishWhenAsked()
    {
        var client = factory.CreateClient();
        var chinese = await (await client.PostAsJsonAsync("/api/v1/price-calculations", new { lines = Array.Empty<object>() }))
            .ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("请至少选择一项。", chinese.GetProperty("errors").GetProperty("lines")[0].GetString());
        Assert.Equal("pricing.calculation.no-lines", chinese.GetProperty("errorCodes").GetProperty("lines")[0].GetString());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/price-calculations") { Content = JsonContent.Create(new { lines = Array.Empty<object>() }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await client.SendAsync(request)).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Choose at least one item.", english.GetProperty("errors").GetProperty("lines")[0].GetString());
        Assert.Equal("pricing.calculation.no-lines", english.GetProperty("errorCodes").GetProperty("lines")[0].GetString());
    }

    [Fact]
    public async Task AnUnknownPriceList_Answers404_WithItsCode_InTheAskedLanguage()
    {
        var client = factory.CreateClient();
        var path = $"/api/v1/price-lists/{Guid.NewGuid()}";
        var chinese = await (await client.GetAsync(path)).ExpectJsonAsync(HttpStatusCode.NotFound);
        Assert.Equal("pricing.price-list.not-found", chinese.GetProperty("code").GetString());
        Assert.Equal("没有以此 id 公示价目表的机构。", chinese.GetProperty("detail").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await client.SendAsync(request)).ExpectJsonAsync(HttpStatusCode.NotFound);
        Assert.Equal("pricing.price-list.not-found", english.GetProperty("code").GetString());
        Assert.Equal("No institution publishes a price list under this id.", english.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ARefusedPrice_CarriesTheRulesCode()
    {
        var institution = await factory.InstitutionAsync("wudang-funeral-home");
        var staff = await factory.ClientForAsync("demo-funeral-home-2");
        var item = (await factory.CreateClient().PriceListAsync(institution)).Item("basic.cremation");
        var refused = await (await staff.ProposeAsync(institution, item.Id(), -1m, PricingTestHelpers.Today.AddDays(30)))
            .ExpectJsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("pricing.price.negative", refused.GetProperty("code").GetString());
        Assert.Equal("价格不能为负数。", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheSettingsPageInEnglish_ShowsTheRangeErrorInEnglish()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        (await supervisor.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        const string page = "/supervision/price-settings";
        var html = await supervisor.GetStringAsync(page);
        var fields = System.Text.RegularExpressions.Regex.Matches(html, "<input[^>]*name=\"(?<name>[A-Za-z]+)\"[^>]*value=\"(?<value>[^\"]*)\"")
            .ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["medianFactor"] = "0.5";
        var answer = WebUtility.HtmlDecode(await (await HtmlForms.SubmitAsync(supervisor, page, "settings", fields)).Content.ReadAsStringAsync());
        Assert.Contains("id=\"medianFactor-error\">Must be between 1 and 10.</p>", answer);
        Assert.Contains("data-field=\"medianFactor\">Must be between 1 and 10.</a>", answer);
        Assert.DoesNotContain("须在 1 到 10 之间。", answer);
    }
}
