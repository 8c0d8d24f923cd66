namespace Hereafter.Web.Components.Display;

/// <summary>How a chart's values are written: on its axis, in its table and in each mark's title.</summary>
public enum ChartUnit
{
    /// <summary>Whole numbers with thousands separators (1,234).</summary>
    Count,
    /// <summary>Yuan with two decimals (1,234.50); the axis says 元.</summary>
    Yuan,
    /// <summary>A percentage given as 12.5 for 12.5 %, written with one decimal (12.5%).</summary>
    Percent,
}

/// <summary>One place on the x axis: a month ("2026-01") or a name, and where a click on it leads.</summary>
/// <param name="Label">As shown, in the page's language.</param>
/// <param name="Href">Drill-down link for the category's marks and table row, or null.</param>
public sealed record ChartCategory(string Label, string? Href = null)
{
    public static implicit operator ChartCategory(string label) => new(label);
}

/// <summary>A named row of values, one per category.</summary>
/// <param name="Name">As shown in the legend and the table header, in the page's language.</param>
/// <param name="Values">Non-negative, in the order of the chart's categories.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);

/// <summary>
/// What <see cref="BarChart"/> and <see cref="LineChart"/> draw. The texts are already in the page's language:
/// the chart only adds its fixed words (the empty-data sentence, the unit).
/// </summary>
public sealed record ChartData
{
    /// <param name="title">Shown as the figure's caption, the SVG title and the table caption.</param>
    /// <param name="description">One sentence for screen readers: what the chart shows and its key takeaway.</param>
    /// <param name="categories">The x axis, in order.</param>
    /// <param name="series">One or more, each with exactly one value per category.</param>
    /// <param name="unit">How values are written.</param>
    /// <exception cref="ArgumentException">Missing texts, no series, a series of the wrong length or a negative value.</exception>
    public ChartData(string title, string description, IReadOnlyList<ChartCategory> categories, IReadOnlyList<ChartSeries> series, ChartUnit unit = ChartUnit.Count)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0) throw new ArgumentException("A chart needs at least one series.", nameof(series));
        foreach (var s in series)
        {
            if (s.Values.Count != categories.Count)
                throw new ArgumentException($"Series '{s.Name}' has {s.Values.Count} values for {categories.Count} categories.", nameof(series));
            if (s.Values.Any(v => v < 0))
                throw new ArgumentException($"Series '{s.Name}' has a negative value; charts draw counts, amounts and shares.", nameof(series));
        }
        Title = title;
        Description = description;
        Categories = categories;
        Series = series;
        Unit = unit;
    }

    public string Title { get; }
    public string Description { get; }
    public IReadOnlyList<ChartCategory> Categories { get; }
    public IReadOnlyList<ChartSeries> Series { get; }
    public ChartUnit Unit { get; }

    /// <summary>The table's first column header (e.g. 月份), in the page's language; 类别 when not given.</summary>
    public string? CategoryHeader { get; init; }

    /// <summary>The largest value of any series (0 when there are none).</summary>
    public decimal Max => Series.SelectMany(s => s.Values).DefaultIfEmpty(0m).Max();

    /// <summary>Nothing to draw: no categories, or every value is zero.</summary>
    public bool IsEmpty => Categories.Count == 0 || Max == 0m;
}
