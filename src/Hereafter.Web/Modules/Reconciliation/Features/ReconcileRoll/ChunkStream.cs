using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReconcileRoll;

/// <summary>
/// A read-only, seekable view of an uploaded roll stored in <c>reconciliation_upload_chunks</c>: one chunk
/// in memory at a time. Seekable so that an XLSX (a zip, read from its end) needs no copy.
/// </summary>
internal sealed class ChunkStream(HereafterDbContext db, Guid jobId, long length, int chunkSize) : Stream
{
    private byte[] _chunk = [];
    private int _chunkIndex = -1;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= length || buffer.Length == 0) return 0;
        var index = (int)(_position / chunkSize);
        if (index != _chunkIndex)
        {
            _chunk = db.Set<UploadChunk>().AsNoTracking().Where(c => c.JobId == jobId && c.Index == index).Select(c => c.Data).FirstOrDefault()
                     ?? throw new InvalidOperationException($"Chunk {index} of upload {jobId} is missing.");
            _chunkIndex = index;
        }
        var within = (int)(_position - (long)index * chunkSize);
        var n = Math.Min(buffer.Length, _chunk.Length - within);
        if (n <= 0) return 0;
        _chunk.AsSpan(within, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        return _position;
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
