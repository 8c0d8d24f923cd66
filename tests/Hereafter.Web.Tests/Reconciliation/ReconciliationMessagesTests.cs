using System.Net;
using System.Net.Http.Json;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;

namespace Hereafter.Web.Tests.Reconciliation;

/// <summary>The module's messages come from the catalogue: the API sends their codes, and each language reads its own text.</summary>
public sealed class ReconciliationMessagesTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task AFieldError_CarriesItsCode_InChineseByDefault_AndInEnglishWhenAsked()
    {
        var clerk = await factory.ClientForAsync("demo-social-security");
        var path = $"/api/v1/reconciliation/rolls/{Guid.NewGuid()}/stops/2/execution";

        var chinese = await clerk.PostAsJsonAsync(path, new { effectiveMonth = "2026-13" });
        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        var body = await chinese.JsonAsync();
        Assert.Equal("停发月份须为 YYYY-MM，如 2026-12", body.GetProperty("errors").GetProperty("effectiveMonth")[0].GetString());
        Assert.Equal("reconciliation.stop.month-invalid", body.GetProperty("errorCodes").GetProperty("effectiveMonth")[0].GetString());

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { effectiveMonth = "" }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await clerk.SendAsync(request)).JsonAsync();
        Assert.Equal("The month must be YYYY-MM, e.g. 2026-12", english.GetProperty("errors").GetProperty("effectiveMonth")[0].GetString());
        Assert.Equal("reconciliation.stop.month-invalid", english.GetProperty("errorCodes").GetProperty("effectiveMonth")[0].GetString());
    }

    [Fact]
    public async Task AProblem_CarriesItsCode_InChineseByDefault_AndInEnglishWhenAsked()
    {
        var clerk = await factory.ClientForAsync("demo-social-security");
        var path = $"/api/v1/reconciliation/rolls/{Guid.NewGuid()}";

        var chinese = await clerk.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, chinese.StatusCode);
        var body = await chinese.JsonAsync();
        Assert.Equal("没有这条比对记录，或它属于其他单位。", body.GetProperty("detail").GetString());
        Assert.Equal("reconciliation.roll.not-found", body.GetProperty("code").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await clerk.SendAsync(request)).JsonAsync();
        Assert.Equal("No such reconciliation job for your organisation.", english.GetProperty("detail").GetString());
        Assert.Equal("reconciliation.roll.not-found", english.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ARejectedRow_ReadsInChineseOnTheChinesePage_AndAsTheEngineWroteItInEnglish()
    {
        var clerk = await factory.ClientForAsync("demo-civil-affairs");
        var id = await clerk.UploadAcceptedAsync("dibao", $"身份证号,姓名,出生日期,月发放金额,已发放至,项目,账号\n{People.Next().IdNumber},测试甲,,abc,2026-13,,\n");
        Assert.Equal("completed", (await clerk.WaitFinishedAsync(id)).GetProperty("status").GetString());
        // The stored reason, and so the API and rejected.csv, stays the engine's English text.
        var stored = Assert.Single(await clerk.ItemsAsync(id, "rejected")).GetProperty("reason").GetString();
        Assert.StartsWith("monthly_amount: not a non-negative decimal with at most two decimals", stored, StringComparison.Ordinal);

        var page = await SignedIn.AsAsync(factory, "clerk.civil");
        var chinese = await page.GetStringAsync($"/reconciliation/{id}");
        // The value quoted from the file is data, marked so that it is not read (or scanned) as the page's language.
        Assert.Contains("月发放金额：不是非负数，或超过两位小数（<span translate=\"no\">&quot;abc&quot;</span>）；已发放至：不是 YYYY-MM、YYYY/MM 或 YYYYMM 格式的月份（<span translate=\"no\">&quot;2026-13&quot;</span>）", chinese);
        Assert.DoesNotContain("monthly_amount: not a non-negative decimal", chinese);

        var english = await page.GetStringAsync($"/reconciliation/{id}?culture=en");
        Assert.Contains("monthly_amount: not a non-negative decimal with at most two decimals (<span translate=\"no\">&quot;abc&quot;</span>); paid_through: not a month YYYY-MM, YYYY/MM or YYYYMM (<span translate=\"no\">&quot;2026-13&quot;</span>)", english);
    }

    [Fact]
    public async Task AFailedJob_ShowsItsHeadlineInEnglish_OnTheEnglishPage()
    {
        var clerk = await factory.ClientForAsync("demo-civil-affairs");
        var id = await clerk.UploadAcceptedAsync("dibao", "编号,备注\n1,2\n");
        await clerk.WaitFinishedAsync(id);
        var page = await SignedIn.AsAsync(factory, "clerk.civil");
        var html = await page.GetStringAsync($"/reconciliation/{id}?culture=en");
        Assert.Contains("Required columns are missing: id_number, name, monthly_amount, paid_through (Chinese or English headers).", html);
        Assert.DoesNotContain("缺少必需的列：身份证号、姓名、月发放金额、已发放至（中英文表头均可）。", html);
    }
}
