using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>
/// A department's task on a case: <c>pending</c> until the department reports <c>received</c>, then
/// <c>done</c>, <c>rejected</c> or <c>not-applicable</c>; stored and sent as its code (ADR 0013).
/// </summary>
public enum CaseTaskStatus
{
    Pending,
    Received,
    Done,
    Rejected,
    NotApplicable,
}

public static class CaseTaskStatuses
{
    /// <summary>What a department may report (pending is only where a task starts).</summary>
    public static IReadOnlyList<CaseTaskStatus> Reportable { get; } =
        [CaseTaskStatus.Received, CaseTaskStatus.Done, CaseTaskStatus.Rejected, CaseTaskStatus.NotApplicable];

    /// <summary>待接收, 已接收, 已办结, 已退回, 不适用.</summary>
    public static string ChineseName(this CaseTaskStatus status) => status switch
    {
        CaseTaskStatus.Pending => "待接收",
        CaseTaskStatus.Received => "已接收",
        CaseTaskStatus.Done => "已办结",
        CaseTaskStatus.Rejected => "已退回",
        CaseTaskStatus.NotApplicable => "不适用",
        _ => status.ToCode(),
    };
}
