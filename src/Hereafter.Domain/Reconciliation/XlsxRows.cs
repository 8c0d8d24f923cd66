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
/// <see cref="Expansion"/> that fails past <see cref="RollLimits.MaxXlsxUncompressedBytes"/> or
/// <see cref="RollLimits.MaxXlsxCompressionRatio"/>, shared strings are capped in count and characters and kept
/// in one array, and no cell or row may exceed <see cref="RollLimits.MaxRecordChars"/>.
/// </para>
/// </remarks>
internal sealed class XlsxRows : RollRows
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly DateOnly SerialEpoch = new(1899, 12, 30); // serial 1 = 1900-01-01 after Excel's 1900 leap-year bug

    /// <summary>A real workbook has a few dozen parts; a central directory beyond this is refused before it is loaded.</summary>
    private const int MaxEntries = 10_000;
    private const long MaxCentralDirectoryBytes = 4 * 1024 * 1024;

    private readonly ZipArchive _zip;
    private readonly Stream? _ownedStream;
    private readonly Stream _sheetStream;
    private readonly CountingStream _counter;
    private readonly XmlReader _reader;
    private readonly SharedStrings _sharedStrings;
    private readonly RollLimits _limits;
    private readonly long _compressed;
    private readonly long _uncompressed;
    private char[] _text = new char[256];
    private char[] _buffer = new char[1024];
    private int _used;
    private long _lastRow;
    private int _birthColumn = -1;
    private int _monthColumn = -1;

    private XlsxRows(ZipArchive zip, Stream? ownedStream, ZipArchiveEntry sheet, SharedStrings sharedStrings, Expansion expansion, RollLimits limits)
    {
        _zip = zip;
        _ownedStream = ownedStream;
        _sharedStrings = sharedStrings;
        _limits = limits;
        _compressed = sheet.CompressedLength;
        _uncompressed = Math.Max(1, sheet.Length);
        _sheetStream = expansion.Open(sheet);
        _counter = new CountingStream(_sheetStream);
        _reader = XmlReader.Create(_counter, Settings());
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
            CheckCentralDirectory(stream);
            var counter = new CountingStream(stream, seekable: true);
            zip = new ZipArchive(counter, ZipArchiveMode.Read, leaveOpen: true);
            var expansion = new Expansion(limits, counter);
            var sheetPath = FirstSheetPath(zip, expansion);
            var sheet = zip.GetEntry(sheetPath)
                ?? throw new RollFormatException("not-csv-or-xlsx", "Excel 文件中找不到工作表。The workbook has no worksheet.");
            return new XlsxRows(zip, ownsStream ? stream : null, sheet, SharedStrings.Read(zip, expansion, limits), expansion, limits);
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

    /// <summary>
    /// Reads the end-of-central-directory record (and its Zip64 form) and refuses a directory a workbook never
    /// has, before <see cref="ZipArchive"/> turns every entry into an object.
    /// </summary>
    private static void CheckCentralDirectory(Stream stream)
    {
        var start = stream.Position;
        var length = stream.Length - start;
        var tail = new byte[(int)Math.Min(length, 22 + 65535 + 20)];
        stream.Position = start + length - tail.Length;
        stream.ReadExactly(tail);
        var eocd = tail.AsSpan().LastIndexOf("PK\x05\x06"u8);
        if (eocd < 0 || eocd + 22 > tail.Length)
        {
            throw new InvalidDataException("no end of central directory");
        }

        long entries = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(eocd + 10));
        long size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(eocd + 12));
        if ((entries == 0xFFFF || size == 0xFFFFFFFF) && eocd >= 20 && tail.AsSpan(eocd - 20).StartsWith("PK\x06\x07"u8))
        {
            var zip64 = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(eocd - 20 + 8));
            var record = new byte[56];
            if (zip64 < 0 || zip64 > length - record.Length)
            {
                throw new InvalidDataException("bad zip64 locator");
            }

            stream.Position = start + zip64;
            stream.ReadExactly(record);
            if (!record.AsSpan().StartsWith("PK\x06\x06"u8))
            {
                throw new InvalidDataException("bad zip64 record");
            }

            entries = (long)Math.Min(System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32)), long.MaxValue);
            size = (long)Math.Min(System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(40)), long.MaxValue);
        }

        if (entries > MaxEntries || size > MaxCentralDirectoryBytes)
        {
            throw new RollFormatException("too-large",
                $"Excel 文件包含 {entries} 个部件，正常工作簿不会超过 {MaxEntries} 个，已拒绝。The workbook has {entries} parts (directory {size} bytes); a workbook has at most {MaxEntries}, so it is refused.");
        }

        stream.Position = start;
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
                raw = ReadText(_reader, _limits.MaxRecordChars, ref _text, Row);
                if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth)
                {
                    break;
                }
            }
            else if (_reader.LocalName == "is")
            {
                inline = ReadStringItem(_reader, _limits.MaxRecordChars, ref _text, Row);
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
            throw TooLong(_limits.MaxRecordChars, Row);
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

    private static RollFormatException TooLong(int max, long row) => new("record-too-long",
        $"Excel 工作表第 {row} 行超过 {max} 个字符，不像正常的名册，已拒绝。Row {row} of the worksheet is longer than {max} characters; it is refused.");

    /// <summary>
    /// The text content of the current element, like <see cref="XmlReader.ReadElementContentAsString()"/> (the
    /// reader ends on the node after the end tag), read in pieces so that a huge text fails at
    /// <paramref name="max"/> characters instead of becoming a huge string.
    /// </summary>
    private static string ReadText(XmlReader reader, int max, ref char[] scratch, long row)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        var depth = reader.Depth;
        var used = 0;
        if (!reader.Read())
        {
            throw new XmlException("unexpected end of the document");
        }

        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int n;
                do
                {
                    if (used == scratch.Length)
                    {
                        Array.Resize(ref scratch, (int)Math.Min((long)scratch.Length * 2, (long)max + 1));
                    }

                    n = reader.ReadValueChunk(scratch, used, scratch.Length - used);
                    used += n;
                    if (used > max)
                    {
                        throw TooLong(max, row);
                    }
                }
                while (n > 0);
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                throw new XmlException($"element <{reader.LocalName}> inside a text");
            }

            if (!reader.Read())
            {
                throw new XmlException("unexpected end of the document");
            }
        }

        reader.Read();
        return used == 0 ? "" : new string(scratch, 0, used);
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt;: its &lt;t&gt; and rich-text runs, without phonetic runs (&lt;rPh&gt;).</summary>
    private static string ReadStringItem(XmlReader reader, int max, ref char[] scratch, long row)
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
                var text = ReadText(reader, max, ref scratch, row);
                if (single is null && many is null)
                {
                    single = text;
                }
                else
                {
                    many ??= new System.Text.StringBuilder(single);
                    if (many.Length + text.Length > max)
                    {
                        throw TooLong(max, row);
                    }

                    many.Append(text);
                }

                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
                {
                    break;
                }
            }
        }

        return many?.ToString() ?? single ?? "";
    }

    private static string FirstSheetPath(ZipArchive zip, Expansion expansion)
    {
        var workbook = zip.GetEntry("xl/workbook.xml")
            ?? throw new RollFormatException("not-csv-or-xlsx", "ZIP 文件不是 Excel 工作簿。The ZIP file is not an Excel workbook.");
        string? relationId = null;
        using (var stream = expansion.Open(workbook))
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
            using var stream = expansion.Open(rels);
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
        _ownedStream?.Dispose();
    }

    /// <summary>
    /// The shared-strings table in one character array and one array of ends: no object per string, and a
    /// table past <see cref="RollLimits.MaxSharedStrings"/> or <see cref="RollLimits.MaxSharedStringChars"/> fails.
    /// </summary>
    private sealed class SharedStrings
    {
        private char[] _chars = [];
        private long[] _ends = [];
        private int _count;

        public ReadOnlySpan<char> Get(int index)
        {
            if ((uint)index >= (uint)_count)
            {
                return [];
            }

            var start = index == 0 ? 0 : _ends[index - 1];
            return _chars.AsSpan((int)start, (int)(_ends[index] - start));
        }

        public static SharedStrings Read(ZipArchive zip, Expansion expansion, RollLimits limits)
        {
            var table = new SharedStrings();
            var entry = zip.GetEntry("xl/sharedStrings.xml");
            if (entry is null)
            {
                return table;
            }

            var maxChars = Math.Min(limits.MaxSharedStringChars, Array.MaxLength);
            var scratch = new char[256];
            long used = 0;
            using var stream = expansion.Open(entry);
            using var reader = XmlReader.Create(stream, Settings());
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si")
                {
                    continue;
                }

                if (table._count >= limits.MaxSharedStrings)
                {
                    throw TooMany(limits);
                }

                var text = ReadStringItem(reader, limits.MaxRecordChars, ref scratch, table._count + 1);
                if (used + text.Length > maxChars)
                {
                    throw TooMany(limits);
                }

                if (used + text.Length > table._chars.Length)
                {
                    Array.Resize(ref table._chars, (int)Math.Min(Math.Max(used + text.Length, Math.Max(4096, (long)table._chars.Length * 2)), maxChars));
                }

                if (table._count == table._ends.Length)
                {
                    Array.Resize(ref table._ends, (int)Math.Min(Math.Max(1024, (long)table._ends.Length * 2), limits.MaxSharedStrings));
                }

                text.CopyTo(table._chars.AsSpan((int)used));
                used += text.Length;
                table._ends[table._count++] = used;
            }

            return table;
        }

        private static RollFormatException TooMany(RollLimits limits) => new("too-many-strings",
            $"Excel 共享字符串超过 {limits.MaxSharedStrings} 条或 {limits.MaxSharedStringChars} 个字符，不像正常的名册，已拒绝。"
            + $"The workbook's shared strings exceed {limits.MaxSharedStrings} entries or {limits.MaxSharedStringChars} characters; it is refused.");
    }

    /// <summary>
    /// Opens the parts of one workbook, counting what they expand to: all parts together may produce at most
    /// <see cref="RollLimits.MaxXlsxUncompressedBytes"/>, and a part past its first MiB at most
    /// <see cref="RollLimits.MaxXlsxCompressionRatio"/> bytes per compressed byte actually read from the zip (the
    /// sizes a zip declares are checked too, but are not trusted).
    /// </summary>
    private sealed class Expansion(RollLimits limits, CountingStream archive)
    {
        private const long Grace = 1024 * 1024;

        private long _total;

        public Stream Open(ZipArchiveEntry entry)
        {
            if (entry.Length > limits.MaxXlsxUncompressedBytes - _total)
            {
                throw TooLarge();
            }

            if (entry.Length > Grace && entry.Length > entry.CompressedLength * limits.MaxXlsxCompressionRatio)
            {
                throw TooDense();
            }

            var before = archive.Count;
            return new PartStream(entry.Open(), this, before);
        }

        private void Produced(long n, long partTotal, long compressedAtOpen)
        {
            _total += n;
            if (_total > limits.MaxXlsxUncompressedBytes)
            {
                throw TooLarge();
            }

            if (partTotal > Grace && partTotal > (archive.Count - compressedAtOpen) * limits.MaxXlsxCompressionRatio)
            {
                throw TooDense();
            }
        }

        private RollFormatException TooLarge() => new("too-large",
            $"Excel 文件解压后超过 {limits.MaxXlsxUncompressedBytes / 1024 / 1024} MiB，不像正常的名册，已拒绝；请拆分名册或另存为 CSV。"
            + $"The workbook expands to more than {limits.MaxXlsxUncompressedBytes / 1024 / 1024} MiB; it is refused (split the roll or save it as CSV).");

        private RollFormatException TooDense() => new("too-large",
            $"Excel 文件的压缩比超过 {limits.MaxXlsxCompressionRatio} 倍（疑似压缩炸弹），已拒绝。"
            + $"A part of the workbook expands more than {limits.MaxXlsxCompressionRatio} times its compressed size (a possible zip bomb); it is refused.");

        private sealed class PartStream(Stream inner, Expansion owner, long compressedAtOpen) : Stream
        {
            private long _produced;

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => _produced; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

            public override int Read(Span<byte> buffer)
            {
                var read = inner.Read(buffer);
                _produced += read;
                owner.Produced(read, _produced, compressedAtOpen);
                return read;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    inner.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }

    /// <summary>Counts the bytes read through it; seekable when the inner stream is and asked to be (the zip itself).</summary>
    private sealed class CountingStream(Stream inner, bool seekable = false) : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => seekable;
        public override bool CanWrite => false;
        public override long Length => seekable ? inner.Length : throw new NotSupportedException();

        public override long Position
        {
            get => seekable ? inner.Position : Count;
            set
            {
                if (!seekable)
                {
                    throw new NotSupportedException();
                }

                inner.Position = value;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            Count += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => seekable ? inner.Seek(offset, origin) : throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
