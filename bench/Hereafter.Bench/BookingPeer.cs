using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Hereafter.Bench;

/// <summary>
/// The booking scenario's peer: what a skilled developer writes with Npgsql for "one row per request", against the same
/// PostgreSQL database in the same run. Each request takes a pooled connection from an <see cref="NpgsqlDataSource"/>
/// (pool as large as the concurrency, opened before the clock starts), runs one prepared single-row INSERT in autocommit
/// (one round trip, one commit) and returns the connection. <c>connections</c> workers do this concurrently, as many as
/// the HTTP clients of the booking run.
/// <para>
/// Two tables: <c>bench_peer_bookings</c> is <c>memorial_bookings</c>' twin (<c>LIKE … INCLUDING ALL</c>: the same
/// columns, primary key, check constraint and all five secondary indexes, two of them unique) plus the same foreign key to
/// <c>memorial_slots</c>, so each row costs what the booking's own INSERT costs: this is the peer of the ratio.
/// <c>bench_peer_plain</c> has the same columns and nothing else (no key, no index): the insert ceiling, printed for
/// context only.
/// </para>
/// </summary>
internal static class BookingPeer
{
    public const string Indexed = "bench_peer_bookings";
    public const string Plain = "bench_peer_plain";

    /// <summary>One row, with the values a booking of the run writes (a real pass token of the run as <c>PassToken</c>).</summary>
    public sealed record Row(Guid SlotId, Guid InstitutionId, DateOnly Date, string Subject, string Name, string IdNumber, string Phone,
        string? CarPlate, string IdempotencyKey, string PassToken);

    public sealed record Result(string Table, int Rows, int Connections, double Seconds, LatencyHistogram Latency)
    {
        public double RowsPerSecond => Rows / Seconds;

        public string Describe() =>
            $"{Table}: {RowsPerSecond:F0} rows/s ({Rows} single-row INSERTs in {Seconds:F2} s, {Connections} connections), latency ms " +
            $"p50 {Latency.PercentileMilliseconds(50):F2} p99 {Latency.PercentileMilliseconds(99):F2} max {Latency.MaxMilliseconds:F2}";
    }

    private const string Columns =
        "\"Id\", \"SlotId\", \"InstitutionId\", \"Date\", \"ActiveDate\", \"CitizenSubject\", \"CitizenName\", \"CitizenIdNumber\", \"Phone\", " +
        "\"PartySize\", \"CarPlate\", \"IdempotencyKey\", \"BookedAt\", \"PassToken\"";

    /// <summary>Creates both tables next to <c>memorial_bookings</c> (after the app has migrated the database).</summary>
    public static async Task CreateTablesAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"CREATE TABLE {Indexed} (LIKE memorial_bookings INCLUDING ALL); " +
            $"ALTER TABLE {Indexed} ADD FOREIGN KEY (\"SlotId\") REFERENCES memorial_slots (\"Id\"); " +
            $"CREATE TABLE {Plain} (LIKE memorial_bookings INCLUDING DEFAULTS);", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>What the indexed twin carries, for the report (index and constraint definitions as PostgreSQL lists them).</summary>
    public static async Task<IReadOnlyList<string>> DescribeAsync(string connectionString, string table)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT indexdef FROM pg_indexes WHERE tablename = @t UNION ALL " +
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = @t::regclass AND contype IN ('c', 'f') ORDER BY 1", conn);
        cmd.Parameters.AddWithValue("t", table);
        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }

    /// <summary>Inserts <paramref name="rows"/> into <paramref name="table"/>, <paramref name="connections"/> at a time, one row per connection use.</summary>
    public static async Task<Result> InsertAsync(string connectionString, string table, IReadOnlyList<Row> rows, int connections)
    {
        var builder = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = connections, MinPoolSize = 0, ApplicationName = "hereafter-bench-peer",
        }.ConnectionString);
        await using var source = builder.Build();
        var sql = $"INSERT INTO {table} ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";

        // Open the whole pool and prepare the statement on every physical connection before the clock starts, as a
        // long-running web node has them; Npgsql keeps prepared statements across pool checkouts.
        var opened = new List<NpgsqlConnection>();
        for (var i = 0; i < connections; i++)
        {
            var conn = await source.OpenConnectionAsync();
            await using (var cmd = Command(conn, sql, null)) await cmd.PrepareAsync();
            opened.Add(conn);
        }
        foreach (var conn in opened) await conn.DisposeAsync();

        var histograms = new LatencyHistogram[connections];
        var next = -1;
        async Task Worker(int w)
        {
            var histogram = histograms[w] = new LatencyHistogram();
            for (var i = Interlocked.Increment(ref next); i < rows.Count; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                await using (var conn = await source.OpenConnectionAsync())
                await using (var cmd = Command(conn, sql, rows[i]))
                {
                    await cmd.PrepareAsync(); // already prepared on this connection: no round trip
                    await cmd.ExecuteNonQueryAsync();
                }
                histogram.RecordStopwatch(Stopwatch.GetTimestamp() - started);
            }
        }
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(w => Task.Run(() => Worker(w))));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = new LatencyHistogram();
        foreach (var h in histograms) all.Add(h);
        return new Result(table, rows.Count, connections, seconds, all);
    }

    private static NpgsqlCommand Command(NpgsqlConnection conn, string sql, Row? row)
    {
        var now = DateTime.UtcNow;
        var cmd = new NpgsqlCommand(sql, conn);
        var p = cmd.Parameters;
        p.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid, TypedValue = Guid.CreateVersion7() });
        p.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid, TypedValue = row?.SlotId ?? Guid.Empty });
        p.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid, TypedValue = row?.InstitutionId ?? Guid.Empty });
        p.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = row?.Date ?? default });
        p.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = row?.Date ?? default });
        p.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = row?.Subject ?? "" });
        p.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = row?.Name ?? "" });
        p.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = row?.IdNumber ?? "" });
        p.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = row?.Phone ?? "" });
        p.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = 1 });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)row?.CarPlate ?? DBNull.Value });
        p.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = row?.IdempotencyKey ?? "" });
        p.Add(new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = now });
        p.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = row?.PassToken ?? "" });
        return cmd;
    }
}
