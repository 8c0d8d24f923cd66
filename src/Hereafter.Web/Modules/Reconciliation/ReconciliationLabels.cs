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

    /// <summary>The clerk's sentence for the engine's <c>RollFormatException.Code</c>; the engine's own text follows it.</summary>
    public static string Error(string? code) => code switch
    {
        "empty" => "文件为空或没有数据行。",
        "not-csv-or-xlsx" => "文件不是 CSV 或 Excel（.xlsx）名册。",
        "missing-columns" => "缺少必需的列：身份证号、姓名、月发放金额、已发放至（中英文表头均可）。",
        "binary" => "文件含二进制内容，不是文本名册。",
        "encoding" => "无法识别文件编码，请另存为 UTF-8 或 GBK 的 CSV。",
        "too-large" => "Excel 文件解压后过大或压缩比异常（疑似压缩炸弹），已拒绝。",
        "too-many-strings" => "Excel 文件的共享字符串过多，已拒绝。",
        "record-too-long" => "有一行（一条记录）过长，多半是引号没有闭合。",
        "internal" => "处理多次中断，已停止重试，请重新上传或联系管理员。",
        _ => "名册无法读取。",
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
