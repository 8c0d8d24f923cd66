using System.IO.Compression;

namespace Hereafter.Domain.Reconciliation;

/// <summary>
/// Opens the parts of one workbook, counting what they expand to: all parts together may produce at most
/// <see cref="RollLimits.MaxXlsxUncompressedBytes"/>, and a part past its first MiB at most
/// <see cref="RollLimits.MaxXlsxCompressionRatio"/> bytes per compressed byte actually read from the zip (the
/// sizes a zip declares are checked too, but are not trusted).
/// </summary>
internal sealed class XlsxExpansion(RollLimits limits, CountingStream archive)
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

    private sealed class PartStream(Stream inner, XlsxExpansion owner, long compressedAtOpen) : Stream
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
