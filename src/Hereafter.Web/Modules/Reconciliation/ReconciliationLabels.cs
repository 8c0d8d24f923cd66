using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Reconciliation;

public static class ReconciliationLabels
{
    public static string Status(JobStatus status) => status switch
    {
        JobStatus.Queued => "排队中",
        JobStatus.Running => "比对中",
        JobStatus.Completed => "已完成",
        JobStatus.Failed => "失败",
        JobStatus.Cancelled => "已取消",
        _ => status.Code(),
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
        _ => RollCodes.Reason.Code(reason),
    };

    public static string Decision(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Pending => "待核实",
        ReviewDecision.Confirmed => "已确认为同一人",
        ReviewDecision.Dismissed => "已排除",
        _ => decision.Code(),
    };
}

[EnglishStrings]
internal static class ReconciliationStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["应停未停比对"] = "Benefit reconciliation",
        ["企业职工基本养老保险"] = "Enterprise employees' basic pension",
        ["城乡居民基本养老保险"] = "Urban and rural residents' basic pension",
        ["职工基本医疗保险"] = "Employees' basic medical insurance",
        ["城乡居民基本医疗保险"] = "Urban and rural residents' basic medical insurance",
        ["最低生活保障（低保）"] = "Minimum living allowance (dibao)",
        ["特困人员救助供养"] = "Support for people in extreme poverty (tekun)",
        ["高龄津贴"] = "Old-age allowance",
        ["残疾人两项补贴"] = "Disability allowances",
        ["应停未停统计"] = "Benefit reconciliation statistics",
        ["应停未停比对仅限人社、医保、民政部门使用。"] = "Benefit reconciliation is for social-security, medical-insurance and civil-affairs departments.",
        ["上传待遇发放名册，与平台的死亡信息比对，找出应停发的待遇、需人工核实的记录和无法读取的行。"] =
            "Upload a payee roll to compare with the platform's deaths: payments to stop, rows for a person to check, and rows that could not be read.",
        ["上传名册"] = "Upload a roll",
        ["项目"] = "Programme",
        ["请选择"] = "Choose",
        ["名册文件（CSV 或 Excel .xlsx）"] = "Roll file (CSV or Excel .xlsx)",
        ["上传并比对"] = "Upload and reconcile",
        ["比对记录"] = "Reconciliations",
        ["还没有上传过名册。"] = "No roll uploaded yet.",
        ["上传时间"] = "Uploaded",
        ["文件"] = "File",
        ["状态"] = "Status",
        ["应停发"] = "To stop",
        ["待核实"] = "To review",
        ["排队中"] = "Queued",
        ["比对中"] = "Running",
        ["已完成"] = "Completed",
        ["失败"] = "Failed",
        ["已取消"] = "Cancelled",
        ["已确认为同一人"] = "Confirmed as the same person",
        ["已排除"] = "Dismissed",
        ["该项目不属于贵部门。"] = "This programme is not your department's.",
        ["文件超过上传上限，请拆分名册或用命令行 reconcile 处理。"] = "The file is over the upload limit: split the roll or use the reconcile command.",
        ["汇总"] = "Summary",
        ["应停发待遇"] = "Payments to stop",
        ["需人工核实"] = "Review queue",
        ["无法读取的行"] = "Rejected rows",
        ["下载"] = "Download",
        ["取消比对"] = "Cancel",
        ["确认为同一人"] = "Confirm: same person",
        ["排除"] = "Dismiss",
        ["排除原因"] = "Reason for dismissal",
        ["登记停发"] = "Record stop",
        ["登记追回"] = "Record recovery",
        ["停发月份"] = "Stopped from (month)",
        ["追回金额（元）"] = "Amount recovered (yuan)",
        ["追回日期"] = "Recovered on",
        ["行号"] = "Row",
        ["原因"] = "Reason",
        ["身份证号"] = "ID number",
        ["姓名"] = "Name",
        ["月发放金额"] = "Monthly amount",
        ["已发放至"] = "Paid through",
        ["死亡日期"] = "Date of death",
        ["应自何月停发"] = "Stop from",
        ["多发月数"] = "Overpaid months",
        ["应追回金额"] = "To recover",
        ["办理情况"] = "Follow-up",
        ["比对对象"] = "Candidate",
        ["名册行数"] = "Rows",
        ["未匹配"] = "Unmatched",
        ["比对所用死亡记录"] = "Deaths compared",
        ["多发月数合计"] = "Overpaid months",
        ["应追回合计（元）"] = "To recover (yuan)",
        ["已停发"] = "Stopped",
        ["已追回（元）"] = "Recovered (yuan)",
        ["页面每 2 秒自动刷新。"] = "This page refreshes every 2 seconds.",
        ["月份"] = "Month",
        ["查询"] = "Show",
        ["起始月份"] = "From",
        ["截止月份"] = "To",
        ["全部项目"] = "All programmes",
        ["发现应停"] = "Stops identified",
        ["已执行停发"] = "Stops executed",
        ["发现多发金额（元）"] = "Overpaid identified (yuan)",
        ["已追回金额（元）"] = "Overpaid recovered (yuan)",
        ["每月止付金额（元）"] = "Monthly payments prevented (yuan)",
        ["合计"] = "Total",
        ["导出 Excel"] = "Export to Excel",
        ["统计口径"] = "Definitions",
        ["没有符合条件的数据。"] = "No figures for this selection.",
        ["应停未停统计仅限民政部门监管人员使用。"] = "These statistics are for the civil-affairs supervisor.",
        ["上传待遇发放名册与死亡信息比对：应停发、待核实、追回登记。"] = "Compare payee rolls with the deaths: payments to stop, rows to review, recoveries.",
        ["各项目按月的应停、已停、多发和追回金额。"] = "Per programme and month: stops found and executed, overpaid and recovered amounts.",
        ["表头可用中文或英文：身份证号、姓名、出生日期（选填）、月发放金额、已发放至（YYYY-MM）、项目（选填）、账号（选填）。CSV 可为 UTF-8 或 GBK。"] =
            "Headers in Chinese or English: id_number, name, birth_date (optional), monthly_amount, paid_through (YYYY-MM), program (optional), account (optional). CSV in UTF-8 or GBK.",
        ["未找到"] = "Not found",
        ["没有这条比对记录，或它属于其他单位。"] = "There is no such reconciliation, or it belongs to another organisation.",
        ["进度"] = "Progress",
        ["行"] = "rows",
        ["仅显示前 {0} 行，全部请下载。"] = "Only the first {0} rows are shown; download for all.",
        ["已取消比对。"] = "The reconciliation was cancelled.",
        ["第 {0} 行已确认为同一人，转入应停发：自 {1} 停发，应追回 {2} 元。"] = "Row {0} confirmed as the same person and added to the stops: stop from {1}, recover {2} yuan.",
        ["第 {0} 行已排除。"] = "Row {0} dismissed.",
        ["第 {0} 行已登记自 {1} 停发。"] = "Row {0}: payments recorded as stopped from {1}.",
        ["第 {0} 行已登记追回。"] = "Row {0}: recovery recorded.",
        ["第 {0} 行："] = "Row {0}: ",
        ["第 {0} 行已经办理过，未重复登记。"] = "Row {0} was already handled; nothing was recorded twice.",
        ["没有第 {0} 行。"] = "There is no row {0}.",
        ["文件为空或没有数据行。"] = "The file is empty or has no data rows.",
        ["文件不是 CSV 或 Excel（.xlsx）名册。"] = "The file is not a CSV or Excel (.xlsx) roll.",
        ["缺少必需的列：身份证号、姓名、月发放金额、已发放至（中英文表头均可）。"] = "Required columns are missing: id_number, name, monthly_amount, paid_through (Chinese or English headers).",
        ["文件含二进制内容，不是文本名册。"] = "The file contains binary data; it is not a text roll.",
        ["无法识别文件编码，请另存为 UTF-8 或 GBK 的 CSV。"] = "The encoding is not recognised: save as CSV in UTF-8 or GBK.",
        ["Excel 文件解压后过大或压缩比异常（疑似压缩炸弹），已拒绝。"] = "The Excel file expands too much or too suddenly (a possible zip bomb); it is refused.",
        ["Excel 文件的共享字符串过多，已拒绝。"] = "The Excel file holds too many shared strings; it is refused.",
        ["有一行（一条记录）过长，多半是引号没有闭合。"] = "A row (one record) is too long; a quote is probably not closed.",
        ["处理多次中断，已停止重试，请重新上传或联系管理员。"] = "Processing was interrupted too often and has stopped: upload again or contact the administrator.",
        ["名册无法读取。"] = "The roll cannot be read.",
        ["身份证号相同，姓名不同"] = "Same ID number, different name",
        ["姓名相同，身份证号相差一位或相邻两位颠倒"] = "Same name, ID differs in one character or one adjacent swap",
        ["姓名和出生日期相同，身份证号不同"] = "Same name and birth date, another ID number",
        ["发现应停、发现多发金额：按比对完成（或核实确认）的月份统计。"] = "Stops and overpaid amounts identified: counted in the month the reconciliation completed (or the review row was confirmed).",
        ["已执行停发、每月止付金额：按实际停发月份统计；每月止付金额为已停发记录的月发放金额之和，即此后每月不再发出的金额。"] =
            "Stops executed and monthly payments prevented: counted in the month payments stopped from; monthly payments prevented is the sum of the monthly amounts of executed stops, what no longer goes out each month.",
        ["已追回金额：按追回日期所在月份统计。"] = "Overpaid amount recovered: counted in the month of the recovery date.",
        ["请选择项目（programme）"] = "Choose a programme",
        ["请选择要上传的名册文件（CSV 或 XLSX）"] = "Choose a roll file (CSV or XLSX)",
        ["文件为空（0 字节）"] = "The file is empty (0 bytes)",
        ["这是旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后上传"] = "This is an old Excel (.xls) file: save it as .xlsx or CSV and upload again",
        ["这是 PDF 文件，请上传 CSV 或 XLSX 名册"] = "This is a PDF: upload a CSV or XLSX roll",
        ["文件不是 CSV 或 XLSX（含二进制内容）"] = "The file is not CSV or XLSX (it contains binary data)",
        ["排除时须填写原因"] = "A reason is required to dismiss",
        ["停发月份须为 YYYY-MM，如 2026-12"] = "The month must be YYYY-MM, e.g. 2026-12",
        ["追回金额须为正数，最多两位小数"] = "The amount must be positive with at most two decimals",
        ["追回日期须为 YYYY-MM-DD"] = "The date must be YYYY-MM-DD",
    };
}
