using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hereafter.Web.Modules.Pricing;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>The family sees the bill: the link returned once when it is issued opens that bill, without signing in.</summary>
public sealed partial class FamilyBillTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";

    private async Task<(Guid Home, JsonElement List, HttpClient Staff)> HomeAsync()
    {
        var home = await factory.InstitutionAsync("gy-funeral-home");
        return (home, await factory.CreateClient().PriceListAsync(home), await factory.ClientForAsync("demo-funeral-home"));
    }

    [Fact]
    public async Task IssuedBill_ReturnsAFamilyLinkOnce_ThatShowsTheBillWithoutSigningIn_AndIsAudited()
    {
        var (home, list, staff) = await HomeAsync();
        var caseId = await factory.OpenCaseAsync(d => d with { Decedent = d.Decedent with { Name = "欧阳秀兰" } });
        var hall = list.Item("nonbasic.large-hall");
        var cremation = list.Item("basic.cremation");
        var storage = list.Item("basic.storage");
        var serviceDate = PricingTestHelpers.Today.AddMonths(-11); // the large hall cost 1,500 then, 1,200 now
        var bill = await (await staff.BillAsync(caseId, home, serviceDate, (cremation.Id(), 1), (storage.Id(), 3), (hall.Id(), 1)))
            .ExpectJsonAsync(HttpStatusCode.Created);
        var familyUrl = bill.GetProperty("familyUrl").GetString()!;
        Assert.Matches("^/bills/[A-Za-z0-9_-]{22}$", familyUrl);

        var family = factory.CreateClient();
        var response = await family.GetAsync(familyUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Single(H1().Matches(html));
        Assert.Contains("<h1>殡葬服务结算单</h1>", html);
        // Both head elements reach the head: the page's style sheet and the request to search engines to keep away.
        Assert.Contains("<meta name=\"robots\" content=\"noindex\"", html);
        Assert.Matches("<link rel=\"stylesheet\" href=\"pricing[^\"]*[.]css\"", html);
        Assert.Contains(bill.GetProperty("number").GetString()!, html);
        Assert.Contains(bill.GetProperty("institutionName").GetString()!, html);
        Assert.Contains(serviceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), html);
        foreach (var (item, quantity, unitPrice) in new[] { (cremation, 1, 480m), (storage, 3, 100m), (hall, 1, 1500m) })
        {
            Assert.Contains(item.GetProperty("name").GetString()!, html);
            Assert.Contains($"{Yuan(unitPrice)} × {quantity} {item.GetProperty("unit").GetString()}", html);
            Assert.Contains(Yuan(unitPrice * quantity), html);
        }
        Assert.Contains($"<dd class=\"bill-total\">{Yuan(2280m)}</dd>", html);
        Assert.Contains($"<dd class=\"bill-subsidy\">−{Yuan(780m)}</dd>", html);
        Assert.Contains($"<dd class=\"bill-payable\">{Yuan(1500m)}</dd>", html);
        Assert.Contains("12358", html);
        Assert.Contains("<dd class=\"decedent\" lang=\"zh-CN\">欧**兰</dd>", html);
        Assert.DoesNotContain("欧阳秀兰", html);

        // The link is shown once: reading the bill later does not give it again, and only its hash is stored.
        var again = await (await staff.GetAsync($"/api/v1/bills/{bill.GetProperty("id").GetGuid()}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.False(again.TryGetProperty("familyUrl", out var url) && url.ValueKind != JsonValueKind.Null);
        var code = familyUrl["/bills/".Length..];
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var stored = await db.Set<Bill>().SingleAsync(b => b.Id == bill.GetProperty("id").GetGuid());
        Assert.Equal(FamilyBillCode.Hash(code), stored.FamilyCodeHash);
        Assert.DoesNotContain(code, stored.FamilyCodeHash, StringComparison.Ordinal);
        var read = await db.Set<AuditEntry>().Where(e => e.Action == "bill.family-read" && e.Subject == "bill:" + stored.Number).ToListAsync();
        var entry = Assert.Single(read);
        Assert.Equal("anonymous", entry.ActorId);
        Assert.Equal("family", entry.Purpose);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")] // well formed, matches no bill
    [InlineData("not-a-code")]
    public async Task WrongCode_Is404_WithTheReason(string code)
    {
        var response = await factory.CreateClient().GetAsync("/bills/" + code);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>未找到结算单</h1>", html);
        Assert.Contains("没有与此查看码对应的结算单", html);
    }

    [Fact]
    public async Task FamilyLink_ShowsOnlyItsOwnBill()
    {
        var (home, list, staff) = await HomeAsync();
        var cremation = list.Item("basic.cremation");
        var hall = list.Item("nonbasic.large-hall");
        var ours = await (await staff.BillAsync(await factory.OpenCaseAsync(), home, null, (cremation.Id(), 1))).ExpectJsonAsync(HttpStatusCode.Created);
        var theirs = await (await staff.BillAsync(await factory.OpenCaseAsync(), home, null, (hall.Id(), 2))).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.NotEqual(ours.GetProperty("familyUrl").GetString(), theirs.GetProperty("familyUrl").GetString());

        var html = await factory.CreateClient().GetStringAsync(ours.GetProperty("familyUrl").GetString());
        Assert.Contains(ours.GetProperty("number").GetString()!, html);
        Assert.Contains(cremation.GetProperty("name").GetString()!, html);
        Assert.DoesNotContain(theirs.GetProperty("number").GetString()!, html);
        Assert.DoesNotContain(hall.GetProperty("name").GetString()!, html);
        Assert.Single(Regex.Matches(html, "class=\"bill-line\""));
    }

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();
}
