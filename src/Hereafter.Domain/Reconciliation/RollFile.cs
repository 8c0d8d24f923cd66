using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Hereafter.Domain.Reconciliation;

/// <summary>
/// Rows of a roll or deaths file, whatever its format: the fields of the current row are
/// <see cref="Text"/>[<see cref="Starts"/>[i] .. + <see cref="Lengths"/>[i]] for i &lt; <see cref="Count"/>.
/// The buffers are reused: a row is valid until the next <see cref="MoveNext"/>.
/// </summary>
internal abstract class RollRows : IDisposable
{
    public char[] Text = [];
    public int[] Starts = new int[16];
    public int[] Lengths = new int[16];
    public int Count;

    /// <summary>The row number as the clerk sees it: the physical line (CSV) or sheet row (XLSX), header = 1.</summary>
    public long Row;

    public abstract long BytesRead { get; }

    /// <summary>True for spreadsheets, where a row simply ends at its last filled cell: absent cells are empty, never "too few columns".</summary>
    public virtual bool PadsMissingFields => false;

    /// <summary>Tells a spreadsheet reader which fields are dates (-1 = none), so it can read serial dates there.</summary>
    public virtual void UseDateColumns(int birthDate, int month)
    {
    }

    public abstract bool MoveNext();

    public ReadOnlySpan<char> Field(int index) =>
        (uint)index < (uint)Count ? Text.AsSpan(Starts[index], Lengths[index]) : [];

    protected void AddField(int start, int length)
    {
        if (Count == Starts.Length)
        {
            Array.Resize(ref Starts, Count * 2);
            Array.Resize(ref Lengths, Count * 2);
        }

        Starts[Count] = start;
        Lengths[Count] = length;
        Count++;
    }

    public virtual void Dispose()
    {
    }
}

/// <summary>Opens a roll: tells XLSX from CSV by content, refuses binary junk, detects the text encoding.</summary>
internal static class RollFile
{
    private const int ProbeBytes = 1 << 20;

    static RollFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030, the superset of GBK that old Chinese systems write.</summary>
    public static Encoding Gb18030 => Encoding.GetEncoding(54936);

    /// <exception cref="RollFormatException">Empty, binary, not CSV or XLSX, or an unsupported encoding.</exception>
    public static RollRows Open(Stream stream, Encoding? forced, bool allowXlsx, RollLimits? limits = null)
    {
        limits ??= RollLimits.Default;
        var start = stream.CanSeek ? stream.Position : -1;
        var probe = new byte[ProbeBytes];
        var length = ReadFully(stream, probe);
        var head = probe.AsSpan(0, length);

        if (length == 0)
        {
            throw new RollFormatException("empty", "文件是空的。The file is empty.");
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            if (!allowXlsx)
            {
                throw new RollFormatException("not-csv-or-xlsx", "此文件须为 CSV。This file must be CSV.");
            }

            // A zip is read from its end: a seekable stream is read in place, anything else is spooled to a
            // temporary file first (ZipArchive would otherwise copy the whole upload into memory).
            if (start >= 0)
            {
                stream.Position = start;
                return XlsxRows.Open(stream, ownsStream: false, limits);
            }

            return XlsxRows.Open(Spool(new PrefixedStream(probe, length, stream)), ownsStream: true, limits);
        }

        if (head.StartsWith("%PDF"u8) || head.StartsWith("PK"u8) || head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0])
            || head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
            || head.StartsWith("GIF8"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) || head.StartsWith("Rar!"u8) || head.StartsWith("7z"u8))
        {
            throw new RollFormatException("not-csv-or-xlsx", "文件不是 CSV 或 Excel (.xlsx)。The file is neither CSV nor Excel (.xlsx); old .xls files must be saved as .xlsx or CSV.");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new RollFormatException("encoding", "文件是 UTF-16 编码，请另存为 UTF-8 或 GBK 的 CSV。The file is UTF-16; save it as CSV in UTF-8 or GBK.");
        }

        if (LooksBinary(head))
        {
            throw new RollFormatException("binary", "文件包含二进制内容，不是文本。The file contains binary data, not text.");
        }

        var bom = head.StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        Encoding encoding;
        if (forced is not null)
        {
            encoding = forced.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false, true) : forced;
            if (encoding.CodePage != Encoding.UTF8.CodePage)
            {
                bom = 0;
            }
        }
        else if (bom > 0 || IsUtf8(head[bom..], final: length < ProbeBytes))
        {
            encoding = new UTF8Encoding(false, true);
        }
        else
        {
            encoding = Gb18030;
        }

        return new CsvRows(stream, probe, bom, length, encoding, limits.MaxRecordChars);
    }

    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0))
        {
            return true;
        }

        var control = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C))
            {
                control++;
            }
        }

        return control > head.Length / 100;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool final)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: final);
            return status is System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.NeedMoreData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static FileStream Spool(Stream source)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            source.CopyTo(file);
            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}

/// <summary>The probed prefix followed by the rest of the stream, for readers that need a plain stream.</summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream rest) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return rest.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
