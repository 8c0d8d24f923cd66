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
/// <para>
/// A workbook is untrusted input (a few MB of zip can expand to many GB): the zip is read in place from a
/// seekable stream, its central directory is bounded before it is loaded, every part is read through an
/// <see cref="XlsxExpansion"/> that fails past <see cref="RollLimits.MaxXlsxUncompressedBytes"/> or
/// <see cref="RollLimits.MaxXlsxCompressionRatio"/>, shared strings are capped in count and characters and kept
/// in one array, and no cell or row may exceed <see cref="RollLimits.MaxRecordChars"/>.
/// </para>
/// </remarks>
internal sealed class XlsxRows : RollRows
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly DateOnly SerialEpoch = new(1899, 12, 30); // serial 1 = 1900-01-01 after Excel's 1900 leap-year bug

    private readonly ZipArchive _zip;
    private readonly Stream? _ownedStream;
    private readonly Stream _sheetStream;
    private readonly CountingStream _counter;
    private readonly XmlReader _reader;
    private readonly XlsxSharedStrings _sharedStrings;
    private readonly RollLimits _limits;
    private readonly long _compressed;
    private readonly long _uncompressed;
    private char[] _text = new char[256];
    private char[] _buffer = new char[1024];
    private int _used;
    private long _lastRow;
    private int _birthColumn = -1;
    private int _monthColumn = -1;

    private XlsxRows(ZipArchive zip, Stream? ownedStream, ZipArchiveEntry sheet, XlsxSharedStrings sharedStrings, XlsxExpansion expansion, RollLimits limits)
    {
        _zip = zip;
        _ownedStream = ownedStream;
        _sharedStrings = sharedStrings;
        _limits = limits;
        _compressed = sheet.CompressedLength;
        _uncompressed = Math.Max(1, sheet.Length);
        _sheetStream = expansion.Open(sheet);
        _counter = new CountingStream(_sheetStream);
        _reader = XmlReader.Create(_counter, XlsxPackage.ReaderSettings());
        Text = _buffer;
    }

    public override bool PadsMissingFields => true;

    public override long BytesRead => (long)(_counter.Count * ((double)_compressed / _uncompressed));

    /// <param name="stream">Seekable, positioned at the start of the zip; disposed with the rows when <paramref name="ownsStream"/>.</param>
    /// <exception cref="RollFormatException">Not a readable workbook, or one crossing <paramref name="limits"/>.</exception>
    public static RollRows Open(Stream stream, bool ownsStream, RollLimits limits)
    {
        ZipArchive? zip = null;
        try
        {
            XlsxPackage.CheckCentralDirectory(stream);
            var counter = new CountingStream(stream, seekable: true);
            zip = new ZipArchive(counter, ZipArchiveMode.Read, leaveOpen: true);
            var expansion = new XlsxExpansion(limits, counter);
            var sheetPath = XlsxPackage.FirstSheetPath(zip, expansion);
            var sheet = zip.GetEntry(sheetPath)
                ?? throw new RollFormatException("not-csv-or-xlsx", "Excel 文件中找不到工作表。The workbook has no worksheet.");
            return new XlsxRows(zip, ownsStream ? stream : null, sheet, XlsxSharedStrings.Read(zip, expansion, limits), expansion, limits);
        }
        catch (Exception e)
        {
            zip?.Dispose();
            if (ownsStream)
            {
                stream.Dispose();
            }

            if (e is InvalidDataException or XmlException or IOException)
            {
                throw new RollFormatException("not-csv-or-xlsx", "文件不是可读的 Excel (.xlsx) 工作簿。The file is not a readable Excel (.xlsx) workbook.");
            }

            throw;
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
            if (!value.IsWhiteSpace())
            {
                blank = false;
            }

            Append(value);
        }

        return !blank;
    }

    private ReadOnlySpan<char> ReadCell(int column)
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
                raw = XlsxText.ReadText(_reader, _limits.MaxRecordChars, ref _text, Row);
                if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth)
                {
                    break;
                }
            }
            else if (_reader.LocalName == "is")
            {
                inline = XlsxText.ReadStringItem(_reader, _limits.MaxRecordChars, ref _text, Row);
                if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth)
                {
                    break;
                }
            }
        }

        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? _sharedStrings.Get(index) : "";
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

    private void Append(ReadOnlySpan<char> value)
    {
        if (_used + value.Length > _limits.MaxRecordChars)
        {
            throw XlsxText.TooLong(_limits.MaxRecordChars, Row);
        }

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

    public override void Dispose()
    {
        _reader.Dispose();
        _sheetStream.Dispose();
        _zip.Dispose();
        _ownedStream?.Dispose();
    }
}

