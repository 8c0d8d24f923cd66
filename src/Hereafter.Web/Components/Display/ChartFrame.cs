using System.Globalization;

namespace Hereafter.Web.Components.Display;

/// <summary>
/// Where everything goes in a chart's SVG, shared by <see cref="BarChart"/> and <see cref="LineChart"/>. The drawing is
/// 360 units wide: at a 390 px phone (about 330 px of content) a unit is at least 0.9 px, so 13-unit text stays ≥ 11 px;
/// on a projector the SVG scales up with its container (capped by CSS).
/// </summary>
public sealed class ChartFrame
{
    public const double Width = 360;
    public const double FontSize = 13;
    private const double PlotHeight = 150;
    private const double LegendRowHeight = FontSize + 8;
    private const double SwatchWidth = 16;
    private const double RightMargin = 12;
    // Rotated labels longer than this are cut with an ellipsis; the table next to the chart has them in full.
    private const double RotatedLabelMost = 84;
    private const double Sin45 = 0.7071;

    // Each at least 4.5:1 against white, so marks and their outlines stand out (WCAG 1.4.11 asks 3:1).
    private static readonly string[] Colours = ["#0b5ed7", "#a64b00", "#1e7b34", "#6f42c1", "#b0174b"];
    private static readonly string[] Dashes = ["", "7 4", "2 3", "10 3 2 3", "4 2"];

    public ChartFrame(ChartData data, string id)
    {
        Data = data;
        Id = id;
        Scale = new ChartScale(data.Max, data.Unit);

        var legendRows = 0;
        if (data.Series.Count >= 2)
        {
            var legend = new List<LegendEntry>();
            double x = 2, y = 4;
            legendRows = 1;
            for (var s = 0; s < data.Series.Count; s++)
            {
                var name = Truncate(data.Series[s].Name, Width - SwatchWidth - 10);
                var width = SwatchWidth + 4 + TextWidth(name);
                if (x > 2 && x + width > Width - 2) { x = 2; y += LegendRowHeight; legendRows++; }
                legend.Add(new LegendEntry(s, name, x, y));
                x += width + 14;
            }
            Legend = legend;
        }
        UnitLabelY = 4 + legendRows * LegendRowHeight + FontSize * 0.8;
        Top = UnitLabelY + (data.Unit == ChartUnit.Yuan ? FontSize * 0.6 : 0) + 4;
        Baseline = Top + PlotHeight;

        Left = Math.Max(24, Scale.Ticks.Max(t => TextWidth(Scale.FormatTick(t))) + 8);
        var count = Math.Max(1, data.Categories.Count);
        var labels = data.Categories.Select(c => c.Label).ToArray();
        var widest = labels.Select(TextWidth).DefaultIfEmpty(0).Max();
        var band = (Width - RightMargin - Left) / count;
        var every = (int)Math.Ceiling((widest + 6) / band);
        if (every <= 1 || (count > 8 && every <= 3))
        {
            LabelsRotated = false;
            LabelEvery = Math.Max(1, every);
            Height = Baseline + FontSize + 10;
        }
        else
        {
            LabelsRotated = true;
            var longest = Math.Min(widest, RotatedLabelMost);
            // A label slants down-left from its category; the first one must not leave the drawing.
            Left = Math.Max(Left, longest * Sin45 - band / 2 + 4);
            band = (Width - RightMargin - Left) / count;
            LabelEvery = Math.Max(1, (int)Math.Ceiling(FontSize * 1.6 / band));
            Height = Baseline + longest * Sin45 + FontSize + 10;
        }
        Band = band;
    }

    public ChartData Data { get; }

    /// <summary>Prefix of the ids inside the chart (title, description, patterns); unique on the page.</summary>
    public string Id { get; }

    public ChartScale Scale { get; }
    public double Height { get; }
    public double Left { get; }
    public double Right => Width - RightMargin;
    public double Top { get; }
    public double Baseline { get; }
    public double UnitLabelY { get; }
    public double Band { get; }

    /// <summary>Only every n-th category is labelled on the x axis, so labels never overlap.</summary>
    public int LabelEvery { get; }
    public bool LabelsRotated { get; }

    /// <summary>Empty with a single series: its name is in the title and the table header.</summary>
    public IReadOnlyList<LegendEntry> Legend { get; } = [];

    public double Y(decimal value) => Baseline - Scale.Fraction(value) * PlotHeight;

    public double CentreX(int category) => Left + Band * (category + 0.5);

    /// <summary>The x-axis labels drawn: category index, text (cut if rotated), anchor point.</summary>
    public IEnumerable<XLabel> XLabels() =>
        Enumerable.Range(0, Data.Categories.Count)
            .Where(i => i % LabelEvery == 0)
            .Select(i => LabelsRotated
                ? new XLabel(i, Truncate(Data.Categories[i].Label, RotatedLabelMost), CentreX(i) + FontSize * 0.35, Baseline + 8)
                : new XLabel(i, Data.Categories[i].Label, CentreX(i), Baseline + FontSize + 4));

    /// <summary>A bar's rectangle: the series side by side within the category's band.</summary>
    public (double X, double Y, double Width, double Height) Bar(int category, int series)
    {
        var group = Band * (Data.Series.Count == 1 ? 0.6 : 0.8);
        var width = group / Data.Series.Count;
        var value = Data.Series[series].Values[category];
        var height = Scale.Fraction(value) * PlotHeight;
        return (Left + Band * category + (Band - group) / 2 + series * width, Baseline - height, width, height);
    }

    /// <summary>A mark's hover text: "2026-01：12", with the series name when there are several.</summary>
    public string MarkTitle(int category, int series, string colon)
    {
        var label = Data.Categories[category].Label;
        var name = Data.Series.Count == 1 ? label : $"{label} {Data.Series[series].Name}";
        return name + colon + ChartScale.Format(Data.Series[series].Values[category], Data.Unit);
    }

    public static string Colour(int series) => Colours[series % Colours.Length];

    /// <summary>A line's dash pattern, so series differ by more than colour.</summary>
    public static string Dash(int series) => Dashes[series % Dashes.Length];

    /// <summary>A bar's fill: the first series solid, the next ones hatched or dotted, so series differ by more than colour.</summary>
    public string BarFill(int series) => (series % 3) switch
    {
        0 => Colour(series),
        _ => $"url(#{Id}-pattern-{series})",
    };

    /// <summary>A coordinate as SVG writes it, whatever the page's culture.</summary>
    public static string Num(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Approximate width in SVG units at <see cref="FontSize"/>: CJK and full-width characters are a square, others about 0.6.</summary>
    public static double TextWidth(string text) => text.Sum(c => IsWide(c) ? FontSize : FontSize * 0.6);

    private static bool IsWide(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

    private static string Truncate(string text, double most)
    {
        if (TextWidth(text) <= most) return text;
        var cut = text;
        while (cut.Length > 1 && TextWidth(cut) + FontSize > most) cut = cut[..^1];
        return cut + "…";
    }

    public sealed record LegendEntry(int Series, string Name, double X, double Y);

    public sealed record XLabel(int Category, string Text, double X, double Y);
}
