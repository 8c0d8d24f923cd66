using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Hereafter.Domain.Identity;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Reconciliation;

/// <summary>A social-security clerk's roll, from upload through results, review, follow-up and the death case.</summary>
public sealed class ReconcileRollTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task UploadedRoll_Completes_WithStopsReviewAndRejectedRows_AsTheRulesSay()
    {
        var roll = await SmallRoll.CreateAsync(factory);
        var clerk = await factory.ClientForAsync("demo-social-security");
        var id = await clerk.UploadAcceptedAsync("enterprise-pension", roll.Csv);

        var job = await clerk.WaitFinishedAsync(id);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(100, job.GetProperty("percent").GetInt32());
        var summary = job.GetProperty("summary");
        Assert.Equal(6, summary.GetProperty("rows").GetInt64());
        Assert.Equal(1, summary.GetProperty("exactStops").GetInt64());
        Assert.Equal(2, summary.GetProperty("review").GetInt64());
        Assert.Equal(2, summary.GetProperty("rejected").GetInt64());
        Assert.Equal(1, summary.GetProperty("unmatched").GetInt64());
        Assert.Equal(2469.00m, summary.GetProperty("overpaidAmount").GetDecimal());

        var stop = Assert.Single(await clerk.ItemsAsync(id, "stops"));
        Assert.Equal(2, stop.GetProperty("row").GetInt64());
        Assert.Equal(PersonalDataMask.IdNumber(roll.Dead.IdNumber), stop.GetProperty("maskedIdNumber").GetString());
        Assert.Equal(1234.50m, stop.GetProperty("monthlyAmount").GetDecimal());
        Assert.Equal(roll.DeathMonth.AddMonths(1).ToString(), stop.GetProperty("stopFrom").GetString());
        Assert.Equal(2, stop.GetProperty("overpaidMonths").GetInt32());
        Assert.Equal(2469.00m, stop.GetProperty("overpaidAmount").GetDecimal());

        var review = await clerk.ItemsAsync(id, "review");
        Assert.Equal([3L, 8L], review.Select(r => r.GetProperty("row").GetInt64()));
        Assert.Equal(["id-match-name-differs", "id-near-match"], review.Select(r => r.GetProperty("reason").GetString()));
        Assert.Equal("身份证号相同，姓名不同", review[0].GetProperty("reasonText").GetString());
        Assert.Equal(1600.00m, review[0].GetProperty("overpaidAmount").GetDecimal());

        var rejected = await clerk.ItemsAsync(id, "rejected");
        Assert.Equal([4L, 7L], rejected.Select(r => r.GetProperty("row").GetInt64()));
        Assert.All(rejected, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("reason").GetString())));

        // The list shows the job with its counts; the full ID never appears in list answers.
        var list = await clerk.GetStringAsync("/api/v1/reconciliation/rolls");
        Assert.Contains(id.ToString(), list);
        Assert.DoesNotContain(roll.Dead.IdNumber, await clerk.GetStringAsync($"/api/v1/reconciliation/rolls/{id}/stops"));

        // Reading the platform's deaths for the job is audited once, with the count.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var read = await db.Set<AuditEntry>().Where(a => a.Subject == $"reconciliation:{id}" && a.Action == "reconciliation.deaths-read").ToListAsync();
        Assert.Contains("active deaths read", Assert.Single(read).Details);
    }

    [Fact]
    public async Task AnXlsxRoll_GivesTheSameResultsAsTheSameRollInCsv()
    {
        var roll = await SmallRoll.CreateAsync(factory);
        var clerk = await factory.ClientForAsync("demo-social-security");
        var fromCsv = await clerk.UploadAcceptedAsync("enterprise-pension", roll.Csv);
        var xlsx = await clerk.UploadAsync("enterprise-pension", ToXlsx(roll.Csv), "名册.xlsx");
        Assert.Equal(HttpStatusCode.Accepted, xlsx.StatusCode);
        var fromXlsx = (await xlsx.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal("completed", (await clerk.WaitFinishedAsync(fromCsv)).GetProperty("status").GetString());
        var job = await clerk.WaitFinishedAsync(fromXlsx);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("summary").GetProperty("exactStops").GetInt64());
        foreach (var kind in new[] { "stops", "review", "rejected" })
            Assert.Equal(await clerk.GetStringAsync($"/api/v1/reconciliation/rolls/{fromCsv}/{kind}.csv"),
                await clerk.GetStringAsync($"/api/v1/reconciliation/rolls/{fromXlsx}/{kind}.csv"));
    }

    /// <summary>The CSV's lines as a worksheet of text cells, blank lines kept as empty rows (row numbers stay the same).</summary>
    private static byte[] ToXlsx(string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"roll-{Guid.NewGuid():n}.xlsx");
        try
        {
            using (var document = SpreadsheetDocument.Create(path, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
            {
                var workbook = document.AddWorkbookPart();
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint index = 0;
                using var reader = new StringReader(csv);
                while (Hereafter.Web.Modules.Reconciliation.Features.DownloadResults.CsvFields.ReadRecord(reader) is { } fields)
                {
                    index++;
                    if (fields is [""]) continue;
                    var row = new Row { RowIndex = index };
                    foreach (var f in fields)
                        row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(f)) });
                    data.Append(row);
                }
                sheetPart.Worksheet = new Worksheet(data);
                workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "roll", SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) }));
                workbook.Workbook.Save();
            }
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Downloads_CsvHasTheEngineColumns_AndXlsxTheSameRows_BothAudited()
    {
        var roll = await SmallRoll.CreateAsync(factory);
        var clerk = await factory.ClientForAsync("demo-social-security");
        var id = await clerk.UploadAcceptedAsync("enterprise-pension", roll.Csv);
        await clerk.WaitFinishedAsync(id);

        var csvResponse = await clerk.GetAsync($"/api/v1/reconciliation/rolls/{id}/stops.csv?culture=en");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csvLines = (await csvResponse.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ResultFilesSink.StopsHeader, csvLines[0]);
        Assert.Equal(2, csvLines.Length);
        Assert.StartsWith($"2,{roll.Dead.IdNumber},{roll.Dead.Name},enterprise-pension,6222000011112222,1234.50,{roll.PaidThrough}", csvLines[1]);
        Assert.EndsWith($"{roll.DeathMonth.AddMonths(1)},2,2469.00,false", csvLines[1]);

        var rejectedCsv = await clerk.GetStringAsync($"/api/v1/reconciliation/rolls/{id}/rejected.csv?culture=en");
        Assert.StartsWith(ResultFilesSink.RejectedHeader + "\n4,", rejectedCsv);
        Assert.Contains("\n7,", rejectedCsv);

        var xlsxResponse = await clerk.GetAsync($"/api/v1/reconciliation/rolls/{id}/review.xlsx?culture=en");
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        var sheet = ReadSheet(await xlsxResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(ResultFilesSink.ReviewHeader.Split(','), sheet[0]);
        Assert.Equal(3, sheet.Count);
        Assert.Equal(["3", "id-match-name-differs", roll.Renamed.IdNumber, "另一人"], sheet[1][..4]);
        Assert.Equal("1600", sheet[1][Array.IndexOf(sheet[0], "overpaid_amount")].TrimEnd('0').TrimEnd('.'));
        Assert.Equal(["8", "id-near-match", roll.NearIdNumber], sheet[2][..3]);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var downloads = await db.Set<AuditEntry>().Where(a => a.Subject == $"reconciliation:{id}" && a.Action == "reconciliation.download")
            .Select(a => a.Details).ToListAsync();
        Assert.Equal(3, downloads.Count);
    }

    /// <summary>The first worksheet's cells as text, row by row (inline strings and numbers).</summary>
    internal static List<string[]> ReadSheet(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        var columns = part.Worksheet.GetFirstChild<Columns>();
        Assert.NotNull(columns); // widths are set explicitly
        Assert.All(columns.Elements<Column>(), c => Assert.True(c.Width?.Value > 0));
        return part.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToArray())
            .ToList();
    }

    [Fact]
    public async Task ReviewQueue_ConfirmBecomesAStop_DismissNeedsAReason_SecondDecisionIsConflict()
    {
        var roll = await SmallRoll.CreateAsync(factory);
        var clerk = await factory.ClientForAsync("demo-social-security");
        var id = await clerk.UploadAcceptedAsync("enterprise-pension", roll.Csv);
        await clerk.WaitFinishedAsync(id);
        var basePath = $"/api/v1/reconciliation/rolls/{id}";

        var confirmed = await clerk.PostAsync($"{basePath}/review/8/confirmation", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var stop = await confirmed.JsonAsync();
        Assert.Equal("review", stop.GetProperty("origin").GetString());
        Assert.Equal(roll.DeathMonth.AddMonths(1).ToString(), stop.GetProperty("stopFrom").GetString());
        Assert.Equal(600.00m, stop.GetProperty("overpaidAmount").GetDecimal());
        Assert.Equal([2L, 8L], (await clerk.ItemsAsync(id, "stops")).Select(s => s.GetProperty("row").GetInt64()));
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsync($"{basePath}/review/8/confirmation", null)).StatusCode);

        var noReason = await clerk.PostAsJsonAsync($"{basePath}/review/3/dismissal", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        var dismissed = await clerk.PostAsJsonAsync($"{basePath}/review/3/dismissal", new { reason = "同号不同人：户籍核实为在世" });
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        Assert.Equal("dismissed", (await dismissed.JsonAsync()).GetProperty("decision").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsync($"{basePath}/review/3/confirmation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsync($"{basePath}/review/2/confirmation", null)).StatusCode);

        var job = await (await clerk.GetAsync(basePath)).JsonAsync();
        Assert.Equal(0, job.GetProperty("summary").GetProperty("reviewPending").GetInt64());
    }

    [Fact]
    public async Task ExecutingAStop_MarksTheDepartmentsCaseTaskDone_AndRecoveryIsRecordedOnce()
    {
        var roll = await SmallRoll.CreateAsync(factory);
        await factory.WaitUntilQuietAsync(); // the death cases are open
        var clerk = await factory.ClientForAsync("demo-social-security");
        var id = await clerk.UploadAcceptedAsync("enterprise-pension", roll.Csv);
        await clerk.WaitFinishedAsync(id);
        var basePath = $"/api/v1/reconciliation/rolls/{id}/stops/2";
        var stopFrom = roll.DeathMonth.AddMonths(1).ToString();

        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync($"{basePath}/execution", new { effectiveMonth = "2026-13" })).StatusCode);
        var executed = await clerk.PostAsJsonAsync($"{basePath}/execution", new { effectiveMonth = stopFrom });
        Assert.Equal(HttpStatusCode.OK, executed.StatusCode);
        Assert.Equal(stopFrom, (await executed.JsonAsync()).GetProperty("executedMonth").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"{basePath}/execution", new { effectiveMonth = stopFrom })).StatusCode);

        var recovered = await clerk.PostAsJsonAsync($"{basePath}/recovery", new { amount = 2469.00m, date = "2026-11-20" });
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal(2469.00m, (await recovered.JsonAsync()).GetProperty("recoveredAmount").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"{basePath}/recovery", new { amount = 1m, date = "2026-11-21" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync($"{basePath}/recovery", new { amount = -1m, date = "x" })).StatusCode);

        // The case of the dead person shows the social-security task done, through the outbox.
        await factory.WaitUntilQuietAsync();
        Guid caseId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            caseId = await db.Set<DeathCase>().Where(c => c.CertificateNumber == roll.CertificateNumbers[0]).Select(c => c.Id).SingleAsync();
        }
        var civil = await factory.ClientForAsync("demo-civil-affairs");
        var deathCase = await (await civil.GetAsync($"/api/v1/cases/{caseId}")).JsonAsync();
        var task = deathCase.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("department").GetString() == "social-security");
        Assert.Equal("done", task.GetProperty("status").GetString());
        Assert.Equal(stopFrom, task.GetProperty("effectiveDate").GetString());
        Assert.Equal(2469.00m, task.GetProperty("amount").GetDecimal());
        Assert.Contains("enterprise-pension", task.GetProperty("note").GetString());
        // The medical-insurance task of the same case is untouched.
        Assert.Equal("pending", deathCase.GetProperty("tasks").EnumerateArray()
            .Single(t => t.GetProperty("department").GetString() == "medical-insurance").GetProperty("status").GetString());
        // The department's feed tells civil affairs once.
        var feed = await civil.ReadFeedAsync(500);
        Assert.Single(feed, e => e.GetProperty("certificateNumber").GetString() == roll.CertificateNumbers[0]
                                 && e.GetProperty("type").GetString() == "case.task-updated");
    }

    [Fact]
    public async Task ADepartment_SeesOnlyItsOwnRolls_AndUploadsOnlyItsOwnProgrammes()
    {
        var roll = await SmallRoll.CreateAsync(factory);
        var social = await factory.ClientForAsync("demo-social-security");
        var id = await social.UploadAcceptedAsync("enterprise-pension", roll.Csv);
        await social.WaitFinishedAsync(id);

        var medical = await factory.ClientForAsync("demo-medical-insurance");
        Assert.Equal(HttpStatusCode.NotFound, (await medical.GetAsync($"/api/v1/reconciliation/rolls/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await medical.GetAsync($"/api/v1/reconciliation/rolls/{id}/stops")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await medical.GetAsync($"/api/v1/reconciliation/rolls/{id}/stops.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await medical.PostAsync($"/api/v1/reconciliation/rolls/{id}/review/3/confirmation", null)).StatusCode);
        Assert.DoesNotContain(id.ToString(), await medical.GetStringAsync("/api/v1/reconciliation/rolls"));

        var bytes = Encoding.UTF8.GetBytes(roll.Csv);
        Assert.Equal(HttpStatusCode.Forbidden, (await medical.UploadAsync("enterprise-pension", bytes)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await medical.UploadAsync("employee-medical", bytes)).StatusCode);
        var hospital = await factory.ClientForAsync("demo-hospital");
        Assert.Equal(HttpStatusCode.Forbidden, (await hospital.UploadAsync("enterprise-pension", bytes)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hospital.GetAsync("/api/v1/reconciliation/rolls")).StatusCode);

        var missing = await social.UploadAsync(null, bytes);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.JsonAsync()).GetProperty("errors").TryGetProperty("programme", out _));
        var unknown = await social.UploadAsync("pension", bytes);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("enterprise-pension", (await unknown.JsonAsync()).GetProperty("errors").GetProperty("programme")[0].GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/reconciliation/rolls")).StatusCode);
    }

    [Fact]
    public async Task UnusableFiles_AreTurnedAwayOrFailWithTheEnginesMessage_NeverAStackTrace()
    {
        var clerk = await factory.ClientForAsync("demo-civil-affairs");
        var junk = await clerk.UploadAsync("dibao", [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10], "roll.csv");
        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
        Assert.Contains("CSV", (await junk.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
        var empty = await clerk.UploadAsync("dibao", [], "roll.csv");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        // Wrong columns are the engine's call: the job fails with its code and message.
        var id = await clerk.UploadAcceptedAsync("dibao", "foo,bar,baz\n1,2,3\n");
        var job = await clerk.WaitFinishedAsync(id);
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("missing-columns", job.GetProperty("errorCode").GetString());
        var error = job.GetProperty("error").GetString()!;
        Assert.DoesNotContain(" at ", error);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.GetAsync($"/api/v1/reconciliation/rolls/{id}/stops")).StatusCode);
    }

    [Fact]
    public async Task UploadsOverTheLimit_Get413WithAClearMessage()
    {
        using var small = new LimitedFactory();
        var clerk = await small.ClientForAsync("demo-social-security");
        var response = await clerk.UploadAsync("enterprise-pension", new byte[3000]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Contains("上传上限", problem.GetProperty("detail").GetString());
    }

    private sealed class LimitedFactory : HereafterFactory
    {
        protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["Reconciliation:MaxUploadBytes"] = "1024" };
    }

    [Fact]
    public async Task Statistics_ArePerProgrammeAndMonth_FromTheStopsAndTheirFollowUp()
    {
        // A programme no other test in this class uses, so the figures are this test's own.
        var roll = await SmallRoll.CreateAsync(factory);
        var clerk = await factory.ClientForAsync("demo-social-security");
        var id = await clerk.UploadAcceptedAsync("resident-pension", roll.Csv);
        await clerk.WaitFinishedAsync(id);
        var basePath = $"/api/v1/reconciliation/rolls/{id}";
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"{basePath}/review/8/confirmation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"{basePath}/stops/2/execution", new { effectiveMonth = "2026-12" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"{basePath}/stops/2/recovery", new { amount = 1000.00m, date = "2027-01-05" })).StatusCode);
        // Next month's roll still lists the same people: they are not found a second time in the figures.
        var again = await clerk.UploadAcceptedAsync("resident-pension", roll.Csv);
        await clerk.WaitFinishedAsync(again);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/v1/reconciliation/rolls/{again}/review/8/confirmation", null)).StatusCode);

        var supervisor = await factory.ClientForAsync("demo-civil-affairs");
        var stats = await (await supervisor.GetAsync("/api/v1/reconciliation/statistics?programme=resident-pension")).JsonAsync();
        var rows = stats.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("month").GetString()!);
        var thisMonth = Hereafter.Domain.Time.ChinaTime.Month(DateTimeOffset.UtcNow);
        Assert.Equal(2, rows[thisMonth].GetProperty("stopsIdentified").GetInt64());          // the exact stop and the confirmed review row
        Assert.Equal(2469.00m + 600.00m, rows[thisMonth].GetProperty("overpaidIdentified").GetDecimal());
        Assert.Equal(1, rows["2026-12"].GetProperty("stopsExecuted").GetInt64());
        Assert.Equal(1234.50m, rows["2026-12"].GetProperty("monthlyPaymentsPrevented").GetDecimal());
        Assert.Equal(1000.00m, rows["2027-01"].GetProperty("overpaidRecovered").GetDecimal());
        var total = stats.GetProperty("total");
        Assert.Equal(2, total.GetProperty("stopsIdentified").GetInt64());
        Assert.Equal(1000.00m, total.GetProperty("overpaidRecovered").GetDecimal());

        var onlyJanuary = await (await supervisor.GetAsync("/api/v1/reconciliation/statistics?programme=resident-pension&from=2027-01&to=2027-01")).JsonAsync();
        Assert.Equal(["2027-01"], onlyJanuary.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("month").GetString()));

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/v1/reconciliation/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/v1/reconciliation/statistics?from=2026-13")).StatusCode);
        var xlsx = await supervisor.GetAsync("/api/v1/reconciliation/statistics.xlsx?programme=resident-pension");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheet = ReadSheet(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal("total", sheet[^1][0]);
    }

}

/// <summary>遗属待遇 for the family portal, with the base taken from configuration (4,000 yuan here).</summary>
public sealed class SurvivorBenefitTests(SurvivorBenefitTests.BaseFactory factory) : IClassFixture<SurvivorBenefitTests.BaseFactory>
{
    [Theory]
    [InlineData("12.5", 8000.00, 9, 36000.00, 44000.00)]
    [InlineData("3", 8000.00, 3, 12000.00, 20000.00)]
    [InlineData("7", 8000.00, 6, 24000.00, 32000.00)]
    [InlineData("40", 8000.00, 24, 96000.00, 104000.00)]
    public async Task SurvivorBenefits_FollowTheConfiguredBase(string years, double funeral, int months, double pension, double total)
    {
        var response = await factory.CreateClient().GetAsync($"/api/v1/survivor-benefits?contributionYears={years}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(4000.00m, body.GetProperty("monthlyBase").GetDecimal());
        Assert.Equal((decimal)funeral, body.GetProperty("funeralGrant").GetDecimal());
        Assert.Equal(months, body.GetProperty("pensionMonths").GetInt32());
        Assert.Equal((decimal)pension, body.GetProperty("survivorPension").GetDecimal());
        Assert.Equal((decimal)total, body.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task SurvivorBenefits_RejectANonNumber()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/survivor-benefits?contributionYears=abc");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public sealed class BaseFactory : HereafterFactory
    {
        protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["Reconciliation:SurvivorBenefitMonthlyBase"] = "4000" };
    }
}
