using Npgsql;

namespace Hereafter.Bench;

/// <summary>
/// Where the database's sessions spend a phase: <c>pg_stat_activity</c> of the benchmark's database, sampled every 50 ms on
/// a connection of its own. Each sample counts the client sessions that are running a statement (on CPU, or waiting for a
/// lock, the WAL or I/O) and those idle or idle in a transaction (waiting for the app to send the next command). Many
/// idle sessions while the clients wait say the time goes in the app; active ones waiting on <c>Lock</c> say the rows are
/// contended; <c>IO:WALSync</c>/<c>LWLock:WALWrite</c> say commits wait for the disk.
/// </summary>
internal sealed class BookingWaits : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly Dictionary<string, long> _tally = [];
    private long _samples;

    private BookingWaits(string database) => _sampling = Task.Run(() => SampleAsync(database));

    public static BookingWaits Start(string database) => new(database);

    private async Task SampleAsync(string database)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false, ApplicationName = "hereafter-bench-waits" }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            """
            SELECT CASE WHEN state = 'active' THEN 'active ' || coalesce(wait_event_type || ':' || wait_event, 'CPU') ELSE coalesce(state, '?') END, count(*)::int
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            GROUP BY 1
            """, conn);
        await cmd.PrepareAsync();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await using var reader = await cmd.ExecuteReaderAsync(_stop.Token);
                while (await reader.ReadAsync(_stop.Token))
                {
                    var key = reader.GetString(0);
                    _tally[key] = _tally.GetValueOrDefault(key) + reader.GetInt32(1);
                }
                _samples++;
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Stops sampling; one line: mean sessions per state over the samples, largest first.</summary>
    public async Task<string> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        if (_samples == 0) return "no samples";
        var total = _tally.Values.Sum() / (double)_samples;
        var parts = _tally.OrderByDescending(t => t.Value).Select(t => $"{t.Key} {t.Value / (double)_samples:F1}");
        return $"{_samples} samples, {total:F1} sessions on average: {string.Join(", ", parts)}";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }
}

/// <summary>
/// The app's own view of its database time: EF Core's <c>CommandExecuted</c> events (each command's time from sending it to
/// reading its result, connection wait excluded) summed over a phase, and the commands counted by their first words.
/// </summary>
internal sealed class BookingDbTime : IObserver<System.Diagnostics.DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string Executed = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;
    private long _ticks;
    private long _commands;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Count, long Ticks)> _byKind = new();

    public BookingDbTime() => _all = System.Diagnostics.DiagnosticListener.AllListeners.Subscribe(this);

    public void Reset()
    {
        Interlocked.Exchange(ref _ticks, 0);
        Interlocked.Exchange(ref _commands, 0);
        _byKind.Clear();
    }

    public string Describe(int requests)
    {
        var n = Math.Max(1, requests);
        var kinds = _byKind.OrderByDescending(k => k.Value.Ticks).Select(k =>
            $"{k.Key} × {k.Value.Count} ({TimeSpan.FromTicks(k.Value.Ticks).TotalMilliseconds / Math.Max(1, k.Value.Count):F2} ms each)");
        return $"EF commands {_commands} ({(double)_commands / n:F2}/attempt), {TimeSpan.FromTicks(_ticks).TotalMilliseconds / n:F2} ms of command time per attempt; " +
               string.Join(", ", kinds);
    }

    void IObserver<System.Diagnostics.DiagnosticListener>.OnNext(System.Diagnostics.DiagnosticListener listener)
    {
        if (listener.Name != "Microsoft.EntityFrameworkCore") return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == Executed));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != Executed || value.Value is not Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData data) return;
        var ticks = data.Duration.Ticks;
        Interlocked.Add(ref _ticks, ticks);
        Interlocked.Increment(ref _commands);
        var kind = Kind(data.Command.CommandText);
        _byKind.AddOrUpdate(kind, (1, ticks), (_, v) => (v.Count + 1, v.Ticks + ticks));
    }

    /// <summary>A short name for a command: its verb and the first table it names.</summary>
    private static string Kind(string sql)
    {
        var text = sql.TrimStart();
        var verb = text.Split((char[])[' ', '\n', '\r', '\t'], 2)[0].ToUpperInvariant();
        var from = System.Text.RegularExpressions.Regex.Match(text, "(?:FROM|UPDATE|INTO)\\s+\"?(\\w+)\"?", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return from.Success ? $"{verb} {from.Groups[1].Value}" : verb;
    }

    void IObserver<System.Diagnostics.DiagnosticListener>.OnCompleted() { }
    void IObserver<System.Diagnostics.DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
    }
}
