using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>The bureau's page for warning thresholds and the statistics baseline, through the form as a browser without script would.</summary>
public sealed partial class PricingSettingsPageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private const string Page = "/supervision/price-settings";
    private const string MedianRule = "price-per-m2-above-median";

    private static async Task<int> OpenMedianWarningsAsync(HttpClient bureau) =>
        (await (await bureau.GetAsync("/api/v1/price-warnings?status=open")).ExpectJsonAsync(HttpStatusCode.OK))
        .EnumerateArray().Count(w => w.GetProperty("rule").GetString() == MedianRule);

    /// <summary>Every field as the page shows it now, with <paramref name="changes"/> applied.</summary>
    private static async Task<Dictionary<string, string>> FieldsAsync(HttpClient client, params (string Name, string Value)[] changes)
    {
        var html = await client.GetStringAsync(Page);
        var fields = TextInputs().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in changes) fields[name] = value;
        return fields;
    }

    [Fact]
    public async Task Supervisor_ChangesTheMedianMultiplier_AndTheScanRunsAgain()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var page = await supervisor.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Single(Regex.Matches(html, "<h1[ >]"));
        Assert.Contains("<label for=\"medianFactor\">每平方米价格超过同类墓位全市中位数的倍数<span class=\"req\" aria-hidden=\"true\">*</span></label>", html);
        Assert.Contains("id=\"medianFactor\" name=\"medianFactor\"", html);
        Assert.Contains("value=\"1.5\"", html);
        Assert.Contains($"href=\"{Page}\"", await supervisor.GetStringAsync("/"));
        var before = await OpenMedianWarningsAsync(bureau);

        var saved = WebUtility.HtmlDecode(await (await HtmlForms.SubmitAsync(supervisor, Page, "settings",
            await FieldsAsync(supervisor, ("medianFactor", "1")))).Content.ReadAsStringAsync());
        Assert.Contains("已保存，墓位价格已按新阈值重新扫描。", saved);
        var settings = await (await bureau.GetAsync("/api/v1/pricing/settings")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1m, settings.GetProperty("medianFactor").GetDecimal());
        Assert.True(await OpenMedianWarningsAsync(bureau) > before, "a plot above the median per m² is warned once the multiplier is 1");
    }

    [Fact]
    public async Task BadValues_ShowChineseFieldErrors_AndChangeNothing()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var before = (await (await bureau.GetAsync("/api/v1/pricing/settings")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("riseWindowMonths").GetInt32();

        var html = WebUtility.HtmlDecode(await (await HtmlForms.SubmitAsync(supervisor, Page, "settings",
            await FieldsAsync(supervisor, ("medianFactor", "abc"), ("riseWindowMonths", "2")))).Content.ReadAsStringAsync());
        Assert.Contains("<p class=\"field-error\" id=\"medianFactor-error\">须为数字，如 1.5。</p>", html);
        // The one error summary at the top, each message a link to its field (issue #10).
        Assert.Contains("data-error-summary", html);
        Assert.Contains("href=\"/supervision/price-settings#medianFactor\" data-field=\"medianFactor\">须为数字，如 1.5。</a>", html);
        Assert.Contains("value=\"abc\"", html);

        var range = WebUtility.HtmlDecode(await (await HtmlForms.SubmitAsync(supervisor, Page, "settings",
            await FieldsAsync(supervisor, ("medianFactor", "0.5"), ("riseWindowMonths", "2")))).Content.ReadAsStringAsync());
        Assert.Contains("<p class=\"field-error\" id=\"medianFactor-error\">须在 1 到 10 之间。</p>", range);
        Assert.Contains("data-field=\"medianFactor\">须在 1 到 10 之间。</a>", range);

        var after = await (await bureau.GetAsync("/api/v1/pricing/settings")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(before, after.GetProperty("riseWindowMonths").GetInt32());
        Assert.NotEqual(0.5m, after.GetProperty("medianFactor").GetDecimal());
    }

    [Fact]
    public async Task OnlyTheBureausSupervisors_OpenThePage()
    {
        foreach (var user in new[] { "clerk.civil", "funeral.liu", "bank.icbc" })
        {
            var other = await SignedIn.AsAsync(factory, user);
            var response = await other.GetAsync(Page);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("预警阈值与统计基准仅限民政部门审核人员设置。", await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain($"href=\"{Page}\"", await other.GetStringAsync("/"));
        }
    }

    [GeneratedRegex("<input id=\"(?<name>[^\"]+)\" name=\"\\k<name>\" type=\"text\"[^>]*?value=\"(?<value>[^\"]*)\"")]
    private static partial Regex TextInputs();
}
