namespace Hereafter.Web.Components.Display;

/// <summary>How <see cref="ChartFigure"/> draws legend swatches: a filled box for bars, a line for lines.</summary>
public enum ChartKind
{
    Bar,
    Line,
}
