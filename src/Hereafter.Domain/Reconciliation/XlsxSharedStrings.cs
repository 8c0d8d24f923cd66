using System.IO.Compression;
using System.Xml;

namespace Hereafter.Domain.Reconciliation;

/// <summary>
/// The shared-strings table in one character array and one array of ends: no object per string, and a
/// table past <see cref="RollLimits.MaxSharedStrings"/> or <see cref="RollLimits.MaxSharedStringChars"/> fails.
/// </summary>
internal sealed class XlsxSharedStrings
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

    public static XlsxSharedStrings Read(ZipArchive zip, XlsxExpansion expansion, RollLimits limits)
    {
        var table = new XlsxSharedStrings();
        var entry = zip.GetEntry("xl/sharedStrings.xml");
        if (entry is null)
        {
            return table;
        }

        var maxChars = Math.Min(limits.MaxSharedStringChars, Array.MaxLength);
        var scratch = new char[256];
        long used = 0;
        using var stream = expansion.Open(entry);
        using var reader = XmlReader.Create(stream, XlsxPackage.ReaderSettings());
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

            var text = XlsxText.ReadStringItem(reader, limits.MaxRecordChars, ref scratch, table._count + 1);
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
