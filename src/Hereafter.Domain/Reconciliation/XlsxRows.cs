using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Hereafter.Domain.Reconciliation;

/// <summary>
/// Streams the rows of the first worksheet of an XLSX workbook (Office Open XML, SpreadsheetML) with
/// <see cref="ZipArchive"/> and <see cref="XmlReader"/>: shared strings are loaded once, the sheet is read
/// row by row. Cells: shared strings, inline strings, formula strings, numbers, booleans, errors; missing
/// cells (gaps in the <c>r</c> references) are empty. Row numbers are the sheet's (header = 1 when it is
/// in the first row), so they match what the clerk sees in Excel.
/// </summary>
/// <remarks>
/// Numbers are written back as Excel shows them by default (at most 15 significant digits, no exponent),
/// so 1234.5 stays <c>1234.5</c>. In the date columns a number that is not already a <c>YYYYMMDD</c> /
/// <c>YYYYMM</c> integer is an Excel serial date and becomes <c>YYYY-MM-DD</c> / <c>YYYY-MM</c>.
/// </remarks>
internal sealed class XlsxRows : RollRows
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly DateOnly SerialEpoch = new(1899, 12, 30); // serial 1 = 1900-01-01 after Excel's 1900 leap-year bug

    private readonly ZipArchive _zip;
    private readonly Stream _sheetStream;
    private readonly CountingStream _counter;
    private readonly XmlReader _reader;
    private readonly string[] _sharedStrings;
    private readonly long _compressed;
    private readonly long _uncompressed;
    private char[] _buffer = new char[1024];
    private int _used;
    private long _lastRow;
    private int _birthColumn = -1;
    private int _monthColumn = -1;

    private XlsxRows(ZipArchive zip, ZipArchiveEntry sheet, string[] sharedStrings)
    {
        _zip = zip;
        _sharedStrings = sharedStrings;
        _compressed = sheet.CompressedLength;
        _uncompressed = Math.Max(1, sheet.Length);
        _sheetStream = sheet.Open();
        _counter = new CountingStream(_sheetStream);
        _reader = XmlReader.Create(_counter, Settings());
        Text = _buffer;
    }

    public override bool PadsMissingFields => true;

    public override long BytesRead => (long)(_counter.Count * ((double)_compressed / _uncompressed));

    /// <exception cref="RollFormatException">Not a readable workbook.</exception>
    public static RollRows Open(Stream stream)
    {
        try
        {
            var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var sheetPath = FirstSheetPath(zip);
            var sheet = zip.GetEntry(sheetPath)
                ?? throw new RollFormatException("not-csv-or-xlsx", "Excel 文件中找不到工作表。The workbook has no worksheet.");
            return new XlsxRows(zip, sheet, SharedStrings(zip));
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            throw new RollFormatException("not-csv-or-xlsx", "文件不是可读的 Excel (.xlsx) 工作簿。The file is not a readable Excel (.xlsx) workbook.");
        }
    }

    /// <summary>Which fields hold dates, so that numeric cells there are read as Excel serial dates.</summary>
    public override void UseDateColumns(int birthDate, int month)
    {
        _birthColumn = birthDate;
        _monthColumn = month;
    }

    public override bool MoveNext()
    {
        try
        {
            while (_reader.Read())
            {
                if (_reader.NodeType == XmlNodeType.Element && _reader.LocalName == "row" && _reader.NamespaceURI == MainNs)
                {
                    if (ReadRow())
                    {
                        return true;
                    }
                }
            }

            return false;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException)
        {
            throw new RollFormatException("not-csv-or-xlsx", "Excel 工作表已损坏。The worksheet is damaged: " + e.Message);
        }
    }

    /// <summary>Reads one &lt;row&gt;; false when all its cells are empty (a blank row is skipped, like a blank line).</summary>
    private bool ReadRow()
    {
        var rowAttribute = _reader.GetAttribute("r");
        Row = rowAttribute is not null && long.TryParse(rowAttribute, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : _lastRow + 1;
        _lastRow = Row;
        Count = 0;
        _used = 0;
        var blank = true;
        if (_reader.IsEmptyElement)
        {
            return false;
        }

        var depth = _reader.Depth;
        while (_reader.Read() && !(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth))
        {
            if (_reader.NodeType != XmlNodeType.Element || _reader.LocalName != "c")
            {
                continue;
            }

            var column = ColumnIndex(_reader.GetAttribute("r"), Count);
            while (Count < column)
            {
                AddField(_used, 0);
            }

            var value = ReadCell(column);
            if (!string.IsNullOrWhiteSpace(value))
            {
                blank = false;
            }

            Append(value);
        }

        return !blank;
    }

    private string ReadCell(int column)
    {
        var type = _reader.GetAttribute("t");
        if (_reader.IsEmptyElement)
        {
            return "";
        }

        string? raw = null;
        string? inline = null;
        var depth = _reader.Depth;
        while (_reader.Read() && !(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth))
        {
            if (_reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (_reader.LocalName == "v")
            {
                raw = _reader.ReadElementContentAsString();
                if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth)
                {
                    break;
                }
            }
            else if (_reader.LocalName == "is")
            {
                inline = ReadStringItem(_reader);
                if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth)
                {
                    break;
                }
            }
        }

        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && (uint)index < (uint)_sharedStrings.Length
                    ? _sharedStrings[index]
                    : "";
            case "inlineStr":
                return inline ?? raw ?? "";
            case "b":
                return raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw ?? "";
            case "str" or "e" or "d":
                return raw ?? "";
            default:
                return raw is null ? "" : Number(raw, column);
        }
    }

    private string Number(string raw, int column)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return raw;
        }

        if ((column == _birthColumn || column == _monthColumn) && value >= 1 && value < 2_958_466 && value == Math.Floor(value))
        {
            var whole = (long)value;
            var isDigitsForm = column == _birthColumn ? whole is >= 1000_01_01 and <= 9999_12_31 : whole is >= 1000_01 and <= 9999_12;
            if (!isDigitsForm)
            {
                var date = SerialEpoch.AddDays((int)whole);
                return column == _birthColumn
                    ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            }
        }

        if (raw.AsSpan().IndexOfAny('E', 'e') < 0 && SignificantDigits(raw) <= 15)
        {
            return raw;
        }

        // Excel shows 15 significant digits; the decimal conversion keeps exactly that, without exponent.
        return Math.Abs(value) < 7.9e27 ? ((decimal)value).ToString(CultureInfo.InvariantCulture) : raw;
    }

    private static int SignificantDigits(string raw)
    {
        var count = 0;
        var started = false;
        foreach (var c in raw)
        {
            if (c is >= '1' and <= '9' || (c == '0' && started))
            {
                started = true;
                count++;
            }
        }

        return count;
    }

    private void Append(string value)
    {
        if (_used + value.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _used + value.Length));
            Text = _buffer;
        }

        value.CopyTo(_buffer.AsSpan(_used));
        AddField(_used, value.Length);
        _used += value.Length;
    }

    /// <summary>The 0-based column of a reference like <c>AB12</c>; <paramref name="next"/> when absent.</summary>
    private static int ColumnIndex(string? reference, int next)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return next;
        }

        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = column * 26 + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = column * 26 + (c - 'a' + 1);
            }
            else
            {
                break;
            }
        }

        // a reference pointing back (malformed) must not reorder cells
        return column == 0 || column - 1 < next ? next : Math.Min(column - 1, 16_383);
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt;: its &lt;t&gt; and rich-text runs, without phonetic runs (&lt;rPh&gt;).</summary>
    private static string ReadStringItem(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        string? single = null;
        System.Text.StringBuilder? many = null;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "rPh" || reader.LocalName == "phoneticPr")
            {
                reader.Skip();
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
                {
                    break;
                }

                continue;
            }

            if (reader.LocalName == "t")
            {
                var text = reader.ReadElementContentAsString();
                if (single is null && many is null)
                {
                    single = text;
                }
                else
                {
                    (many ??= new System.Text.StringBuilder(single)).Append(text);
                }

                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
                {
                    break;
                }
            }
        }

        return many?.ToString() ?? single ?? "";
    }

    private static string[] SharedStrings(ZipArchive zip)
    {
        var entry = zip.GetEntry("xl/sharedStrings.xml");
        if (entry is null)
        {
            return [];
        }

        var strings = new List<string>();
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, Settings());
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                strings.Add(ReadStringItem(reader));
            }
        }

        return [.. strings];
    }

    private static string FirstSheetPath(ZipArchive zip)
    {
        var workbook = zip.GetEntry("xl/workbook.xml")
            ?? throw new RollFormatException("not-csv-or-xlsx", "ZIP 文件不是 Excel 工作簿。The ZIP file is not an Excel workbook.");
        string? relationId = null;
        using (var stream = workbook.Open())
        using (var reader = XmlReader.Create(stream, Settings()))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
                {
                    relationId = reader.GetAttribute("id", RelNs);
                    break;
                }
            }
        }

        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (relationId is not null && rels is not null)
        {
            using var stream = rels.Open();
            using var reader = XmlReader.Create(stream, Settings());
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.NamespaceURI == PackageRelNs
                    && reader.GetAttribute("Id") == relationId && reader.GetAttribute("Target") is { } target)
                {
                    return target.StartsWith('/') ? target[1..] : "xl/" + target;
                }
            }
        }

        return "xl/worksheets/sheet1.xml";
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    public override void Dispose()
    {
        _reader.Dispose();
        _sheetStream.Dispose();
        _zip.Dispose();
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Count += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
