using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>Funeral cost statistics for the bureau, computed from the bills in the database.</summary>
public sealed class StatisticsTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly string ThisMonth = PricingTestHelpers.Today.ToString("yyyy-MM");

    [Fact]
    public async Task Statistics_AreForTheBureauOnly()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/pricing/statistics")).StatusCode);
        foreach (var who in new[] { "demo-funeral-home", "demo-bank" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync(who)).GetAsync("/api/v1/pricing/statistics")).StatusCode);
        var bad = await (await (await factory.ClientForAsync("demo-civil-affairs")).GetAsync("/api/v1/pricing/statistics?from=2026-13")).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task Statistics_MatchTheBillsInTheDatabase_PerFuneralAndByInstitutionAndMonth()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var stats = await (await bureau.GetAsync("/api/v1/pricing/statistics")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(12, stats.GetProperty("byMonth").GetArrayLength());
        Assert.Equal(ThisMonth, stats.GetProperty("to").GetString());

        List<Bill> bills;
        List<BillLine> lines;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var from = DateOnly.Parse(stats.GetProperty("from").GetString() + "-01");
            bills = await db.Set<Bill>().AsNoTracking().Where(b => b.ServiceDate >= from).ToListAsync();
            var ids = bills.Select(b => b.Id).ToList();
            lines = await db.Set<BillLine>().AsNoTracking().Where(l => ids.Contains(l.BillId)).ToListAsync();
        }
        Assert.True(bills.Count > 100, "the demo data holds a year of bills");
        var perFuneral = bills.GroupBy(b => b.CaseId).Select(g => g.Sum(b => b.Total)).Order().ToList();
        var overall = stats.GetProperty("overall");
        Assert.Equal(perFuneral.Count, overall.GetProperty("funerals").GetInt32());
        Assert.Equal(bills.Count, overall.GetProperty("bills").GetInt32());
        Assert.Equal(bills.Sum(b => b.Total), overall.GetProperty("total").GetDecimal());
        Assert.Equal(Math.Round(perFuneral.Sum() / perFuneral.Count, 2, MidpointRounding.AwayFromZero), overall.GetProperty("averagePerFuneral").GetDecimal());
        var mid = perFuneral.Count / 2;
        var median = perFuneral.Count % 2 == 1 ? perFuneral[mid] : (perFuneral[mid - 1] + perFuneral[mid]) / 2;
        Assert.Equal(Math.Round(median, 2, MidpointRounding.AwayFromZero), overall.GetProperty("medianPerFuneral").GetDecimal());
        var basic = lines.Where(l => l.Category.ToCode() == "basic").Sum(l => l.Amount) / bills.Sum(b => b.Total);
        Assert.Equal(Math.Round(basic, 4, MidpointRounding.AwayFromZero), overall.GetProperty("basicShare").GetDecimal());
        Assert.Equal(bills.Sum(b => b.Subsidy), overall.GetProperty("subsidy").GetDecimal());

        // Each institution's row covers its bills; the months add up to the whole.
        var byInstitution = stats.GetProperty("byInstitution").EnumerateArray().ToList();
        Assert.Equal(bills.Select(b => b.InstitutionId).Distinct().Count(), byInstitution.Count);
        foreach (var row in byInstitution)
        {
            var own = bills.Where(b => b.InstitutionId == Guid.Parse(row.GetProperty("key").GetString()!)).ToList();
            Assert.Equal(own.Count, row.GetProperty("bills").GetInt32());
            Assert.Equal(own.Sum(b => b.Total), row.GetProperty("total").GetDecimal());
        }
        Assert.Equal(perFuneral.Count, stats.GetProperty("byMonth").EnumerateArray().Sum(m => m.GetProperty("funerals").GetInt32()));

        // Against the baseline: (average − baseline) / baseline.
        var baseline = stats.GetProperty("baselineAveragePerFuneral").GetDecimal();
        Assert.True(baseline > 0);
        var average = overall.GetProperty("averagePerFuneral").GetDecimal();
        Assert.Equal(Math.Round((average - baseline) / baseline * 100, 2, MidpointRounding.AwayFromZero), overall.GetProperty("changeVsBaselinePercent").GetDecimal());
    }

    [Fact]
    public async Task ANewBill_CountsInThisMonthsFigures_AndTheBaselineIsTheBureausSetting()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var shop = await factory.InstitutionAsync("huimin-service-shop");
        JsonElement Month(JsonElement s) => s.GetProperty("byMonth").EnumerateArray().Single(m => m.GetProperty("key").GetString() == ThisMonth);
        var before = Month(await (await bureau.GetAsync($"/api/v1/pricing/statistics?institutionId={shop}")).JsonAsync());

        var vigil = (await factory.CreateClient().PriceListAsync(shop)).Item("nonbasic.master-of-ceremonies");
        var caseId = await factory.OpenCaseAsync();
        await factory.LinkAsync(caseId, "huimin-service-shop");
        var bill = await (await (await factory.ClientForAsync("demo-service-shop")).BillAsync(caseId, shop, null, (vigil.Id(), 1)))
            .ExpectJsonAsync(HttpStatusCode.Created);

        var after = await (await bureau.GetAsync($"/api/v1/pricing/statistics?institutionId={shop}&from={ThisMonth}&to={ThisMonth}")).JsonAsync();
        Assert.Single(after.GetProperty("byMonth").EnumerateArray());
        var month = Month(after);
        Assert.Equal(before.GetProperty("funerals").GetInt32() + 1, month.GetProperty("funerals").GetInt32());
        Assert.Equal(before.GetProperty("total").GetDecimal() + bill.GetProperty("total").GetDecimal(), month.GetProperty("total").GetDecimal());

        var settings = JsonSerializer.Deserialize<Dictionary<string, object?>>((await (await bureau.GetAsync("/api/v1/pricing/settings")).JsonAsync()).GetRawText())!;
        var average = month.GetProperty("averagePerFuneral").GetDecimal();
        settings["baselineAveragePerFuneral"] = average * 2;
        settings["baselineLabel"] = "测试基线";
        Assert.Equal(HttpStatusCode.OK, (await bureau.PutAsJsonAsync("/api/v1/pricing/settings", settings)).StatusCode);
        var compared = await (await bureau.GetAsync($"/api/v1/pricing/statistics?institutionId={shop}&from={ThisMonth}&to={ThisMonth}")).JsonAsync();
        Assert.Equal("测试基线", compared.GetProperty("baselineLabel").GetString());
        Assert.Equal(-50m, Month(compared).GetProperty("changeVsBaselinePercent").GetDecimal());
    }

    [Fact]
    public async Task Statistics_ExportToExcel_ForTheBureau()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync("demo-funeral-home")).GetAsync("/api/v1/pricing/statistics/export.xlsx")).StatusCode);
        var response = await (await factory.ClientForAsync("demo-civil-affairs")).GetAsync("/api/v1/pricing/statistics/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        var texts = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
        Assert.Contains("殡葬费用统计", texts);
        Assert.Contains("贵阳市殡仪馆", texts);
        Assert.Contains(ThisMonth, texts);
    }
}
