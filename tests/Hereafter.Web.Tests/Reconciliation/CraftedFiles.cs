using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Hereafter.Web.Tests.Reconciliation;

/// <summary>Hostile rolls built in memory (nothing large is committed): a zip bomb dressed as a workbook, an endless CSV record.</summary>
public static class CraftedFiles
{
    private const string SheetHead = """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""
        + """<row r="1"><c t="inlineStr"><is><t>身份证号</t></is></c><c t="inlineStr"><is><t>姓名</t></is></c><c t="inlineStr"><is><t>月发放金额</t></is></c><c t="inlineStr"><is><t>已发放至</t></is></c></row>""";

    /// <summary>
    /// An XLSX of about <paramref name="fileBytes"/> whose sheet expands to <paramref name="sheetMiB"/> MiB (kept under
    /// 4 GiB, so no Zip64): the sheet is one MiB of blanks deflated once and its compressed form repeated, which is how a
    /// real bomb is made cheaply; a stored picture of random bytes brings the file to its size.
    /// </summary>
    public static byte[] XlsxBomb(int sheetMiB = 3300, int fileBytes = 5 * 1024 * 1024)
    {
        var blanks = new byte[1024 * 1024];
        blanks.AsSpan().Fill((byte)' ');
        var head = Encoding.UTF8.GetBytes(SheetHead);
        var tail = "</sheetData></worksheet>"u8.ToArray();
        byte[] first, repeat, end;
        using (var compressed = new MemoryStream())
        {
            long a, b;
            using (var deflate = new DeflateStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                deflate.Write(head);
                deflate.Write(blanks);
                deflate.Flush(); // a sync flush ends on a byte boundary: what follows may be repeated
                a = compressed.Length;
                deflate.Write(blanks);
                deflate.Flush();
                b = compressed.Length;
                deflate.Write(tail);
            }

            var all = compressed.ToArray();
            first = all[..(int)a];
            repeat = all[(int)a..(int)b];
            end = all[(int)b..];
        }

        var sheet = new MemoryStream();
        sheet.Write(first);
        for (var i = 1; i < sheetMiB; i++)
        {
            sheet.Write(repeat);
        }

        sheet.Write(end);
        var sheetLength = head.Length + (long)sheetMiB * blanks.Length + tail.Length;

        var zip = new ZipWriter();
        zip.Add("xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="roll" sheetId="1" r:id="rId1"/></sheets></workbook>"""u8.ToArray());
        zip.Add("xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""u8.ToArray());
        // the CRC of 3 GB is not worth computing: no reader gets to the end of this entry
        zip.AddDeflated("xl/worksheets/sheet1.xml", sheet.ToArray(), sheetLength, crc: 0);
        var padding = new byte[Math.Max(0, fileBytes - (int)zip.Length - 300)];
        new Random(8).NextBytes(padding);
        zip.Add("xl/media/image1.png", padding);
        return zip.Finish();
    }

    /// <summary>A CSV of about <paramref name="bytes"/> whose very first character opens a quote that never closes.</summary>
    public static byte[] UnclosedQuoteCsv(int bytes = 32 * 1024 * 1024)
    {
        var stream = new MemoryStream(bytes + 1024);
        stream.Write("\"身份证号,姓名,月发放金额,已发放至\n"u8);
        var line = "520102195003070011,张三,100,2026-06\n"u8.ToArray();
        while (stream.Length < bytes)
        {
            stream.Write(line);
        }

        return stream.ToArray();
    }

    /// <summary>Just enough of the ZIP format (no Zip64, no data descriptors) to write entries as given.</summary>
    private sealed class ZipWriter
    {
        private readonly MemoryStream _out = new();
        private readonly MemoryStream _directory = new();
        private int _count;

        public long Length => _out.Length;

        /// <summary>A stored entry.</summary>
        public void Add(string name, byte[] data) => Entry(name, 0, data, data.Length, Crc32(data));

        public void AddDeflated(string name, byte[] deflated, long length, uint crc) => Entry(name, 8, deflated, length, crc);

        private void Entry(string name, ushort method, byte[] data, long length, uint crc)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var offset = (uint)_out.Length;
            var date = (ushort)(((2026 - 1980) << 9) | (1 << 5) | 1);
            Span<byte> local = stackalloc byte[30];
            BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034b50);
            BinaryPrimitives.WriteUInt16LittleEndian(local[4..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(local[8..], method);
            BinaryPrimitives.WriteUInt16LittleEndian(local[12..], date);
            BinaryPrimitives.WriteUInt32LittleEndian(local[14..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(local[18..], (uint)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(local[22..], checked((uint)length));
            BinaryPrimitives.WriteUInt16LittleEndian(local[26..], (ushort)nameBytes.Length);
            _out.Write(local);
            _out.Write(nameBytes);
            _out.Write(data);

            Span<byte> central = stackalloc byte[46];
            BinaryPrimitives.WriteUInt32LittleEndian(central, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(central[4..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(central[6..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(central[10..], method);
            BinaryPrimitives.WriteUInt16LittleEndian(central[14..], date);
            BinaryPrimitives.WriteUInt32LittleEndian(central[16..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(central[20..], (uint)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(central[24..], checked((uint)length));
            BinaryPrimitives.WriteUInt16LittleEndian(central[28..], (ushort)nameBytes.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(central[42..], offset);
            _directory.Write(central);
            _directory.Write(nameBytes);
            _count++;
        }

        public byte[] Finish()
        {
            var directoryOffset = (uint)_out.Length;
            _directory.Position = 0;
            _directory.CopyTo(_out);
            Span<byte> eocd = stackalloc byte[22];
            BinaryPrimitives.WriteUInt32LittleEndian(eocd, 0x06054b50);
            BinaryPrimitives.WriteUInt16LittleEndian(eocd[8..], (ushort)_count);
            BinaryPrimitives.WriteUInt16LittleEndian(eocd[10..], (ushort)_count);
            BinaryPrimitives.WriteUInt32LittleEndian(eocd[12..], (uint)_directory.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(eocd[16..], directoryOffset);
            _out.Write(eocd);
            return _out.ToArray();
        }

        private static uint Crc32(ReadOnlySpan<byte> data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in data)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
