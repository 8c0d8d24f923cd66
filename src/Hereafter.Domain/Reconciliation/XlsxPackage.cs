using System.IO.Compression;
using System.Xml;

namespace Hereafter.Domain.Reconciliation;

/// <summary>The zip package around a workbook: its central directory, bounded before it is loaded, and where the first sheet is.</summary>
internal static class XlsxPackage
{
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>A real workbook has a few dozen parts; a central directory beyond this is refused before it is loaded.</summary>
    private const int MaxEntries = 10_000;
    private const long MaxCentralDirectoryBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Reads the end-of-central-directory record (and its Zip64 form) and refuses a directory a workbook never
    /// has, before <see cref="ZipArchive"/> turns every entry into an object.
    /// </summary>
    public static void CheckCentralDirectory(Stream stream)
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

    public static string FirstSheetPath(ZipArchive zip, XlsxExpansion expansion)
    {
        var workbook = zip.GetEntry("xl/workbook.xml")
            ?? throw new RollFormatException("not-csv-or-xlsx", "ZIP 文件不是 Excel 工作簿。The ZIP file is not an Excel workbook.");
        string? relationId = null;
        using (var stream = expansion.Open(workbook))
        using (var reader = XmlReader.Create(stream, ReaderSettings()))
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
            using var reader = XmlReader.Create(stream, ReaderSettings());
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

    public static XmlReaderSettings ReaderSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };
}
