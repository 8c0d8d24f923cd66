using System.Diagnostics;

namespace Hereafter.Bench;

/// <summary>
/// What the whole process (server and load generator together) spent over a phase: CPU time, bytes
/// allocated, garbage collections and database commands (EF Core's CommandExecuted events). Divided by
/// the requests of the phase, it shows where an endpoint's cost goes next to the bare one's; database
/// commands per request show whether a cache is being hit.
/// </summary>
public sealed class ProcessCounters : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string CommandExecuted = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;
    private long _commands;

    public ProcessCounters() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public Snapshot Take()
    {
        using var process = Process.GetCurrentProcess();
        return new Snapshot(process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), Interlocked.Read(ref _commands), ThreadPool.ThreadCount,
            System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
    }

    /// <summary><paramref name="PoolThreads"/>: thread-pool threads when taken (idle ones spin for work, which costs CPU on few cores).
    /// <paramref name="JitMethods"/>, <paramref name="JitTime"/>: methods compiled and time spent compiling since start. The runtime
    /// recompiles hot methods in the background (tier 0 → instrumented → optimised), and on 2 busy cores that takes tens of
    /// seconds; whichever phase runs first pays for it, so a phase that still compiles is not yet measuring steady state.</summary>
    public readonly record struct Snapshot(TimeSpan Cpu, long Allocated, int Gen0, int Gen1, int Gen2, long DbCommands, int PoolThreads,
        long JitMethods, TimeSpan JitTime)
    {
        public string Since(Snapshot before, long requests)
        {
            var n = Math.Max(1, requests);
            return $"CPU {(Cpu - before.Cpu).TotalMilliseconds * 1000 / n:F0} µs/req, allocated {(double)(Allocated - before.Allocated) / n / 1024:F1} KiB/req, " +
                   $"GCs gen0 {Gen0 - before.Gen0} gen1 {Gen1 - before.Gen1} gen2 {Gen2 - before.Gen2}, " +
                   $"db commands {DbCommands - before.DbCommands} ({(double)(DbCommands - before.DbCommands) / n:F3}/req), " +
                   $"pool threads {before.PoolThreads}→{PoolThreads}, " +
                   $"jit {JitMethods - before.JitMethods} methods in {(JitTime - before.JitTime).TotalMilliseconds:F0} ms";
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != "Microsoft.EntityFrameworkCore") return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == CommandExecuted));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == CommandExecuted) Interlocked.Increment(ref _commands);
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
    }
}
