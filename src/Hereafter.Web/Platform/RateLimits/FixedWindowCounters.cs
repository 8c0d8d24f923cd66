using System.Collections.Concurrent;

namespace Hereafter.Web.Platform.RateLimits;

/// <summary>
/// Fixed-window request counts per key, without a lock. A key's window number and the permits taken in it share one
/// 64-bit word changed by compare-and-swap, so many requests from one address on many threads never queue behind a
/// lock holder that the scheduler paused (the framework's partitioned limiter takes one global lock per request, and its
/// fixed-window limiter another; with 64 connections on 2 cores those locks convoy). A key's windows start with its
/// first request, as the framework's did. A key whose window has ended is dropped by a sweep at most once a second, so
/// memory holds only the keys seen in their current window.
/// </summary>
public sealed class FixedWindowCounters<TKey> where TKey : notnull
{
    private static readonly long SweepEvery = TimeSpan.FromSeconds(1).Ticks;
    private readonly ConcurrentDictionary<TKey, Counter> _counters;
    private readonly TimeProvider _clock;
    private readonly long _started;
    private long _nextSweep;

    public FixedWindowCounters(TimeProvider clock, IEqualityComparer<TKey>? comparer = null)
    {
        _clock = clock;
        _started = clock.GetTimestamp();
        _counters = new ConcurrentDictionary<TKey, Counter>(comparer);
        _nextSweep = SweepEvery;
    }

    /// <summary>Keys held (takes every lock of the map: for tests and diagnostics, not per request).</summary>
    public int Count => _counters.Count;

    /// <summary>
    /// Takes <paramref name="permits"/> of the key's current window: null when granted, else the time until the window
    /// ends (nothing is taken). 0 permits asks whether one would be granted. Rules that do not limit always grant.
    /// </summary>
    public TimeSpan? TryAcquire(TKey key, RateLimitRule rule, int permits = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permits);
        if (!rule.Limits) return null;
        var now = Now();
        if (now >= Volatile.Read(ref _nextSweep)) StartSweep(now);
        var window = TimeSpan.FromSeconds(rule.WindowSeconds).Ticks;
        while (true)
        {
            var counter = _counters.GetOrAdd(key, static (_, state) => new Counter(state.now, state.window, state.limit),
                (now, window, limit: rule.PermitLimit));
            if (counter.TryTake(now, permits, out var retryAfter)) return null;
            if (retryAfter != Counter.Retired) return TimeSpan.FromTicks(retryAfter);
            // Swept between the lookup and the take: its window had ended, so a new counter loses nothing.
        }
    }

    /// <summary>Drops the keys whose window has ended. Runs on the thread pool at most once a second.</summary>
    internal void Sweep()
    {
        var now = Now();
        foreach (var (key, counter) in _counters)
        {
            if (counter.TryRetire(now)) _counters.TryRemove(new KeyValuePair<TKey, Counter>(key, counter));
        }
    }

    // Ticks (100 ns) since this instance started, from the platform's clock.
    private long Now() => _clock.GetElapsedTime(_started).Ticks;

    private void StartSweep(long now)
    {
        var due = Volatile.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + SweepEvery, due) != due) return;
        ThreadPool.UnsafeQueueUserWorkItem(static counters => counters.Sweep(), this, preferLocal: false);
    }

    private sealed class Counter(long started, long window, int limit)
    {
        /// <summary>A <see cref="TryTake"/> outcome: the counter was swept; look the key up again.</summary>
        public const long Retired = -1;

        // High 32 bits: the window's number since <c>started</c>; low 32 bits: permits taken in it. -1 once swept.
        private long _state;

        public bool TryTake(long now, int permits, out long retryAfterTicks)
        {
            var current = Math.Max(0, (now - started) / window);
            while (true)
            {
                var state = Volatile.Read(ref _state);
                if (state == Retired)
                {
                    retryAfterTicks = Retired;
                    return false;
                }
                var number = state >>> 32;
                var taken = state & uint.MaxValue;
                // Another thread that read the clock later may already have opened a newer window: count in that one.
                if (number < current)
                {
                    number = current;
                    taken = 0;
                }
                // 0 permits asks whether one is left.
                if (taken + Math.Max(permits, 1) > limit)
                {
                    retryAfterTicks = Math.Max(1, started + (number + 1) * window - now);
                    return false;
                }
                if (permits == 0)
                {
                    retryAfterTicks = 0;
                    return true;
                }
                if (Interlocked.CompareExchange(ref _state, number << 32 | (taken + permits), state) == state)
                {
                    retryAfterTicks = 0;
                    return true;
                }
            }
        }

        public bool TryRetire(long now)
        {
            var state = Volatile.Read(ref _state);
            return state != Retired && state >>> 32 < (now - started) / window
                && Interlocked.CompareExchange(ref _state, Retired, state) == state;
        }
    }
}
