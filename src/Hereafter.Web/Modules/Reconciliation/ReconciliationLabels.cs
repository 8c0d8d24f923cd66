using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Modules.Reconciliation;

/// <summary>The clerk's words for the module's states and codes, in Chinese (English in <see cref="ReconciliationStrings"/>).</summary>
public static class ReconciliationLabels
{
    public static string Status(JobStatus status) => status switch
    {
        JobStatus.Queued => "排队中",
        JobStatus.Running => "比对中",
        JobStatus.Completed => "已完成",
        JobStatus.Failed => "失败",
        JobStatus.Cancelled => "已取消",
        _ => status.ToCode(),
    };

    /// <summary>The clerk's sentence for a review row's reason.</summary>
    public static string Reason(ReviewReason reason) => reason switch
    {
        ReviewReason.IdMatchNameDiffers => "身份证号相同，姓名不同",
        ReviewReason.IdNearMatch => "姓名相同，身份证号相差一位或相邻两位颠倒",
        ReviewReason.NameAndBirthDate => "姓名和出生日期相同，身份证号不同",
        _ => reason.ToCode(),
    };

    public static string Decision(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Pending => "待核实",
        ReviewDecision.Confirmed => "已确认为同一人",
        ReviewDecision.Dismissed => "已排除",
        _ => decision.ToCode(),
    };

    /// <summary>What a job status means and what comes next (StatusBadge and StatusLegend).</summary>
    public static string StatusExplanation(JobStatus status) => status switch
    {
        JobStatus.Queued => "名册已上传，等待比对开始。",
        JobStatus.Running => "正在比对，页面会自动刷新。",
        JobStatus.Completed => "比对完成：请办理应停发和需人工核实的记录。",
        JobStatus.Failed => "名册无法读取：按提示修改后重新上传。",
        JobStatus.Cancelled => "比对已取消，没有结果。",
        _ => "",
    };

    public static string DecisionExplanation(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Pending => "还没有决定：打开这一行，对照两条记录后确认或排除。",
        ReviewDecision.Confirmed => "已确认为同一人，转入应停发。",
        ReviewDecision.Dismissed => "已确认不是同一人，不停发。",
        _ => "",
    };

    /// <summary>The follow-up of a stop: executed (payments stopped) or still to do.</summary>
    public static (string Code, string Label, string Explanation) StopState(bool executed) => executed
        ? ("executed", "已停发", "已登记停发月份。")
        : ("to-stop", "待停发", "请在发放系统停发后登记停发月份。");

    public static IReadOnlyList<(string Code, string Label, string Explanation)> JobLegend =>
        [.. new[] { JobStatus.Queued, JobStatus.Running, JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled }
            .Select(s => (s.ToCode(), Status(s), StatusExplanation(s)))];

    public static IReadOnlyList<(string Code, string Label, string Explanation)> ResultLegend =>
        [StopState(false), StopState(true), .. new[] { ReviewDecision.Pending, ReviewDecision.Confirmed, ReviewDecision.Dismissed }
            .Select(d => (d.ToCode(), Decision(d), DecisionExplanation(d)))];
}
