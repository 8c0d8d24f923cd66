using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>The staff page where funeral homes and cemeteries without their own system issue a bill, through the form as a browser without script would.</summary>
public sealed partial class IssueBillPageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private const string Page = "/prices/bills/new";

    private static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";

    private static string Quantity(JsonElement item) => $"qty-{item.Id():N}";

    private async Task<string> CertificateNumberAsync(Guid caseId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        return await db.Set<Hereafter.Web.Modules.Sharing.Data.DeathCase>().Where(c => c.Id == caseId).Select(c => c.CertificateNumber).SingleAsync();
    }

    private async Task<int> BillCountAsync(Guid caseId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<Bill>().CountAsync(b => b.CaseId == caseId);
    }

    [Fact]
    public async Task FuneralHomeClerk_IssuesABill_AndGetsTheFamilyLink()
    {
        var list = await factory.CreateClient().PriceListAsync(await factory.InstitutionAsync("gy-funeral-home"));
        var cremation = list.Item("basic.cremation");
        var hall = list.Item("nonbasic.large-hall");
        var caseId = await factory.OpenCaseAsync();
        var clerk = await SignedIn.AsAsync(factory, "funeral.liu");

        var page = await clerk.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = await page.Content.ReadAsStringAsync();
        Assert.Single(H1().Matches(form));
        foreach (Match input in Inputs().Matches(form))
            Assert.Contains($"for=\"{input.Groups[1].Value}\"", form);
        Assert.Contains($"<label for=\"{Quantity(cremation)}\"><span lang=\"zh-CN\">{cremation.GetProperty("name").GetString()}</span>", form);
        Assert.Contains($"value=\"{PricingTestHelpers.Today:yyyy-MM-dd}\"", form); // service date defaults to today

        var response = await HtmlForms.SubmitAsync(clerk, Page, "bill", new Dictionary<string, string>
        {
            ["certificateNumber"] = await CertificateNumberAsync(caseId),
            ["serviceDate"] = PricingTestHelpers.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [Quantity(cremation)] = "1",
            [Quantity(hall)] = "2",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已出具结算单", html);
        var total = cremation.Price() + 2 * hall.Price();
        Assert.Contains($"<dd class=\"bill-total\">{Yuan(total)}</dd>", html);
        Assert.Contains($"<dd class=\"bill-subsidy\">−{Yuan(cremation.Price())}</dd>", html);
        Assert.Contains($"<dd class=\"bill-payable\">{Yuan(2 * hall.Price())}</dd>", html);
        Assert.Equal(1, await BillCountAsync(caseId));

        var link = FamilyLink().Match(html);
        Assert.True(link.Success, "the page shows the family link");
        var family = await factory.CreateClient().GetAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, family.StatusCode);
        Assert.Contains(hall.GetProperty("name").GetString()!, await family.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BadForm_ShowsChineseFieldErrors_AndIssuesNothing()
    {
        var list = await factory.CreateClient().PriceListAsync(await factory.InstitutionAsync("gy-funeral-home"));
        var cremation = list.Item("basic.cremation");
        var caseId = await factory.OpenCaseAsync();
        var number = await CertificateNumberAsync(caseId);
        var clerk = await SignedIn.AsAsync(factory, "funeral.liu");

        async Task<string> Submit(Dictionary<string, string> fields) =>
            WebUtility.HtmlDecode(await (await HtmlForms.SubmitAsync(clerk, Page, "bill", fields)).Content.ReadAsStringAsync());

        var none = await Submit(new() { ["certificateNumber"] = number });
        Assert.Contains("<p class=\"field-error\" id=\"items-error\">请至少填写一个项目的数量。</p>", none);
        Assert.Contains("data-field=\"items\">请至少填写一个项目的数量。</a>", none);

        var bad = await Submit(new() { ["certificateNumber"] = number, [Quantity(cremation)] = "1.5" });
        Assert.Contains($"<p class=\"field-error\" id=\"{Quantity(cremation)}-error\">数量须为 0 到 999 的整数。</p>", bad);
        Assert.Contains($"data-field=\"{Quantity(cremation)}\">数量须为 0 到 999 的整数。</a>", bad);
        Assert.Contains("value=\"1.5\"", bad); // what was typed stays

        var unknown = await Submit(new() { ["certificateNumber"] = "520000000000000000", [Quantity(cremation)] = "1" });
        Assert.Contains("<p class=\"field-error\" id=\"certificateNumber-error\">没有该编号的死亡医学证明，请核对编号。</p>", unknown);
        Assert.Contains("data-field=\"certificateNumber\">没有该编号的死亡医学证明，请核对编号。</a>", unknown);

        var future = await Submit(new()
        {
            ["certificateNumber"] = number, [Quantity(cremation)] = "1",
            ["serviceDate"] = PricingTestHelpers.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.Contains("id=\"serviceDate-error\"", future);
        Assert.Contains("服务日期不能晚于今天", future);

        Assert.Equal(0, await BillCountAsync(caseId));
    }

    [Fact]
    public async Task OnlyFuneralHomesAndCemeteries_SeeThePage_AndTheLink()
    {
        foreach (var user in new[] { "funeral.liu", "cemetery.sun" })
        {
            var staff = await SignedIn.AsAsync(factory, user);
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(Page)).StatusCode);
            Assert.Contains($"href=\"{Page}\"", await staff.GetStringAsync("/"));
        }
        foreach (var user in new[] { "bank.icbc", "supervisor.zhou" })
        {
            var other = await SignedIn.AsAsync(factory, user);
            var response = await other.GetAsync(Page);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("结算单仅限殡仪馆和公墓出具。", await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain($"href=\"{Page}\"", await other.GetStringAsync("/"));
        }
    }

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();

    [GeneratedRegex("<input(?![^>]*type=\"hidden\")[^>]*\\bid=\"([^\"]+)\"")]
    private static partial Regex Inputs();

    [GeneratedRegex("<a href=\"(/bills/[A-Za-z0-9_-]{22})\" class=\"family-url\">")]
    private static partial Regex FamilyLink();
}
