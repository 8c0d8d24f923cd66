using System.IO.Compression;
using System.Text;
using Hereafter.Domain.Reconciliation;
using static Hereafter.Domain.Tests.Reconciliation.Recon;

namespace Hereafter.Domain.Tests.Reconciliation;

/// <summary>
/// Crafted files (zip bombs, huge shared-string tables, endless records) fail with one clear message after
/// reading little of the file, instead of exhausting the machine.
/// </summary>
public class CraftedRollTests
{
    private const string SheetHead = """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""";
    private const string SheetTail = "</sheetData></worksheet>";

    private static readonly string HeaderRow =
        "<row r=\"1\">" + string.Concat(new[] { "身份证号", "姓名", "月发放金额", "已发放至" }.Select(h => $"<c t=\"inlineStr\"><is><t>{h}</t></is></c>")) + "</row>";

    /// <summary>A minimal workbook whose first sheet is written by <paramref name="sheet"/> (streamed into the entry).</summary>
    internal static MemoryStream Workbook(Action<StreamWriter> sheet, IEnumerable<string>? sharedStrings = null)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "xl/workbook.xml", w => w.Write("""<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="roll" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            Write(zip, "xl/_rels/workbook.xml.rels", w => w.Write("""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""));
            if (sharedStrings is not null)
            {
                Write(zip, "xl/sharedStrings.xml", w =>
                {
                    w.Write("""<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
                    foreach (var s in sharedStrings)
                    {
                        w.Write($"<si><t>{s}</t></si>");
                    }

                    w.Write("</sst>");
                });
            }

            Write(zip, "xl/worksheets/sheet1.xml", sheet);
        }

        stream.Position = 0;
        return stream;
    }

    private static void Write(ZipArchive zip, string name, Action<StreamWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }

    /// <summary>Rows of a real-looking roll: distinct IDs and amounts, so the sheet compresses like a real one (well under 100:1).</summary>
    private static void RealRows(StreamWriter w, int count)
    {
        w.Write(SheetHead);
        w.Write(HeaderRow);
        var random = new Random(8);
        for (var r = 2; r < count + 2; r++)
        {
            w.Write($"<row r=\"{r}\"><c t=\"inlineStr\"><is><t>{random.NextInt64(100000000000000000, 999999999999999999)}</t></is></c><c t=\"inlineStr\"><is><t>张{r}</t></is></c><c><v>{random.Next(100, 99999)}.{random.Next(10, 99)}</v></c><c t=\"inlineStr\"><is><t>2026-0{random.Next(1, 9)}</t></is></c></row>");
        }

        w.Write(SheetTail);
    }

    /// <summary>The same row again and again: expands about a thousand times, like a zip bomb.</summary>
    private static void BombRows(StreamWriter w, long bytes)
    {
        w.Write(SheetHead);
        w.Write(HeaderRow);
        var row = "<row><c t=\"inlineStr\"><is><t>520102195003070011</t></is></c><c t=\"inlineStr\"><is><t>张三</t></is></c><c><v>100</v></c><c t=\"inlineStr\"><is><t>2026-06</t></is></c></row>";
        var block = row + new string(' ', 64 * 1024); // runs of one character: deflate's best case, about 1000:1
        for (long written = 0; written < bytes; written += block.Length)
        {
            w.Write(block);
        }

        w.Write(SheetTail);
    }

    private static RollFormatException Fails(Stream roll, RollLimits? limits = null, bool parallel = true)
    {
        var options = new ReconciliationOptions(Pension) { Limits = limits ?? RollLimits.Default, Parallel = parallel };
        return Assert.Throws<RollFormatException>(() => Run(roll, options: options));
    }

    [Fact]
    public void AWorkbookWithinTheCaps_IsRead()
    {
        using var roll = Workbook(w => RealRows(w, 2000), sharedStrings: ["a", "b"]);
        var result = Run(roll);
        Assert.Equal(2000, result.Summary.Rows);
    }

    [Fact]
    public void AnEntryExpandingBeyondTheUncompressedCap_Fails()
    {
        using var roll = Workbook(w => RealRows(w, 40_000)); // about 6 MB of sheet XML, compressed about 4:1
        var e = Fails(roll, new RollLimits { MaxXlsxUncompressedBytes = 2 * 1024 * 1024 });
        Assert.Equal("too-large", e.Code);
        Assert.Contains("解压后超过 2 MiB", e.Message, StringComparison.Ordinal);
        Assert.Contains("expands to more than 2 MiB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHighRatioEntry_FailsAfterReadingLittleOfTheFile()
    {
        using var bomb = Workbook(w => BombRows(w, 400L * 1024 * 1024));
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        var counted = new ReadCounter(bomb);
        var e = Fails(counted);
        Assert.Equal("too-large", e.Code);
        Assert.Contains("压缩比超过 100 倍", e.Message, StringComparison.Ordinal);
        Assert.Contains("more than 100 times its compressed size", e.Message, StringComparison.Ordinal);
        Assert.True(counted.BytesRead < 1024 * 1024, $"read {counted.BytesRead} of {bomb.Length} bytes before failing");
    }

    [Fact]
    public void AnEntryThatStartsAsABomb_FailsWhileItIsRead_EvenWhenItsOverallRatioLooksNormal()
    {
        // 200 MiB of blanks, then a real-looking roll: overall about 50:1, but the first MiBs expand about 1000:1
        using var bomb = Workbook(w =>
        {
            w.Write(SheetHead);
            w.Write(HeaderRow);
            var blanks = new string(' ', 1024 * 1024);
            for (var i = 0; i < 200; i++)
            {
                w.Write(blanks);
            }

            var random = new Random(8);
            for (var r = 2; r < 100_000; r++)
            {
                w.Write($"<row r=\"{r}\"><c><v>{random.NextInt64(100000000000000000, 999999999999999999)}</v></c><c><v>{random.Next()}</v></c></row>");
            }

            w.Write(SheetTail);
        });
        var counted = new ReadCounter(bomb);
        var e = Fails(counted);
        Assert.Equal("too-large", e.Code);
        Assert.Contains("压缩比超过 100 倍", e.Message, StringComparison.Ordinal);
        // the file type probe reads the first MiB; the sheet is given up about one MiB of output later
        Assert.True(counted.BytesRead < 1.5 * 1024 * 1024, $"read {counted.BytesRead} of {bomb.Length} bytes before failing");
    }

    [Fact]
    public void TooManySharedStrings_Fails()
    {
        using var roll = Workbook(w => RealRows(w, 10), sharedStrings: Enumerable.Range(0, 1001).Select(i => $"s{i}"));
        var e = Fails(roll, new RollLimits { MaxSharedStrings = 1000 });
        Assert.Equal("too-many-strings", e.Code);
        Assert.Contains("共享字符串超过 1000 条", e.Message, StringComparison.Ordinal);
        Assert.Contains("exceed 1000 entries", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedStringsWithTooManyCharacters_Fail()
    {
        using var roll = Workbook(w => RealRows(w, 10), sharedStrings: Enumerable.Range(0, 100).Select(i => new string('x', 200)));
        var e = Fails(roll, new RollLimits { MaxSharedStringChars = 10_000 });
        Assert.Equal("too-many-strings", e.Code);
        Assert.Contains("10000 个字符", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnXlsxCellLongerThanTheRecordCap_Fails()
    {
        var random = new Random(8);
        var huge = string.Concat(Enumerable.Range(0, 2 * 1024 * 1024).Select(_ => (char)('0' + random.Next(10))));
        using var roll = Workbook(w =>
        {
            w.Write(SheetHead);
            w.Write(HeaderRow);
            w.Write($"<row r=\"2\"><c><v>{huge}</v></c></row>");
            w.Write(SheetTail);
        });
        var e = Fails(roll);
        Assert.Equal("record-too-long", e.Code);
        Assert.Contains("第 2 行超过 1048576 个字符", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void ACsvRecordLongerThanTheCap_Fails(bool quoted, bool parallel)
    {
        var huge = new string('x', 1024 * 1024 + 1);
        var roll = Roll($"{ZhangId},张三,,1,2026-06,,6222", $"{LiId},李四,,1,2026-06,,{(quoted ? $"\"{huge}\"" : huge)}", $"{ZhangId},张三,,1,2026-06,,");
        var e = Fails(Utf8(roll), parallel: parallel);
        Assert.Equal("record-too-long", e.Code);
        Assert.Equal("CSV 第 3 行开始的一条记录超过 1048576 个字符，多半是引号没有闭合。The record starting at line 3 is longer than 1048576 characters; a quote is probably not closed.", e.Message);
    }

    [Fact]
    public void ACsvRecordAtTheCap_IsRead()
    {
        var account = new string('1', 1024 * 1024 - $"{ZhangId},张三,,1,2026-06,,".Length);
        var result = Run(Roll($"{ZhangId},张三,,1,2026-06,,{account}"));
        Assert.Equal(account, result.Stops.Single().Entry.Account);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnUnclosedQuoteAtTheStartOfALargeCsv_FailsAfterReadingLittleOfIt(bool parallel)
    {
        var line = Encoding.UTF8.GetBytes($"{ZhangId},张三,,1,2026-06,,6222\n");
        var body = new MemoryStream();
        body.Write("\""u8);
        body.Write(Encoding.UTF8.GetBytes(RollHeader + "\n"));
        while (body.Length < 64 * 1024 * 1024)
        {
            body.Write(line);
        }

        body.Position = 0;
        var counted = new ReadCounter(body);
        var e = Fails(counted, parallel: parallel);
        Assert.Equal("record-too-long", e.Code);
        Assert.StartsWith("CSV 第 1 行开始的一条记录超过 1048576 个字符", e.Message, StringComparison.Ordinal);
        Assert.True(counted.BytesRead <= 4 * 1024 * 1024, $"read {counted.BytesRead} of {body.Length} bytes before failing");
    }

    [Fact]
    public void AQuoteNeverClosedInTheMiddle_FailsInTheParallelCutterToo()
    {
        var lines = Enumerable.Range(0, 1000).Select(_ => $"{ZhangId},张三,,1,2026-06,,6222").ToList();
        lines.Add($"{LiId},李四,,1,2026-06,,\"open");
        lines.AddRange(Enumerable.Range(0, 200_000).Select(_ => $"{ZhangId},张三,,1,2026-06,,6222"));
        var e = Fails(Utf8(Roll([.. lines])));
        Assert.Equal("record-too-long", e.Code);
        Assert.StartsWith("CSV 第 1002 行开始", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Counts what the reader pulled from the file.</summary>
    private sealed class ReadCounter(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
