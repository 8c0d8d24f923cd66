using System.Numerics;
using System.Runtime.Intrinsics;

namespace Hereafter.Domain.Reconciliation;

/// <summary>
/// The death register indexed for matching: by ID (packed into a 64-bit key), and by normalised name
/// combined with ID fragments (rule 4(b)) or the birth date (rule 4(c)). One record per person: the first
/// valid record of each ID is used, later ones and invalid ones are listed in <see cref="Rejected"/>.
/// </summary>
/// <remarks>
/// Rules 4(b) and 4(c) look only among the deaths of the row's name. Most names have a few deaths (on a register of a
/// million, eleven on average weighted by how often rows carry them), kept side by side with their ID digits and birth
/// dates, so a scan of them costs less than one random lookup. For a name with more than <see cref="ScanLimit"/> deaths,
/// rule 4(b) uses the pigeonhole principle instead of comparing the row with every one of them: two IDs that differ in
/// one character, or by one swap of adjacent characters, agree on at least one of a few fixed sets of positions (see
/// <see cref="NearFragments"/>). So a handful of exact lookups finds every candidate, which is then checked character
/// by character, and the work per row stays bounded however common a name is.
/// </remarks>
public sealed class DeathRegister
{
    private readonly long[] _ids;
    private readonly int[] _nameIds;
    private readonly int[] _births;
    private readonly int[] _givenBirths;
    private readonly int[] _deathDates;
    private readonly string[] _rawNames;
    private readonly Death?[] _records;
    private readonly string[] _names;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;
    private readonly LongIntMap _byId;
    /// <summary>
    /// The ID positions (0-based) each near-ID index keys on. A substitution at p or a swap of p and p+1
    /// leaves at least one of these sets untouched: 0–8 → {9–17}; 9–12 → {0–8, 13–17}; 13–17 → {0–12};
    /// swap 8/9 → {0–7, 10–17}; swap 12/13 → {0–11, 14–17}. Every set keeps some of the month, day and
    /// sequence digits, so a common name in one district and decade does not make a long chain.
    /// </summary>
    private static readonly int[] NearFragments =
    [
        Positions(9, 17),
        Positions(0, 8) | Positions(13, 17),
        Positions(0, 12),
        Positions(0, 7) | Positions(10, 17),
        Positions(0, 11) | Positions(14, 17),
    ];

    /// <summary>
    /// Names with at most this many deaths are checked against rules 4(b) and 4(c) by scanning their deaths (a few
    /// dozen bytes side by side); only the commoner names use the chain tables, which bound the work per row
    /// however many deaths share a name.
    /// </summary>
    internal const int ScanLimit = 64;

    // The deaths of each name in register order: those of name k are _byName[_nameStart[k] .. _nameStart[k + 1]],
    // with their 18 ID digit values (stride 18) and birth dates beside them in the same order.
    private readonly int[] _nameStart;
    private readonly int[] _byName;
    private readonly byte[] _byNameDigits;
    private readonly int[] _byNameBirths;

    private readonly ChainHeads[] _near = new ChainHeads[NearFragments.Length];
    private readonly int[][] _nearNext = new int[NearFragments.Length][];
    private readonly ChainHeads _byBirth;
    private readonly int[] _birthNext;

    private DeathRegister(Builder b)
    {
        _ids = [.. b.Ids];
        _nameIds = [.. b.NameIds];
        _births = [.. b.Births];
        _givenBirths = [.. b.GivenBirths];
        _deathDates = [.. b.DeathDates];
        _rawNames = [.. b.RawNames];
        _records = b.Records is null ? new Death?[_ids.Length] : [.. b.Records];
        _names = [.. b.Names];
        _nameLookup = b.NameIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        _byId = b.ById;
        Rejected = b.Rejected;

        var n = _ids.Length;
        Span<byte> digits = stackalloc byte[18];

        // Group the deaths by name (a counting sort keeps register order within a name).
        _nameStart = new int[_names.Length + 1];
        for (var i = 0; i < n; i++)
        {
            if (_nameIds[i] >= 0)
            {
                _nameStart[_nameIds[i] + 1]++;
            }
        }

        for (var k = 1; k < _nameStart.Length; k++)
        {
            _nameStart[k] += _nameStart[k - 1];
        }

        var named = _nameStart[^1];
        _byName = new int[named];
        _byNameDigits = new byte[named * 18];
        _byNameBirths = new int[named];
        var fill = _nameStart[..^1];
        var common = 0;
        for (var i = 0; i < n; i++)
        {
            var name = _nameIds[i];
            if (name < 0)
            {
                continue;
            }

            var at = fill[name]++;
            _byName[at] = i;
            IdKey.Digits(_ids[i], _byNameDigits.AsSpan(at * 18, 18));
            _byNameBirths[at] = _births[i];
            if (IsCommon(name))
            {
                common++;
            }
        }

        // The chain tables hold only the deaths of common names.
        for (var k = 0; k < _near.Length; k++)
        {
            _near[k] = new ChainHeads(common);
            _nearNext[k] = new int[n];
        }

        _byBirth = new ChainHeads(common);
        _birthNext = new int[n];
        // The chain tables hold few deaths (those of common names) and fit in the CPU's caches: the deaths are pushed
        // from the last to the first, so every chain lists them in register order.
        foreach (var next in _nearNext)
        {
            Array.Fill(next, -1);
        }

        Array.Fill(_birthNext, -1);
        for (var i = n - 1; i >= 0; i--)
        {
            var name = _nameIds[i];
            if (name < 0 || !IsCommon(name))
            {
                continue;
            }

            IdKey.Digits(_ids[i], digits);
            for (var k = 0; k < _near.Length; k++)
            {
                _nearNext[k][i] = _near[k].Push(NearKey(k, digits, name), i);
            }

            if (_births[i] != 0)
            {
                _birthNext[i] = _byBirth.Push(BirthKey(name, _births[i]), i);
            }
        }
    }

    /// <summary>The number of deaths in the register (after rejections).</summary>
    public int Count => _ids.Length;

    /// <summary>Deaths-file rows not used, in file order.</summary>
    public IReadOnlyList<DeathRejection> Rejected { get; }

    /// <summary>From the platform's certificates (already valid; the first record of each ID wins).</summary>
    /// <remarks>IDs and names are normalised like a file's; a record that still fails is listed in <see cref="Rejected"/> with its 1-based position.</remarks>
    public static DeathRegister From(IEnumerable<Death> deaths)
    {
        ArgumentNullException.ThrowIfNull(deaths);
        var builder = new Builder(deaths.TryGetNonEnumeratedCount(out var count) ? count : 1024) { Records = [] };
        var parsed = new ParsedDeaths();
        long position = 0;
        foreach (var death in deaths)
        {
            position++;
            parsed.Add(position, death.IdNumber, death.Name, death.BirthDate is { } b ? RollValues.FromDate(b) : 0, RollValues.FromDate(death.DeathDate));
            var before = builder.Ids.Count;
            builder.Commit(parsed);
            parsed.Clear();
            if (builder.Ids.Count > before)
            {
                builder.Records.Add(death with { IdNumber = IdKey.ToId(builder.Ids[^1]) });
            }
        }

        return new DeathRegister(builder);
    }

    /// <summary>
    /// From a deaths CSV <c>id_number,name,birth_date,death_date</c> (UTF-8; Chinese headers
    /// 身份证号, 姓名, 出生日期, 死亡日期 also accepted, any column order, <c>birth_date</c> optional).
    /// Rows with an invalid ID (after normalisation not 17 digits plus a digit or X, or a wrong check
    /// character), a missing or unparseable death date, or an ID already seen go to <see cref="Rejected"/>.
    /// </summary>
    /// <exception cref="RollFormatException">The file is empty, binary or lacks a required column.</exception>
    public static DeathRegister ReadCsv(Stream csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var rows = RollFile.Open(csv, null, allowXlsx: false);
        if (!rows.MoveNext())
        {
            throw new RollFormatException("empty", "死亡名单是空的。The deaths file is empty.");
        }

        var map = Columns.Map(rows, Columns.Deaths);
        var columns = new DeathColumns(map[0], map[1], map[2], map[3]);
        // ~60 bytes a record: sizing the ID index up front saves rehashing a million entries
        var builder = new Builder(csv.CanSeek ? (int)Math.Min(csv.Length / 60, 50_000_000) : 1024);
        if (rows is CsvRows file && Environment.ProcessorCount > 1)
        {
            ReadPieces(file, columns, builder);
        }
        else
        {
            var parsed = new ParsedDeaths();
            while (rows.MoveNext())
            {
                parsed.Parse(rows, columns);
                builder.Commit(parsed);
                parsed.Clear();
            }
        }

        return new DeathRegister(builder);
    }

    /// <summary>
    /// The deaths file in pieces: each piece is parsed and normalised on a pool thread, and the pieces are added to the
    /// register here in file order, so the first valid record of an ID wins exactly as in a sequential read.
    /// </summary>
    private static void ReadPieces(CsvRows file, DeathColumns columns, Builder builder)
    {
        const int InFlight = 3;
        var pending = new Queue<Task<ParsedDeaths>>();
        try
        {
            while (file.NextChunk(out var chunk, out var length, out var linesBefore))
            {
                var maxRecordChars = file.MaxRecordChars;
                pending.Enqueue(Task.Run(() =>
                {
                    try
                    {
                        var parsed = new ParsedDeaths();
                        using var rows = new CsvRows(chunk, length, linesBefore, maxRecordChars);
                        while (rows.MoveNext())
                        {
                            parsed.Parse(rows, columns);
                        }

                        return parsed;
                    }
                    finally
                    {
                        file.ReturnChunk(chunk);
                    }
                }));
                if (pending.Count == InFlight)
                {
                    builder.Commit(Result(pending.Dequeue()));
                }
            }

            while (pending.Count > 0)
            {
                builder.Commit(Result(pending.Dequeue()));
            }
        }
        finally
        {
            foreach (var task in pending)
            {
                try
                {
                    task.Wait();
                }
                catch (AggregateException)
                {
                    // the read has failed already; this piece's result is discarded
                }
            }
        }
    }

    /// <summary>Blocks without spinning (a spinning waiter takes a core from the pool threads parsing the next pieces).</summary>
    private static ParsedDeaths Result(Task<ParsedDeaths> task)
    {
        if (!task.IsCompleted)
        {
            ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
        }

        return task.GetAwaiter().GetResult();
    }

    private readonly record struct DeathColumns(int Id, int Name, int Birth, int Death)
    {
        public int Needed => Math.Max(Math.Max(Id, Name), Death) + 1;
    }

    /// <summary>Records of the deaths file parsed and normalised, not yet added: what can be done apart from the register.</summary>
    private sealed class ParsedDeaths
    {
        public readonly List<Record> Records = [];
        public char[] Names = new char[4096];
        private int _namesLength;

        /// <summary>A parsed record: a rejection (<see cref="Reason"/> set), or an ID key and names to add.</summary>
        public readonly record struct Record(
            long Row, long Key, string RawName, int NameStart, int NameLength, int GivenBirth, int Birth, int DeathDate,
            string? IdText = null, string? Reason = null);

        public ReadOnlySpan<char> Name(in Record record) => Names.AsSpan(record.NameStart, record.NameLength);

        public void Clear()
        {
            Records.Clear();
            _namesLength = 0;
        }

        public void Parse(RollRows rows, DeathColumns columns)
        {
            if (rows.Count < columns.Needed)
            {
                Reject(rows.Row, rows.Field(columns.Id).Trim().ToString(), $"columns: the row has {rows.Count} column(s), {columns.Needed} needed");
                return;
            }

            var deathText = rows.Field(columns.Death);
            if (deathText.Trim().IsEmpty)
            {
                Reject(rows.Row, rows.Field(columns.Id), "death_date: missing");
                return;
            }

            if (!RollValues.TryParseDate(deathText, out var deathDate))
            {
                Reject(rows.Row, rows.Field(columns.Id), "death_date: not a date (YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD)");
                return;
            }

            var birth = columns.Birth >= 0 && RollValues.TryParseDate(rows.Field(columns.Birth), out var b) ? b : 0;
            Add(rows.Row, rows.Field(columns.Id), rows.Field(columns.Name), birth, deathDate);
        }

        /// <summary>Normalises the ID and name; a record whose ID is missing, malformed or has a wrong check character is a rejection.</summary>
        public void Add(long row, ReadOnlySpan<char> rawId, ReadOnlySpan<char> rawName, int givenBirth, int deathDate)
        {
            Span<char> id = stackalloc char[24];
            var length = RollNormalisation.NormalizeId(rawId, id);
            if (length == 0)
            {
                Reject(row, rawId, "id_number: missing");
                return;
            }

            if (length < 0 || !RollNormalisation.IsWellFormedId(id[..length]))
            {
                Reject(row, rawId, "id_number: not 17 digits plus a digit or X");
                return;
            }

            var key = IdKey.Pack(id, out var checkOk);
            if (!checkOk)
            {
                Reject(row, rawId, "id_number: wrong check character");
                return;
            }

            var trimmed = rawName.Trim();
            if (Names.Length - _namesLength < trimmed.Length)
            {
                Array.Resize(ref Names, Math.Max(Names.Length * 2, _namesLength + trimmed.Length));
            }

            var start = _namesLength;
            _namesLength += RollNormalisation.NormalizeName(trimmed, Names.AsSpan(start));
            Records.Add(new Record(row, key, trimmed.ToString(), start, _namesLength - start, givenBirth,
                givenBirth != 0 ? givenBirth : RollValues.BirthFromId(id[..18]), deathDate));
        }

        public void Reject(long row, string idText, string reason) => Records.Add(new Record(row, 0, "", 0, 0, 0, 0, 0, idText, reason));

        private void Reject(long row, ReadOnlySpan<char> rawId, string reason)
        {
            Span<char> id = stackalloc char[24];
            var length = RollNormalisation.NormalizeId(rawId, id);
            Reject(row, length >= 0 ? new string(id[..length]) : rawId.Trim().ToString(), reason);
        }
    }

    internal int FindById(long key) => _byId.Get(key);

    /// <summary>The name's index in the register, or -1 when no death has it.</summary>
    internal int FindName(ReadOnlySpan<char> normalisedName) =>
        !normalisedName.IsEmpty && _nameLookup.TryGetValue(normalisedName, out var id) ? id : -1;

    /// <summary>Rule 3: equal normalised names; an empty name equals nothing, so it cannot confirm a person.</summary>
    internal bool NameEquals(int death, ReadOnlySpan<char> normalisedName) =>
        _nameIds[death] >= 0 && normalisedName.SequenceEqual(_names[_nameIds[death]]);

    internal int DeathDate(int death) => _deathDates[death];

    /// <summary>True when the name has more deaths than <see cref="ScanLimit"/>: rules 4(b) and 4(c) then use the chain tables.</summary>
    private bool IsCommon(int nameId) => _nameStart[nameId + 1] - _nameStart[nameId] > ScanLimit;

    /// <summary>
    /// Rules 4(b), then 4(c), for a row whose ID matched nothing and whose name is in the register: the first death
    /// (register order) with this name whose ID is one substitution or adjacent swap away (<paramref name="nearId"/>
    /// true); else the first with this name and birth date (yyyymmdd, 0 = unknown); else -1.
    /// </summary>
    internal int FindSameName(int nameId, ReadOnlySpan<byte> digits, int birth, out bool nearId)
    {
        if (IsCommon(nameId))
        {
            Span<uint> hashes = stackalloc uint[CandidateKeys];
            LocateCandidates(nameId, digits, birth, hashes);
            var near = FindNear(nameId, digits, hashes);
            nearId = near >= 0;
            return near >= 0 ? near : birth != 0 ? FindByBirth(nameId, birth, hashes) : -1;
        }

        // A few deaths side by side: compare 16 digits at once, and check the rare close one digit by digit.
        var row = Vector128.Create(digits[..16]);
        var byBirth = -1;
        for (var j = _nameStart[nameId]; j < _nameStart[nameId + 1]; j++)
        {
            var candidate = _byNameDigits.AsSpan(j * 18, 18);
            var differences = BitOperations.PopCount((~Vector128.Equals(row, Vector128.Create(candidate[..16]))).ExtractMostSignificantBits())
                + (digits[16] != candidate[16] ? 1 : 0) + (digits[17] != candidate[17] ? 1 : 0);
            if (differences <= 2 && IdKey.IsNear(digits, candidate))
            {
                nearId = true;
                return _byName[j];
            }

            if (byBirth < 0 && birth != 0 && _byNameBirths[j] == birth)
            {
                byBirth = _byName[j];
            }
        }

        nearId = false;
        return byBirth;
    }

    /// <summary>The number of hashes <see cref="LocateCandidates"/> fills.</summary>
    internal const int CandidateKeys = 6;

    /// <summary>
    /// Computes the lookup keys of rules 4(b) and 4(c) and reads each key's table slot once, all before any
    /// result is needed: the independent loads overlap, instead of each lookup waiting for its own cache miss.
    /// </summary>
    private void LocateCandidates(int nameId, ReadOnlySpan<byte> digits, int birth, Span<uint> hashes)
    {
        long touched = 0;
        for (var k = 0; k < _near.Length; k++)
        {
            hashes[k] = NearKey(k, digits, nameId);
            touched ^= _near[k].Touch(hashes[k]);
        }

        hashes[^1] = birth == 0 ? 0 : BirthKey(nameId, birth);
        touched ^= _byBirth.Touch(hashes[^1]);
        _touched = touched;
    }

    /// <summary>Rule 4(b): the first death (register order) with this name whose ID is one substitution or adjacent swap away.</summary>
    private int FindNear(int nameId, ReadOnlySpan<byte> digits, ReadOnlySpan<uint> hashes)
    {
        Span<byte> candidate = stackalloc byte[18];
        var best = -1;
        for (var k = 0; k < _near.Length; k++)
        {
            var next = _nearNext[k];
            for (var i = _near[k].Get(hashes[k]); i >= 0 && (best < 0 || i < best); i = next[i])
            {
                if (_nameIds[i] != nameId)
                {
                    continue;
                }

                IdKey.Digits(_ids[i], candidate);
                if (IdKey.IsNear(digits, candidate))
                {
                    best = i;
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>Rule 4(c): the first death (register order) with this name and birth date (yyyymmdd).</summary>
    private int FindByBirth(int nameId, int birth, ReadOnlySpan<uint> hashes)
    {
        for (var i = _byBirth.Get(hashes[^1]); i >= 0; i = _birthNext[i])
        {
            if (_nameIds[i] == nameId && _births[i] == birth)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Keeps the touching loads observable so they are not optimised away; its value means nothing.</summary>
    private long _touched;

    internal Death Get(int index) =>
        _records[index] ??= new Death(
            IdKey.ToId(_ids[index]),
            _rawNames[index],
            _givenBirths[index] == 0 ? null : RollValues.ToDate(_givenBirths[index]),
            RollValues.ToDate(_deathDates[index]));

    private static uint BirthKey(int nameId, int birth) => ChainHeads.Hash(((long)nameId << 32) | (uint)birth);

    private static uint NearKey(int kind, ReadOnlySpan<byte> d, int nameId)
    {
        var mask = NearFragments[kind];
        long v = 0;
        for (var i = 0; i < 18; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                v = v * 11 + d[i];
            }
        }

        // Different fragments may collide here; every candidate is verified, so a collision costs only time.
        return ChainHeads.Hash(unchecked(v * (long)0xC2B2AE3D27D4EB4F + nameId));
    }

    private static int Positions(int from, int to) => ((1 << (to + 1)) - 1) & ~((1 << from) - 1);

    private sealed class Builder(int capacity)
    {
        public readonly List<long> Ids = [];
        public readonly List<int> NameIds = [];
        public readonly List<int> Births = [];
        public readonly List<int> GivenBirths = [];
        public readonly List<int> DeathDates = [];
        public readonly List<string> RawNames = [];
        public readonly List<long> Rows = [];
        public List<Death>? Records;
        public readonly List<string> Names = [];
        public readonly Dictionary<string, int> NameIndex = new(StringComparer.Ordinal);
        public readonly LongIntMap ById = new(capacity);
        public readonly List<DeathRejection> Rejected = [];

        /// <summary>Adds the parsed records in order: a rejection is listed, an ID already present is rejected, the rest become deaths.</summary>
        public void Commit(ParsedDeaths parsed)
        {
            var lookup = NameIndex.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var record in parsed.Records)
            {
                if (record.Reason is not null)
                {
                    Rejected.Add(new DeathRejection(record.Row, record.IdText!, record.Reason));
                    continue;
                }

                var index = Ids.Count;
                var previous = ById.Set(record.Key, index);
                if (previous >= 0)
                {
                    ById.Set(record.Key, previous);
                    Rejected.Add(new DeathRejection(record.Row, IdKey.ToId(record.Key), $"id_number: repeated; the record on row {Rows[previous]} is used"));
                    continue;
                }

                var normalised = parsed.Name(record);
                var nameId = -1;
                if (!normalised.IsEmpty && !lookup.TryGetValue(normalised, out nameId))
                {
                    nameId = Names.Count;
                    var name = new string(normalised);
                    Names.Add(name);
                    NameIndex.Add(name, nameId);
                }

                Ids.Add(record.Key);
                NameIds.Add(nameId);
                GivenBirths.Add(record.GivenBirth);
                Births.Add(record.Birth);
                DeathDates.Add(record.DeathDate);
                RawNames.Add(record.RawName);
                Rows.Add(record.Row);
            }
        }
    }
}
