using System.Text;
using Hereafter.Domain.Reconciliation;
using static Hereafter.Domain.Tests.Reconciliation.Recon;

namespace Hereafter.Domain.Tests.Reconciliation;

public sealed class ResultFilesSinkTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "recon-sink-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static string MixedRoll => Roll(
        $"{ZhangId},张三,1950-03-07,\"1,234.50\",2026-06,,6222020000000001",
        $"{LiId},\"李,四\",,88.8,2026-02,dibao,",
        "",
        $"{Id("44010119800101001")},钱七,,100,2026-06,,",
        "12345,赵六,,abc,2026-13,,");

    private string RunToFiles(string roll, string dir)
    {
        using (var sink = new ResultFilesSink(dir))
        {
            var summary = Reconciler.Run(Deaths(), Utf8(roll), new ReconciliationOptions(Pension), sink);
            sink.WriteSummary(summary);
        }

        return dir;
    }

    [Fact]
    public void Files_HoldTheRowsWithHeadersAndTheSummary()
    {
        RunToFiles(MixedRoll, _dir);

        Assert.Equal(
            ResultFilesSink.StopsHeader + "\n"
            + $"2,{ZhangId},张三,enterprise-pension,6222020000000001,1234.50,2026-06,2026-03-15,2026-04,3,3703.50,false\n",
            File.ReadAllText(Path.Combine(_dir, "stops.csv")));
        Assert.Equal(
            ResultFilesSink.ReviewHeader + "\n"
            + $"3,id-match-name-differs,{LiId},\"李,四\",dibao,,88.80,2026-02,false,{LiId},李四,2026-01-31,2026-02,1,88.80\n",
            File.ReadAllText(Path.Combine(_dir, "review.csv")));
        Assert.Equal(
            "row,reason\n"
            + "6,\"id_number: not 17 digits plus a digit or X; monthly_amount: not a non-negative decimal with at most two decimals (\"\"abc\"\"); paid_through: not a month YYYY-MM, YYYY/MM or YYYYMM (\"\"2026-13\"\")\"\n",
            File.ReadAllText(Path.Combine(_dir, "rejected.csv")));
        Assert.Equal(
            "{\n  \"rows\": 4,\n  \"exactStops\": 1,\n  \"review\": 1,\n  \"rejected\": 1,\n  \"unmatched\": 1,\n"
            + "  \"overpaidMonths\": 3,\n  \"overpaidAmount\": 3703.50,\n  \"deathsRejected\": []\n}\n",
            File.ReadAllText(Path.Combine(_dir, "summary.json")));
        Assert.Equal(["rejected.csv", "review.csv", "stops.csv", "summary.json"],
            Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Files_AreUtf8WithoutBomAndLfOnly()
    {
        RunToFiles(MixedRoll.Replace("\n", "\r\n", StringComparison.Ordinal), _dir);
        foreach (var file in Directory.GetFiles(_dir))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), file);
            Assert.DoesNotContain((byte)'\r', bytes);
        }
    }

    [Fact]
    public void SameInput_GivesByteIdenticalFiles()
    {
        var other = _dir + "-again";
        try
        {
            RunToFiles(MixedRoll, _dir);
            RunToFiles(MixedRoll, other);
            foreach (var name in new[] { "stops.csv", "review.csv", "rejected.csv", "summary.json" })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, name)), File.ReadAllBytes(Path.Combine(other, name)));
            }
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void InterruptedRun_LeavesNoResultFiles_EvenWhereAnEarlierRunFinished()
    {
        RunToFiles(MixedRoll, _dir);
        using (var cts = new CancellationTokenSource())
        using (var sink = new ResultFilesSink(_dir))
        {
            cts.Cancel();
            Assert.Throws<OperationCanceledException>(() =>
                Reconciler.Run(Deaths(), Utf8(MixedRoll), new ReconciliationOptions(Pension), sink, ct: cts.Token));
        }

        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void RunInProgress_HasOnlyPartialNames()
    {
        using var sink = new ResultFilesSink(_dir);
        Reconciler.Run(Deaths(), Utf8(MixedRoll), new ReconciliationOptions(Pension), sink);
        Assert.All(Directory.GetFiles(_dir), f => Assert.EndsWith(".partial", f));
    }

    [Fact]
    public void DeathsRejected_AreListedInTheSummary()
    {
        var deaths = DeathRegister.ReadCsv(Utf8(DeathsCsv + $"{ZhangId},张三,1950-03-07,2026-04-01\n"));
        using (var sink = new ResultFilesSink(_dir))
        {
            sink.WriteSummary(Reconciler.Run(deaths, Utf8(Roll()), new ReconciliationOptions(Pension), sink));
        }

        Assert.Contains(
            $"\"deathsRejected\": [\n    {{\n      \"row\": 7,\n      \"idNumber\": \"{ZhangId}\",\n      \"reason\": \"id_number: repeated; the record on row 2 is used\"\n    }}\n  ]",
            File.ReadAllText(Path.Combine(_dir, "summary.json")));
    }
}
