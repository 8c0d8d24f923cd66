using System.Text;
using Hereafter.Domain.Reconciliation;
using static Hereafter.Domain.Tests.Reconciliation.Recon;

namespace Hereafter.Domain.Tests.Reconciliation;

/// <summary>How a roll file is read: encodings, line ends, quoting, headers, blank lines, row numbers, bad files.</summary>
public class RollFormatTests
{
    static RollFormatTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Gbk => Encoding.GetEncoding("GB18030");

    private const string ChineseHeader = "身份证号,姓名,出生日期,月发放金额,已发放至,项目,账号";

    private static string ChineseRoll => ChineseHeader + "\r\n"
        + $"{ZhangId},张三,1950-03-07,\"1,000.00\",2026-06,企业养老,6222\r\n".Replace("企业养老", "enterprise-pension", StringComparison.Ordinal)
        + $"{LiId},李斯,1942-11-11,200,2026/02,dibao,\r\n"
        + $"{Id("44010119800101001")},钱七,,100,202606,,\r\n";

    private static void AssertChineseRollResult(Recorded result)
    {
        Assert.Equal(["stop:2", "review:3:IdMatchNameDiffers"], result.Log);
        Assert.Equal("张三", result.Stops[0].Entry.Name);
        Assert.Equal("李斯", result.Reviews[0].Entry.Name);
        Assert.Equal(3, result.Summary.Rows);
        Assert.Equal(1, result.Summary.Unmatched);
    }

    [Fact]
    public void GbkFile_WithChineseHeaders_IsDetectedAndRead()
    {
        var bytes = Gbk.GetBytes(ChineseRoll);
        Assert.False(System.Text.Unicode.Utf8.IsValid(bytes)); // really not UTF-8
        AssertChineseRollResult(Run(new MemoryStream(bytes)));
    }

    [Fact]
    public void GbkFile_WithForcedEncoding_IsRead()
    {
        var options = new ReconciliationOptions(Pension, Gbk);
        AssertChineseRollResult(Run(new MemoryStream(Gbk.GetBytes(ChineseRoll)), options: options));
    }

    [Fact]
    public void Utf8File_WithBom_IsRead() =>
        AssertChineseRollResult(Run(new MemoryStream([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(ChineseRoll)])));

    [Fact]
    public void Utf8File_WithoutBomAndLfEndings_IsRead() =>
        AssertChineseRollResult(Run(ChineseRoll.Replace("\r\n", "\n", StringComparison.Ordinal)));

    [Fact]
    public void LastLine_WithoutLineEnd_IsRead() =>
        AssertChineseRollResult(Run(ChineseRoll.TrimEnd('\r', '\n')));

    [Fact]
    public void Headers_InAnyOrderAndCase_WithExtraColumns_AreMatched()
    {
        var roll = " Paid_Through ,备注,NAME,Monthly_Amount,ID_NUMBER\n"
            + $"2026-06,x,张三,100,{ZhangId}\n";
        var stop = Assert.Single(Run(roll).Stops);
        Assert.Equal(3, stop.Terms.OverpaidMonths);
        Assert.Null(stop.Entry.Account);
        Assert.Equal("enterprise-pension", stop.Entry.Programme);
    }

    [Fact]
    public void MissingColumns_AreNamedInChineseAndEnglish()
    {
        var error = Assert.Throws<RollFormatException>(() => Run("身份证号,姓名,账号\n1,2,3\n"));
        Assert.Equal("missing-columns", error.Code);
        Assert.Contains("月发放金额", error.Message);
        Assert.Contains("monthly_amount", error.Message);
        Assert.Contains("paid_through", error.Message);
        Assert.DoesNotContain("姓名", error.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("\n\r\n  \n", "empty")]
    public void EmptyFile_IsRefusedAsEmpty(string content, string code) =>
        Assert.Equal(code, Assert.Throws<RollFormatException>(() => Run(content)).Code);

    [Fact]
    public void HeaderOnly_GivesZeroRows()
    {
        var result = Run(RollHeader + "\n");
        Assert.Equal(0, result.Summary.Rows);
        Assert.Empty(result.Log);
    }

    [Fact]
    public void BinaryJunk_IsRefused()
    {
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        junk[10] = 0;
        Assert.Equal("binary", Assert.Throws<RollFormatException>(() => Run(new MemoryStream(junk))).Code);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 })] // %PDF-1.7
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })] // an old .xls
    [InlineData(new byte[] { 0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0 })]             // an empty zip
    public void OtherFileKinds_AreRefusedAsNotCsvOrXlsx(byte[] head) =>
        Assert.Equal("not-csv-or-xlsx", Assert.Throws<RollFormatException>(() => Run(new MemoryStream(head))).Code);

    [Fact]
    public void Utf16File_IsRefusedWithAnEncodingMessage() =>
        Assert.Equal("encoding", Assert.Throws<RollFormatException>(() =>
            Run(new MemoryStream([.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(RollHeader)]))).Code);

    [Fact]
    public void QuotedFields_WithCommasQuotesAndLineBreaks_AreRead()
    {
        var roll = Roll(
            $"\"{ZhangId}\",\"张三\",\"\",\"1,000.00\",\"2026-06\",\"\",\"账号 \"\"A\"\", 2\"",
            $"{LiId},\"李\n四\",,1,2026-02,,",
            $"{SmithId},John Smith,,1,2026-06,,");
        var result = Run(roll);
        // a line break inside a name is whitespace, so 李\n四 is 李四
        Assert.Equal(["stop:2", "stop:3", "stop:5"], result.Log);
        Assert.Equal("账号 \"A\", 2", result.Stops[0].Entry.Account);
        Assert.Equal("李\n四", result.Stops[1].Entry.Name);
        Assert.Equal(1000m, result.Stops[0].Entry.MonthlyAmount);
    }

    [Fact]
    public void RowNumbers_ArePhysicalLines_BlankLinesSkippedButCounted()
    {
        var roll = "\n" + RollHeader + "\r\n\r\n"
            + $"{ZhangId},张三,,1,2026-06,,\r\n"
            + "   \r\n,,,,,,\r\n"
            + "bad,row\r\n"
            + $"{LiId},李四,,1,2026-06,,";
        var result = Run(roll);
        Assert.Equal(["stop:4", "reject:7", "stop:8"], result.Log);
        Assert.Equal(3, result.Summary.Rows);
    }

    [Fact]
    public void LargeRoll_AcrossManyBufferRefills_KeepsEveryRowAndItsNumber()
    {
        // More than one read buffer (1 MiB) of rows, with quoted multi-line fields scattered through.
        var builder = new StringBuilder(RollHeader + "\n");
        var line = 1L;
        var expected = new List<string>();
        for (var i = 0; i < 40_000; i++)
        {
            line++;
            if (i % 997 == 0)
            {
                builder.Append($"{ZhangId},\"张\n山\",,\"1,000\",2026-06,,\"a\"\"b\"\n");
                expected.Add($"review:{line}:IdMatchNameDiffers");
                line++;
            }
            else if (i % 1009 == 0)
            {
                builder.Append($"{LiId},李四,,12.5,2026-02,,acct-{i}\n");
                expected.Add($"stop:{line}");
            }
            else
            {
                builder.Append($"{Id("44010119800101001")},某人{i},1980-01-01,100.00,2026-06,resident-pension,6222000000{i:D6}\n");
            }
        }

        var result = Run(builder.ToString());
        Assert.Equal(expected, result.Log);
        Assert.Equal(40_000, result.Summary.Rows);
    }

    /// <summary>
    /// The shape on which DuckDB 1.5.6's parallel CSV reader returned a row twice (issue #16, bench/README.md): LF rows
    /// with some CRLF rows, and a CRLF whose <c>\r</c> is the last byte of one read buffer and whose <c>\n</c> the first
    /// byte of the next. Here the buffer is ours (1 MiB reads); each row must come out once, with its line number,
    /// whether the pieces are classified on other threads or not.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CrlfSplitByTheReadBuffer_GivesEveryRowOnce(bool parallel)
    {
        const int buffer = 1 << 20; // RollFile's read size
        var utf8 = new UTF8Encoding(false);
        var bytes = new List<byte>(utf8.GetBytes(RollHeader + "\n"));
        var expected = new List<string>();
        long line = 1, rows = 0;
        void Add(string text)
        {
            bytes.AddRange(utf8.GetBytes(text));
            line++;
            rows++;
        }

        for (var k = 1; k <= 3; k++)
        {
            var boundary = k * buffer;
            while (bytes.Count < boundary - 400)
            {
                Add($"{Id("44010119800101001")},Wang Wu,1980-01-01,100.00,2026-06,resident-pension,6222{rows:D10}{(rows % 10 == 3 ? "\r\n" : "\n")}");
            }

            // This row's "\r" is the last byte before the boundary, its "\n" the first byte after it.
            var row = $"{LiId},李四,,12.5,2026-02,,acct-straddle-{k}";
            var padding = boundary - 1 - bytes.Count - utf8.GetByteCount(row);
            Add(row.Replace("李四", "李四" + new string(' ', padding), StringComparison.Ordinal) + "\r\n");
            Assert.Equal((byte)'\r', bytes[boundary - 1]);
            Assert.Equal((byte)'\n', bytes[boundary]);
            expected.Add($"stop:{line}");
            Add($"{ZhangId},张三,,1,2026-06,,acct-after-{k}\n"); // the row DuckDB read twice
            expected.Add($"stop:{line}");
        }

        Add($"{Id("44010119800101001")},Wang Wu,1980-01-01,100.00,2026-06,resident-pension,last\n");

        var result = Run(new MemoryStream([.. bytes]), options: new ReconciliationOptions(Pension) { Parallel = parallel });
        Assert.Equal(expected, result.Log);
        Assert.Equal(rows, result.Summary.Rows);
        Assert.Equal(rows - expected.Count, result.Summary.Unmatched);
        Assert.Equal(["acct-straddle-1", "acct-after-1", "acct-straddle-2", "acct-after-2", "acct-straddle-3", "acct-after-3"],
            result.Stops.Select(s => s.Entry.Account));
    }

    [Fact]
    public void GbkFile_LargerThanTheDetectionWindow_IsReadWhole()
    {
        var builder = new StringBuilder(ChineseHeader + "\n");
        for (var i = 0; i < 30_000; i++)
        {
            builder.Append($"{Id("44010119800101001")},某某人{i},1980-01-01,100.00,2026-06,,\n");
        }

        builder.Append($"{ZhangId},张三,,1,2026-06,,\n");
        var result = Run(new MemoryStream(Gbk.GetBytes(builder.ToString())));
        Assert.Equal(["stop:30002"], result.Log);
        Assert.Equal("张三", result.Stops[0].Entry.Name);
    }

    [Fact]
    public void Utf8File_WithGbkBytesAfterTheDetectionWindow_FailsWithAnEncodingMessage()
    {
        var ascii = new StringBuilder(RollHeader + "\n");
        while (ascii.Length < 1_100_000)
        {
            ascii.Append($"{Id("44010119800101001")},Wang Wu,1980-01-01,100.00,2026-06,,\n");
        }

        byte[] bytes = [.. Encoding.UTF8.GetBytes(ascii.ToString()), .. Gbk.GetBytes($"{ZhangId},张三,,1,2026-06,,\n")];
        var error = Assert.Throws<RollFormatException>(() => Run(new MemoryStream(bytes)));
        Assert.Equal("encoding", error.Code);
        Assert.Contains("GBK", error.Message);
    }

    [Fact]
    public void Progress_IsReportedWithRowsAndBytes()
    {
        var reports = new List<ReconciliationProgress>();
        var roll = Utf8(Roll($"{ZhangId},张三,,1,2026-06,,", $"{LiId},李四,,1,2026-06,,"));
        var length = roll.Length;
        Reconciler.Run(Deaths(), roll, new ReconciliationOptions(Pension), new Recorded(), new SynchronousProgress(reports.Add));
        var last = reports[^1];
        Assert.Equal(2, last.Rows);
        Assert.Equal(length, last.BytesRead);
        Assert.Equal(length, last.TotalBytes);
    }

    [Fact]
    public void Cancellation_StopsTheRun()
    {
        using var cts = new CancellationTokenSource();
        var builder = new StringBuilder(RollHeader + "\n");
        for (var i = 0; i < 50_000; i++)
        {
            builder.Append($"{ZhangId},张三,,1,2026-06,,\n");
        }

        var sink = new CancellingSink(cts, after: 100);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Reconciler.Run(Deaths(), Utf8(builder.ToString()), new ReconciliationOptions(Pension), sink, ct: cts.Token));
        Assert.True(sink.Stops < 50_000);
    }

    private sealed class SynchronousProgress(Action<ReconciliationProgress> report) : IProgress<ReconciliationProgress>
    {
        public void Report(ReconciliationProgress value) => report(value);
    }

    private sealed class CancellingSink(CancellationTokenSource cts, int after) : IReconciliationSink
    {
        public int Stops { get; private set; }

        public void Stop(StopRow row)
        {
            if (++Stops == after)
            {
                cts.Cancel();
            }
        }

        public void Review(ReviewRow row)
        {
        }

        public void Reject(RejectedRow row)
        {
        }
    }
}
