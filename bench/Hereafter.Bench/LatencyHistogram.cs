using System.Diagnostics;

namespace Hereafter.Bench;

/// <summary>
/// Every latency, in log-linear buckets like HdrHistogram with two significant digits: values below 128
/// ticks (100 ns each) exactly, above that 64 buckets per power of two, so a reported percentile is within
/// 1.6 % of the true value. Preallocated, so recording never allocates; one per worker, merged at the end.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBuckets = 64; // per power of two above the linear range
    private const int Linear = 2 * SubBuckets; // values 0..127 are their own bucket
    private const int MaxExponent = 40; // 2^46 ticks ≈ 81 days: never reached
    private readonly long[] _counts = new long[Linear + MaxExponent * SubBuckets];

    public long Count { get; private set; }
    public long MaxTicks { get; private set; }
    private double _sumTicks;

    /// <summary>Records a <see cref="Stopwatch"/> interval.</summary>
    public void RecordStopwatch(long stopwatchTicks) =>
        Record((long)(stopwatchTicks * (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency));

    public void Record(long ticks)
    {
        if (ticks < 0) ticks = 0;
        _counts[IndexOf(ticks)]++;
        Count++;
        _sumTicks += ticks;
        if (ticks > MaxTicks) MaxTicks = ticks;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
        Count += other.Count;
        _sumTicks += other._sumTicks;
        if (other.MaxTicks > MaxTicks) MaxTicks = other.MaxTicks;
    }

    public double MeanMilliseconds => Count == 0 ? 0 : _sumTicks / Count / TimeSpan.TicksPerMillisecond;
    public double MaxMilliseconds => (double)MaxTicks / TimeSpan.TicksPerMillisecond;

    /// <summary>The value at or below which <paramref name="percentile"/> % of the recordings fall (the bucket's upper edge).</summary>
    public double PercentileMilliseconds(double percentile)
    {
        if (Count == 0) return 0;
        var rank = (long)Math.Ceiling(percentile / 100.0 * Count);
        if (rank < 1) rank = 1;
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank) return Math.Min(UpperEdge(i), MaxTicks) / (double)TimeSpan.TicksPerMillisecond;
        }
        return MaxMilliseconds;
    }

    private static int IndexOf(long ticks)
    {
        if (ticks < Linear) return (int)ticks;
        var exponent = 63 - (int)long.LeadingZeroCount(ticks) - 6; // >= 1: ticks >> exponent is in [64, 128)
        if (exponent > MaxExponent) return Linear + MaxExponent * SubBuckets - 1;
        return exponent * SubBuckets + (int)(ticks >> exponent);
    }

    private static long UpperEdge(int index)
    {
        if (index < Linear) return index;
        var exponent = index / SubBuckets - 1;
        var mantissa = index - exponent * SubBuckets;
        return ((long)(mantissa + 1) << exponent) - 1;
    }
}
