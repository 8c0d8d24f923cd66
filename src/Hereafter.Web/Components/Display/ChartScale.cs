using System.Globalization;

namespace Hereafter.Web.Components.Display;

/// <summary>
/// The value axis shared by <see cref="BarChart"/> and <see cref="LineChart"/>: a "nice" top (0–8 becomes 0, 2, 4, 6, 8;
/// 1,234 becomes 0, 500, 1,000, 1,500), at most five gridlines, and how values and tick labels are written.
/// </summary>
public sealed class ChartScale
{
    private const int MostIntervals = 4;

    // Below a thousandth no unit here has a meaningful digit; it also keeps the step search finite.
    private const decimal Smallest = 0.001m;

    // Steps of 1, 2, 2.5 and 5 times a power of ten read as round numbers; 2.5 is skipped where it would split a count.
    private static readonly decimal[] NiceSteps = [1m, 2m, 2.5m, 5m, 10m];

    public ChartScale(decimal max, ChartUnit unit)
    {
        if (max < 0) throw new ArgumentOutOfRangeException(nameof(max), max, "Charts draw non-negative values.");
        Unit = unit;
        // An all-zero chart still gets a readable axis (0–1) rather than a division by zero.
        var top = max == 0 ? 1m : Math.Max(max, Smallest);
        Step = NiceStep(top / MostIntervals, unit == ChartUnit.Count);
        var intervals = (int)Math.Ceiling(top / Step);
        Max = intervals * Step;
        Ticks = [.. Enumerable.Range(0, intervals + 1).Select(i => i * Step)];
        TickDecimals = DecimalsOf(Step);
    }

    public ChartUnit Unit { get; }

    /// <summary>The axis top: the smallest multiple of <see cref="Step"/> at or above the largest value.</summary>
    public decimal Max { get; }

    public decimal Step { get; }

    /// <summary>Gridline values from 0 to <see cref="Max"/>, two to five of them.</summary>
    public IReadOnlyList<decimal> Ticks { get; }

    private int TickDecimals { get; }

    /// <summary>Where <paramref name="value"/> falls between the axis bottom (0) and top (1).</summary>
    public double Fraction(decimal value) => (double)(Math.Clamp(value, 0m, Max) / Max);

    /// <summary>A tick label: as many decimals as the step needs, so no two labels read the same.</summary>
    public string FormatTick(decimal tick) => Unit switch
    {
        ChartUnit.Percent => tick.ToString("N" + TickDecimals, CultureInfo.InvariantCulture) + "%",
        _ => tick.ToString("N" + TickDecimals, CultureInfo.InvariantCulture),
    };

    /// <summary>A value as the table and the marks' titles write it: 1,234 · 1,234.50 · 12.5%.</summary>
    public static string Format(decimal value, ChartUnit unit) => unit switch
    {
        ChartUnit.Yuan => value.ToString("N2", CultureInfo.InvariantCulture),
        ChartUnit.Percent => value.ToString("N1", CultureInfo.InvariantCulture) + "%",
        _ => value.ToString("#,0.##", CultureInfo.InvariantCulture),
    };

    private static decimal NiceStep(decimal raw, bool whole)
    {
        var magnitude = 1m;
        while (raw / magnitude >= 10m) magnitude *= 10m;
        while (raw / magnitude < 1m) magnitude /= 10m;
        var normalised = raw / magnitude;
        foreach (var nice in NiceSteps)
        {
            var step = nice * magnitude;
            if (nice < normalised || (whole && (step < 1m || step != decimal.Truncate(step)))) continue;
            return step;
        }
        return whole ? Math.Max(1m, 10m * magnitude) : 10m * magnitude;
    }

    private static int DecimalsOf(decimal value)
    {
        var decimals = 0;
        while (value != decimal.Truncate(value)) { value *= 10m; decimals++; }
        return decimals;
    }
}
