using Hereafter.Web.Platform.Figures;

namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>The death-case pages, for links from other modules and the menu.</summary>
public static class SharingPages
{
    /// <summary>The supervisor's case list.</summary>
    public const string SupervisionCases = "/supervision/cases";

    /// <summary>
    /// The department tasks one of the dashboard's figures counts for the filter, under their cases: <paramref name="figure"/>
    /// is <c>tasks</c>, <c>acknowledged-in-time</c>, <c>done</c> or <c>overdue-now</c>; <paramref name="department"/> a
    /// department's code (<see cref="DepartmentTaskFigures.Department"/>) or null for all.
    /// </summary>
    public static string SupervisionTasks(FigureFilter filter, string figure, string? department = null) =>
        $"{SupervisionCases}?figure={Uri.EscapeDataString(figure)}&{filter.Query}" + (department is null ? "" : $"&department={Uri.EscapeDataString(department)}");
}
