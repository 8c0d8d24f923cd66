using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Hereafter.Domain.Reconciliation;
using static Hereafter.Domain.Tests.Reconciliation.Recon;

namespace Hereafter.Domain.Tests.Reconciliation;

/// <summary>An XLSX roll, written by the Open XML SDK, gives the same results as the same roll in CSV.</summary>
public class XlsxRollTests
{
    /// <summary>A cell as the CSV has it, and how the spreadsheet stores it.</summary>
    private sealed record XCell(string Csv, object? Xlsx = null);

    private static XCell S(string text) => new(text);

    private static XCell N(decimal number, string csv) => new(csv, number);

    private static XCell Inline(string text) => new(text, new InlineString(new Text(text)));

    private static readonly string[] Header = ["身份证号", "姓名", "出生日期", "月发放金额", "已发放至", "项目", "账号"];

    private static List<XCell[]?> Rows()
    {
        var near = ZhangId[..10] + (ZhangId[10] == '0' ? '1' : '0') + ZhangId[11..];
        return
        [
            // exact stop: amount as a number, paid-through as an Excel serial date (2026-06-01 = 46174)
            [S(ZhangId), S("张三"), N(18329, "1950-03-07"), N(1234.5m, "1234.5"), N(46174, "2026-06"), S(""), S("6222020000000001")],
            // review (a), inline string name, paid-through as a YYYYMM number
            [S(LiId), Inline("李斯"), S(""), N(88.8m, "88.8"), N(202602, "202602"), S("dibao"), S("")],
            null, // a blank row: skipped but its number is used
            // review (b) with a birth date given as YYYYMMDD number
            [S(near), S("张三"), N(19500307, "19500307"), N(100, "100"), S("2026/06"), S(""), S("")],
            // review (c)
            [S(Id("52262719500307009")), S("张 三"), S("1950-03-07"), N(100, "100"), S("2026-06"), S("enterprise-pension"), S("")],
            // rejected: bad amount text, bad month text
            [S(ZhangId), S("张三"), S(""), S("1,2,3"), S("2026-13"), S(""), S("")],
            // rejected: amount with three decimals stored as a number
            [S(ZhangId), S("张三"), S(""), N(10.125m, "10.125"), S("2026-06"), S(""), S("")],
            // rejected: unknown programme
            [S(ZhangId), S("张三"), S(""), N(10, "10"), S("2026-06"), S("pension?"), S("")],
            // unmatched, with a gap: no cells for birth date and account
            [S(Id("44010119800101001")), S("钱七"), null!, N(100, "100"), S("2026-06"), S(""), null!],
            // exact stop, 15-digit ID stored as text, name with full-width letters
            [S("110105700808005"), S("ＪＯＨＮ ｓｍｉｔｈ"), S(""), N(2000, "2000"), S("2026-09"), S(""), S("")],
        ];
    }

    private static string Csv(List<XCell[]?> rows) =>
        string.Join(",", Header) + "\n"
        + string.Concat(rows.Select(r => r is null ? "\n" : string.Join(",", r.Select(c => c is null ? "" : Quote(c.Csv))) + "\n"));

    private static string Quote(string value) => value.Contains(',') ? $"\"{value}\"" : value;

    private static MemoryStream Xlsx(List<XCell[]?> rows)
    {
        var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>();

            // a first worksheet part that is NOT the first sheet in the workbook: the reader must follow the relationships
            var other = workbook.AddNewPart<WorksheetPart>();
            other.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellReference = "A1", CellValue = new CellValue(42), DataType = CellValues.Number }) { RowIndex = 1 }));
            var roll = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            roll.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(
                new Sheet { Id = workbook.GetIdOfPart(roll), SheetId = 1, Name = "花名册" },
                new Sheet { Id = workbook.GetIdOfPart(other), SheetId = 2, Name = "说明" }));

            Cell Shared(string reference, string text)
            {
                if (!index.TryGetValue(text, out var i))
                {
                    i = index[text] = index.Count;
                    strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
                }

                return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i) };
            }

            var header = new Row { RowIndex = 1 };
            for (var c = 0; c < Header.Length; c++)
            {
                header.AppendChild(Shared($"{(char)('A' + c)}1", Header[c]));
            }

            data.AppendChild(header);
            for (var r = 0; r < rows.Count; r++)
            {
                if (rows[r] is not { } cells)
                {
                    continue;
                }

                var rowIndex = (uint)(r + 2);
                var row = new Row { RowIndex = rowIndex };
                for (var c = 0; c < cells.Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{rowIndex}";
                    var cell = cells[c];
                    if (cell is null || (cell.Xlsx is null && cell.Csv.Length == 0))
                    {
                        continue; // spreadsheets leave empty cells out
                    }

                    row.AppendChild(cell.Xlsx switch
                    {
                        decimal number => new Cell { CellReference = reference, CellValue = new CellValue(number) },
                        InlineString inline => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = (InlineString)inline.CloneNode(true) },
                        _ => Shared(reference, cell.Csv),
                    });
                }

                data.AppendChild(row);
            }
        }

        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void XlsxRoll_GivesTheSameResultsAsTheSameRollInCsv()
    {
        var rows = Rows();
        var fromCsv = Run(Csv(rows));
        var fromXlsx = Run(Xlsx(rows));

        Assert.Equal(
            ["stop:2", "review:3:IdMatchNameDiffers", "review:5:IdNearMatch", "review:6:NameAndBirthDate", "reject:7", "reject:8", "reject:9", "stop:11"],
            fromCsv.Log);
        Assert.Equal(fromCsv.Log, fromXlsx.Log);
        Assert.Equal(fromCsv.Stops, fromXlsx.Stops);
        Assert.Equal(fromCsv.Reviews, fromXlsx.Reviews);
        Assert.Equal(fromCsv.Rejected, fromXlsx.Rejected);
        Assert.Equal(fromCsv.Summary with { DeathsRejected = [] }, fromXlsx.Summary with { DeathsRejected = [] });
        Assert.Equal(new ReconciliationSummary(9, 2, 3, 3, 1, 3 + 5, 3703.50m + 10000.00m, []), fromXlsx.Summary with { DeathsRejected = [] });
        Assert.Equal(1234.5m, fromXlsx.Stops[0].Entry.MonthlyAmount);
        Assert.Equal(new YearMonth(2026, 6), fromXlsx.Stops[0].Entry.PaidThrough);
    }

    [Fact]
    public void XlsxRoll_ResultFilesAreByteIdenticalToCsv()
    {
        var rows = Rows();
        var dirs = new[] { Path.Combine(Path.GetTempPath(), "recon-x-" + Guid.NewGuid().ToString("N")), Path.Combine(Path.GetTempPath(), "recon-c-" + Guid.NewGuid().ToString("N")) };
        try
        {
            Stream[] inputs = [Xlsx(rows), Utf8(Csv(rows))];
            for (var i = 0; i < 2; i++)
            {
                using var sink = new ResultFilesSink(dirs[i]);
                sink.WriteSummary(Reconciler.Run(Deaths(), inputs[i], new ReconciliationOptions(Pension), sink));
            }

            foreach (var name in new[] { "stops.csv", "review.csv", "rejected.csv", "summary.json" })
            {
                Assert.Equal(File.ReadAllText(Path.Combine(dirs[1], name)), File.ReadAllText(Path.Combine(dirs[0], name)));
            }
        }
        finally
        {
            foreach (var dir in dirs.Where(Directory.Exists))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void XlsxRoll_MissingColumns_AreNamed_HeaderOnlyHasNoRows()
    {
        var error = Assert.Throws<RollFormatException>(() => Run(XlsxWithHeader("身份证号", "姓名", "已发放至")));
        Assert.Equal("missing-columns", error.Code);
        Assert.Contains("月发放金额", error.Message);
        Assert.Equal(0, Run(Xlsx([])).Summary.Rows);
    }

    [Fact]
    public void DamagedXlsx_IsRefusedWithAClearCode()
    {
        var bytes = Xlsx(Rows()).ToArray();
        var truncated = new MemoryStream(bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<RollFormatException>(() => Run(truncated));
        Assert.Equal("not-csv-or-xlsx", error.Code);
    }

    private static MemoryStream XlsxWithHeader(params string[] header)
    {
        var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var row = new Row { RowIndex = 1 };
            for (var c = 0; c < header.Length; c++)
            {
                row.AppendChild(new Cell { CellReference = $"{(char)('A' + c)}1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(header[c])) });
            }

            sheet.Worksheet = new Worksheet(new SheetData(row));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
        }

        stream.Position = 0;
        return stream;
    }
}
