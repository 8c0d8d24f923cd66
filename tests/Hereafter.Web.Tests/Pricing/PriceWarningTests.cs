using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>Plot warnings: raised with evidence, seen by the bureau (and the institution), closed with a note, thresholds changeable.</summary>
public sealed class PriceWarningTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly DateOnly Today = PricingTestHelpers.Today;

    private async Task<List<JsonElement>> OpenWarningsAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/price-warnings?status=open")).JsonAsync()).EnumerateArray().ToList();

    [Fact]
    public async Task Warnings_NeedSignIn_TheBureauSeesAllWithEvidence_AnInstitutionItsOwn()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/price-warnings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync("demo-bank")).GetAsync("/api/v1/price-warnings")).StatusCode);

        // Every warning, open or closed: another test closes one of them.
        var all = (await (await (await factory.ClientForAsync("demo-civil-affairs")).GetAsync("/api/v1/price-warnings")).JsonAsync()).EnumerateArray().ToList();
        var rules = all.Select(w => w.GetProperty("rule").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "above-government-price", "above-reference-ceiling", "price-per-m2-above-median", "area-above-limit", "rise-within-12-months" }, rules);
        var government = all.Single(w => w.GetProperty("rule").GetString() == "above-government-price");
        Assert.Equal("黔灵公益性公墓", government.GetProperty("institutionName").GetString());
        Assert.Equal(6800m, government.GetProperty("observed").GetDecimal());
        Assert.Equal(6000m, government.GetProperty("threshold").GetDecimal());
        Assert.Contains("高于政府定价 6000.00 元", government.GetProperty("evidence").GetString());
        var area = all.Single(w => w.GetProperty("rule").GetString() == "area-above-limit");
        Assert.Equal(7.2m, area.GetProperty("observed").GetDecimal());
        Assert.Equal(6m, area.GetProperty("threshold").GetDecimal());
        var rise = all.Single(w => w.GetProperty("rule").GetString() == "rise-within-12-months");
        Assert.Equal(21.11m, rise.GetProperty("observed").GetDecimal());

        var qingshan = await factory.InstitutionAsync("qingshan-cemetery");
        var own = await OpenWarningsAsync(await factory.ClientForAsync("demo-cemetery-qingshan"));
        Assert.Superset(new HashSet<string?> { "above-reference-ceiling", "price-per-m2-above-median" }, own.Select(w => w.GetProperty("rule").GetString()).ToHashSet());
        Assert.All(own, w => Assert.Equal(qingshan, w.GetProperty("institutionId").GetGuid()));
    }

    [Fact]
    public async Task TheBureauClosesAWarningWithANote_AndThePublicListNoLongerMarksThePlot()
    {
        var cemetery = await factory.InstitutionAsync("qianling-public-cemetery");
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var warning = (await OpenWarningsAsync(bureau)).Single(w => w.GetProperty("rule").GetString() == "above-government-price");
        var id = warning.GetProperty("id").GetGuid();
        Assert.True((await factory.CreateClient().PriceListAsync(cemetery)).Item("plot.ashes-grave.c").GetProperty("warning").GetBoolean());

        Assert.Equal(HttpStatusCode.BadRequest, (await bureau.PostAsJsonAsync($"/api/v1/price-warnings/{id}/closure", new { note = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync("demo-cemetery-public")).PostAsJsonAsync($"/api/v1/price-warnings/{id}/closure", new { note = "已整改" })).StatusCode);

        var closed = await (await bureau.PostAsJsonAsync($"/api/v1/price-warnings/{id}/closure", new { note = "老墓区历史价格，已责令下月起按 6000 元执行" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("老墓区历史价格，已责令下月起按 6000 元执行", closed.GetProperty("closeNote").GetString());
        Assert.False((await factory.CreateClient().PriceListAsync(cemetery)).Item("plot.ashes-grave.c").GetProperty("warning").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await bureau.PostAsJsonAsync($"/api/v1/price-warnings/{id}/closure", new { note = "再次关闭" })).StatusCode);

        // A scan does not raise a reviewed warning again for the same price.
        var raised = await (await bureau.PostAsync("/api/v1/price-warnings/scan", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(raised.EnumerateArray(), w => w.GetProperty("rule").GetString() == "above-government-price");
        Assert.False((await factory.CreateClient().PriceListAsync(cemetery)).Item("plot.ashes-grave.c").GetProperty("warning").GetBoolean());
    }

    [Fact]
    public async Task APlotRiseOfExactlyTenPercent_RaisesNoWarning_JustAbove_Does()
    {
        var cemetery = await factory.InstitutionAsync("jingyunshan-cemetery");
        var list = await factory.CreateClient().PriceListAsync(cemetery);
        var bamboo = list.Item("plot.ashes-grave.bamboo"); // 12,800
        var pine = list.Item("plot.ashes-grave.pine");     // 16,800
        var staff = await factory.ClientForAsync("demo-cemetery");
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var exactly = await staff.ProposeOkAsync(cemetery, bamboo.Id(), 14080m, Today, "绿化改造");   // +10.00 %
        var above = await staff.ProposeOkAsync(cemetery, pine.Id(), 18481.68m, Today, "绿化改造");    // +10.01 %
        Assert.Equal(HttpStatusCode.OK, (await bureau.PostAsync($"/api/v1/price-changes/{exactly}/approval", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bureau.PostAsync($"/api/v1/price-changes/{above}/approval", null)).StatusCode);

        var open = await OpenWarningsAsync(bureau);
        Assert.DoesNotContain(open, w => w.GetProperty("itemId").GetGuid() == bamboo.Id() && w.GetProperty("rule").GetString() == "rise-within-12-months");
        var rise = open.Single(w => w.GetProperty("itemId").GetGuid() == pine.Id() && w.GetProperty("rule").GetString() == "rise-within-12-months");
        Assert.Equal(10.01m, rise.GetProperty("observed").GetDecimal());
        Assert.Contains("由 16800.00 元涨至 18481.68 元", rise.GetProperty("evidence").GetString());
        var now = await factory.CreateClient().PriceListAsync(cemetery);
        Assert.True(now.Item("plot.ashes-grave.pine").GetProperty("warning").GetBoolean());
        Assert.False(now.Item("plot.ashes-grave.bamboo").GetProperty("warning").GetBoolean());
    }

    [Fact]
    public async Task TheBureauChangesAThreshold_AndTheScanWarnsByTheNewOne()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var settings = await (await bureau.GetAsync("/api/v1/pricing/settings")).JsonAsync();
        Assert.Equal(6m, settings.GetProperty("doubleGraveMaxArea").GetDecimal());
        Assert.Equal(1.5m, settings.GetProperty("medianFactor").GetDecimal());
        var fuShou = (await factory.CreateClient().PriceListAsync(await factory.InstitutionAsync("jingyunshan-cemetery"))).Item("plot.double-grave"); // 5.8 m²
        Assert.False(fuShou.GetProperty("warning").GetBoolean());

        var changed = JsonSerializer.Deserialize<Dictionary<string, object?>>(settings.GetRawText())!;
        changed["doubleGraveMaxArea"] = 5.8m;
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync("demo-cemetery")).PutAsJsonAsync("/api/v1/pricing/settings", changed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bureau.PutAsJsonAsync("/api/v1/pricing/settings", changed)).StatusCode);
        Assert.False((await factory.CreateClient().PriceListAsync(await factory.InstitutionAsync("jingyunshan-cemetery"))).Item("plot.double-grave").GetProperty("warning").GetBoolean());

        changed["doubleGraveMaxArea"] = 5.79m;
        var saved = await (await bureau.PutAsJsonAsync("/api/v1/pricing/settings", changed)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(5.79m, saved.GetProperty("doubleGraveMaxArea").GetDecimal());
        var marked = (await factory.CreateClient().PriceListAsync(await factory.InstitutionAsync("jingyunshan-cemetery"))).Item("plot.double-grave");
        Assert.Equal(["area-above-limit"], marked.GetProperty("warningRules").EnumerateArray().Select(r => r.GetString()!).ToArray());

        changed["medianFactor"] = 0.5m;
        changed["riseWindowMonths"] = 0;
        var bad = await (await bureau.PutAsJsonAsync("/api/v1/pricing/settings", changed)).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["medianFactor", "riseWindowMonths"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray());
    }
}
