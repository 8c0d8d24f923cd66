using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Hereafter.Web.Platform.Excel;

/// <summary>
/// The platform's one Excel writer: a one-sheet workbook streamed with <see cref="OpenXmlWriter"/> (memory flat for
/// any number of rows). Numbers (decimal, int, long) are number cells, everything else inline text (so ID numbers stay
/// text); a null leaves its cell empty. Column widths are given, never measured (measuring needs System.Drawing).
/// </summary>
public static class XlsxSheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Write(Stream output, string sheetName, IReadOnlyList<double> widths, IEnumerable<object?[]> rows)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            if (widths.Count > 0)
            {
                writer.WriteStartElement(new Columns());
                for (var i = 0; i < widths.Count; i++)
                    writer.WriteElement(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
                writer.WriteEndElement();
            }
            writer.WriteStartElement(new SheetData());
            uint r = 0;
            foreach (var values in rows)
            {
                r++;
                writer.WriteStartElement(new Row { RowIndex = r });
                for (var c = 0; c < values.Length; c++)
                {
                    Cell? cell = values[c] switch
                    {
                        null => null,
                        decimal d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)) },
                        int n => new Cell { DataType = CellValues.Number, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) },
                        long n => new Cell { DataType = CellValues.Number, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) },
                        var v => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")) },
                    };
                    if (cell is null) continue;
                    cell.CellReference = ColumnName(c) + r.ToString(CultureInfo.InvariantCulture);
                    writer.WriteElement(cell);
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
        workbookPart.Workbook.Save();
    }

    /// <summary>The workbook as bytes, for small exports answered in one response.</summary>
    public static byte[] ToBytes(string sheetName, IReadOnlyList<double> widths, IEnumerable<object?[]> rows)
    {
        using var stream = new MemoryStream();
        Write(stream, sheetName, widths, rows);
        return stream.ToArray();
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
