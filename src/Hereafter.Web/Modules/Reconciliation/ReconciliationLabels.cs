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
}
