using System.Text;

namespace Hereafter.Domain.Reconciliation;

/// <summary>
/// Streams CSV records (RFC 4180: comma-separated, fields optionally in double quotes with <c>""</c> for a
/// quote, quoted fields may hold commas and line breaks; lines end in LF or CRLF). Bytes are decoded in
/// large chunks and records are split in place, so an unquoted row costs no allocation.
/// </summary>
/// <remarks>
/// Row numbers are physical line numbers (the header is line 1; blank lines are skipped but still counted,
/// so the number matches what an editor shows). A record whose quoted field spans lines gets the number of
/// its first line. A line holding only whitespace and commas is blank (spreadsheets export empty rows so).
/// A record longer than <see cref="MaxRecordChars"/> (an unclosed quote, a file without line breaks) fails
/// the file: the unread text never exceeds the cap plus one read, so the buffer stops growing there and a
/// record is rescanned at most once per read before it fails.
/// </remarks>
internal sealed class CsvRows : RollRows
{
    private readonly Stream _stream;
    private readonly byte[] _bytes;
    private readonly Decoder _decoder;
    private char[] _chars;
    private char[] _scratch = new char[256];
    private int _pos;
    private int _end;
    private bool _streamDone;
    private long _bytesRead;
    private long _line;
    private readonly Stack<char[]> _spare = new();

    /// <summary>Reads a chunk already decoded and cut at a record boundary by <see cref="NextChunk"/>.</summary>
    public CsvRows(char[] chunk, int length, long linesBefore, int maxRecordChars)
    {
        MaxRecordChars = maxRecordChars;
        _stream = Stream.Null;
        _bytes = [];
        _decoder = Encoding.UTF8.GetDecoder();
        _chars = chunk;
        _end = length;
        _line = linesBefore;
        _streamDone = true;
        Text = _chars;
    }

    public CsvRows(Stream stream, byte[] buffer, int skip, int prefilled, Encoding encoding, int maxRecordChars)
    {
        MaxRecordChars = maxRecordChars;
        _stream = stream;
        _bytes = buffer;
        _decoder = encoding.GetDecoder();
        _chars = new char[buffer.Length * 2];
        _bytesRead = prefilled;
        Decode(buffer.AsSpan(skip, prefilled - skip), prefilled < buffer.Length);
        Text = _chars;
    }

    public override long BytesRead => _bytesRead;

    /// <summary>Longest record accepted, in characters; a longer one fails the file (<see cref="RollLimits.MaxRecordChars"/>).</summary>
    public int MaxRecordChars { get; }

    private RollFormatException RecordTooLong(long line) => new("record-too-long",
        $"CSV 第 {line} 行开始的一条记录超过 {MaxRecordChars} 个字符，多半是引号没有闭合。"
        + $"The record starting at line {line} is longer than {MaxRecordChars} characters; a quote is probably not closed.");

    /// <summary>
    /// Hands out the rest of the file in pieces that end at a record boundary (never inside a quoted field),
    /// with the number of lines before each, so that pieces can be classified on other threads and still
    /// give the same row numbers. Call after the header has been read with <see cref="MoveNext"/>.
    /// </summary>
    public bool NextChunk(out char[] chunk, out int length, out long linesBefore)
    {
        while (true)
        {
            var span = _chars.AsSpan(_pos, _end - _pos);
            if (span.IsEmpty)
            {
                if (_streamDone || !Fill())
                {
                    chunk = [];
                    length = 0;
                    linesBefore = _line;
                    return false;
                }

                continue;
            }

            var split = _streamDone ? span.Length : CsvRecordBoundary.LastRecordEnd(span);
            if (split <= 0)
            {
                if (span.Length > MaxRecordChars)
                {
                    throw RecordTooLong(_line + 1);
                }

                Fill(); // one record longer than what is decoded: read on (up to the cap, the buffer holds it)
                continue;
            }

            chunk = RentChunk(split); // handed back with ReturnChunk once the piece is classified
            span[..split].CopyTo(chunk);
            length = split;
            linesBefore = _line;
            _line += span[..split].Count('\n');
            _pos += split;
            return true;
        }
    }

    /// <summary>Gives a piece's text back for reuse by a later <see cref="NextChunk"/> (any thread).</summary>
    /// <remarks>
    /// The few buffers in flight are reused here rather than rented from the shared pool: pieces are megabytes, and the
    /// shared pool drops its arrays at every full collection, so a run allocated a new large array per piece (2.6 GB
    /// and 28 full collections on a 835 MiB roll).
    /// </remarks>
    public void ReturnChunk(char[] chunk)
    {
        lock (_spare)
        {
            if (_spare.Count < 8)
            {
                _spare.Push(chunk);
            }
        }
    }

    private char[] RentChunk(int length)
    {
        lock (_spare)
        {
            while (_spare.TryPop(out var spare))
            {
                if (spare.Length >= length)
                {
                    return spare;
                }
            }
        }

        return new char[Math.Max(length, _chars.Length)];
    }

    public override bool MoveNext()
    {
        while (true)
        {
            if (_pos >= _end)
            {
                if (_streamDone || !Fill())
                {
                    return false;
                }

                continue;
            }

            var rest = _chars.AsSpan(_pos, _end - _pos);
            var stop = rest.IndexOfAny('\n', '"');
            if (stop >= 0 && rest[stop] == '"')
            {
                ReadQuoted();
                return true;
            }

            int length, consumed;
            if (stop >= 0)
            {
                length = stop;
                consumed = stop + 1;
            }
            else if (!_streamDone)
            {
                if (rest.Length > MaxRecordChars)
                {
                    throw RecordTooLong(_line + 1);
                }

                Fill();
                continue;
            }
            else
            {
                length = consumed = rest.Length;
            }

            if (length > MaxRecordChars)
            {
                throw RecordTooLong(_line + 1);
            }

            var start = _pos;
            _pos += consumed;
            _line++;
            if (length > 0 && _chars[start + length - 1] == '\r')
            {
                length--;
            }

            var line = _chars.AsSpan(start, length);
            if (IsBlank(line))
            {
                continue;
            }

            Row = _line;
            Text = _chars;
            Count = 0;
            var fieldStart = 0;
            while (true)
            {
                var comma = line[fieldStart..].IndexOf(',');
                if (comma < 0)
                {
                    AddField(start + fieldStart, length - fieldStart);
                    break;
                }

                AddField(start + fieldStart, comma);
                fieldStart += comma + 1;
            }

            return true;
        }
    }

    /// <summary>
    /// Parses a record holding a quote (so never blank) into the scratch buffer, refilling when the record
    /// runs past the decoded chunk.
    /// </summary>
    private void ReadQuoted()
    {
        while (true)
        {
            var span = _chars.AsSpan(_pos, _end - _pos);
            Count = 0;
            var written = 0;
            var fieldStart = 0;
            var lines = 1;
            var inQuotes = false;
            var atFieldStart = true;
            var complete = false;
            var i = 0;
            for (; i < span.Length; i++)
            {
                var c = span[i];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 < span.Length && span[i + 1] == '"')
                        {
                            Put(ref written, '"');
                            i++;
                        }
                        else if (i + 1 == span.Length && !_streamDone)
                        {
                            break; // cannot tell a closing quote from a doubled one yet
                        }
                        else
                        {
                            inQuotes = false;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            lines++;
                        }

                        Put(ref written, c);
                    }

                    continue;
                }

                if (c == '\n')
                {
                    complete = true;
                    break;
                }

                if (c == ',')
                {
                    AddField(fieldStart, written - fieldStart);
                    fieldStart = written;
                    atFieldStart = true;
                    continue;
                }

                if (c == '"' && atFieldStart)
                {
                    inQuotes = true;
                    atFieldStart = false;
                    continue;
                }

                // a quote inside an unquoted field is kept as written
                atFieldStart = false;
                Put(ref written, c);
            }

            if (complete ? i > MaxRecordChars : span.Length > MaxRecordChars)
            {
                throw RecordTooLong(_line + 1);
            }

            if (!complete && !_streamDone)
            {
                Fill();
                continue;
            }

            // the record ends at the line break (or at the end of the file)
            if (!inQuotes && written > fieldStart && _scratch[written - 1] == '\r')
            {
                written--;
            }

            AddField(fieldStart, written - fieldStart);
            _pos += complete ? i + 1 : span.Length;
            Row = _line + 1;
            _line += lines;
            Text = _scratch;
            return;
        }
    }

    /// <summary>
    /// Appends to the scratch record, doubling it when full: it grows with the longest record, not with the text left in
    /// the buffer (sizing it to that cost a megabytes-large array per piece of a roll with quoted amounts).
    /// </summary>
    private void Put(ref int written, char c)
    {
        if (written == _scratch.Length)
        {
            Array.Resize(ref _scratch, _scratch.Length * 2);
        }

        _scratch[written++] = c;
    }

    private static bool IsBlank(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (c != ',' && !char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Moves the unread text to the front, reads and decodes the next chunk. False at the end of the stream.</summary>
    private bool Fill()
    {
        var remaining = _end - _pos;
        if (_chars.Length - remaining < _bytes.Length)
        {
            var bigger = new char[Math.Max(_chars.Length * 2, remaining + _bytes.Length)];
            _chars.AsSpan(_pos, remaining).CopyTo(bigger);
            _chars = bigger;
        }
        else if (_pos > 0)
        {
            _chars.AsSpan(_pos, remaining).CopyTo(_chars);
        }

        _pos = 0;
        _end = remaining;
        Text = _chars;
        if (_streamDone)
        {
            return false;
        }

        var read = _stream.Read(_bytes, 0, _bytes.Length);
        _bytesRead += read;
        Decode(_bytes.AsSpan(0, read), read == 0);
        return read > 0 || _end > remaining;
    }

    private void Decode(ReadOnlySpan<byte> bytes, bool final)
    {
        try
        {
            _end += _decoder.GetChars(bytes, _chars.AsSpan(_end), final);
        }
        catch (DecoderFallbackException)
        {
            throw new RollFormatException("encoding",
                "文件编码不一致：开头是 UTF-8，后面出现了非 UTF-8 内容；请指定编码（如 GBK）。The file starts as UTF-8 but later holds bytes that are not UTF-8; choose the encoding (e.g. GBK) explicitly.");
        }

        if (final)
        {
            _streamDone = true;
        }
    }
}
