using Hereafter.Web.Platform.Figures;

namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>
/// One department's tasks created in the period: <see cref="AcknowledgedInTime"/> answered (received, done, refused or
/// not applicable) by their acknowledge-by deadline; <see cref="Done"/> done by now; <see cref="OverdueNow"/> still
/// unanswered past their deadline now.
/// </summary>
public sealed record DepartmentTaskFigures(string Department, int Tasks, int AcknowledgedInTime, int Done, int OverdueNow)
{
    public decimal? AcknowledgedInTimePercent => Tasks == 0 ? null : Math.Round(100m * AcknowledgedInTime / Tasks, 1);
}

/// <summary>One China month of tasks, by the month they were created in.</summary>
public sealed record TaskMonthFigures(string Month, int Tasks, int AcknowledgedInTime, int Done);

/// <summary>The department tasks' figures for a <see cref="FigureFilter"/> (a case lies in its certificate issuer's district).</summary>
public sealed record CaseTaskFigures(int Tasks, int AcknowledgedInTime, int Done, int OverdueNow,
    IReadOnlyList<DepartmentTaskFigures> ByDepartment, IReadOnlyList<TaskMonthFigures> Months)
{
    public decimal? AcknowledgedInTimePercent => Tasks == 0 ? null : Math.Round(100m * AcknowledgedInTime / Tasks, 1);
}

/// <summary>How the bureau's dashboard reads the department tasks' figures. Counts only.</summary>
public interface ICaseTaskFigures
{
    Task<CaseTaskFigures> ForAsync(FigureFilter filter, CancellationToken ct);
}
