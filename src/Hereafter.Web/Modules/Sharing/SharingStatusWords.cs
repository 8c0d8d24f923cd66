using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>
/// The status words of the sharing pages with the sentence that explains each (Chinese keys; English in
/// <see cref="SharingStrings"/>): shown by <c>StatusBadge</c> on hover and for screen readers, and listed by
/// <c>StatusLegend</c> on every page that shows them.
/// </summary>
public static class SharingStatusWords
{
    /// <summary>The badge code of a task not acknowledged by its deadline.</summary>
    public const string Overdue = "overdue";

    /// <summary>The badge code of a case whose certificate was revoked.</summary>
    public const string Cancelled = "cancelled";

    public static string Explanation(CaseTaskStatus status) => status switch
    {
        CaseTaskStatus.Pending => "部门尚未接收：须在接收时限前接收。",
        CaseTaskStatus.Received => "部门已接收，正在办理。",
        CaseTaskStatus.Done => "部门已办完，并登记了生效日期。",
        CaseTaskStatus.Rejected => "部门退回了该事项，原因见说明；民政部门核实后处理。",
        CaseTaskStatus.NotApplicable => "与该部门无关（如未参保），无需办理。",
        _ => "",
    };

    public const string OverdueWord = "超时未接收";
    public const string OverdueExplanation = "已过接收时限（建档后规定的工作日内）仍未接收：部门应尽快接收，民政部门可督促。";
    public const string Open = "open";
    public const string OpenWord = "办理中";
    public const string OpenExplanation = "证明有效，各部门按各自的事项办理。";
    public const string CancelledWord = "证明已撤销";
    public const string CancelledExplanation = "死亡医学证明已撤销，各部门不再办理此档案。";

    /// <summary>Every word the sharing pages show, in the page's language, for <c>StatusLegend</c>; the case's own
    /// "in progress" word only where the page shows it.</summary>
    public static IReadOnlyList<(string Code, string Label, string Explanation)> Legend(Texts t, bool withCaseStatus = false) =>
    [
        .. Enum.GetValues<CaseTaskStatus>().Select(s => (s.ToCode(), t[s.ChineseName()], t[Explanation(s)])),
        .. withCaseStatus ? [(Open, t[OpenWord], t[OpenExplanation])] : Array.Empty<(string, string, string)>(),
        (Overdue, t[OverdueWord], t[OverdueExplanation]),
        (Cancelled, t[CancelledWord], t[CancelledExplanation]),
    ];
}
