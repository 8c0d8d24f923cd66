using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Dashboard.Features.ReadDashboard;

/// <summary>English of the bureau's dashboard and its menu entry.</summary>
[EnglishStrings]
internal static class DashboardStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["监管"] = "Supervision",
        ["接运遗体"] = "Bodies picked up",
        ["火化遗体"] = "Bodies cremated",
        ["骨灰安放（葬）"] = "Ashes placed or buried",
        ["当前超期存放"] = "Over the storage limit now",
        ["骨灰去向未落实"] = "Ashes without a confirmed placement",
        ["超期和无主骨灰是当前的情况，不受月份限制；接运、火化和安放按发生的月份统计。"] = "Overdue and unclaimed are as of now, whatever the months chosen; pickups, cremations and placements count in the month they happened.",
        ["每月接运、火化和安放"] = "Pickups, cremations and placements per month",
        ["共接运遗体 {0} 具，火化 {1} 具，骨灰安放（葬）{2} 份；当前超期存放 {3} 具，骨灰去向未落实 {4} 份，无主骨灰 {5} 份。"] = "{0} bodies picked up, {1} cremated and {2} ashes placed or buried; now {3} over the storage limit, {4} ashes without a confirmed placement and {5} unclaimed.",
        ["监管驾驶舱"] = "Bureau dashboard",
        ["全市身后事服务的各项指标：证明、部门办理、应停未停、殡葬价格等，按月份和区县查看、导出 Excel。"] =
            "The city's after-death service figures (certificates, department tasks, stopped payments, funeral prices…) by month and district, with Excel export.",
        ["监管驾驶舱仅限民政部门的监管和业务人员查看。"] = "The dashboard is for civil affairs' supervisors and clerks only.",
        ["全市身后事服务的各项指标，按月份（北京时间）和区县查看。未选时显示今年 1 月至本月、全市。"] =
            "The city's after-death service figures by month (China time) and district. Without a choice: January of this year to this month, the whole city.",
        ["查询条件"] = "Filter",
        ["起始月份"] = "From month",
        ["截止月份"] = "To month",
        ["区县"] = "District",
        ["全市"] = "Whole city",
        ["{0} 至 {1}，"] = "{0} to {1}, ",
        ["死亡医学证明"] = "Death certificates",
        ["部门办理"] = "Department tasks",
        ["每月祭扫预约和入园"] = "Grave-visit bookings and visits each month",
        ["共 {0} 个有效预约（{1} 人），入园 {2} 次（{3} 人）。"] = "{0} standing bookings ({1} people), {2} visits ({3} people).",
        ["部门任务"] = "Tasks",
        ["按时签收"] = "Acknowledged in time",
        ["已办结"] = "Done",
        ["当前超期未签收"] = "Overdue now",
        ["{0} 项"] = "{0} tasks",
        ["按部门"] = "By department",
        ["部门"] = "Department",
        ["各部门任务及按时签收"] = "Each department's tasks, and those acknowledged in time",
        ["共 {0} 项任务，按时签收 {1} 项，当前超期未签收 {2} 项。"] = "{0} tasks: {1} acknowledged in time, {2} overdue now.",
        ["应停未停"] = "Benefit stops",
        ["应停未停按月份"] = "Benefit stops by month",
        ["各项目发现应停和已执行停发"] = "Stops identified and executed per programme",
        ["共发现应停 {0} 人次，已执行停发 {1} 人次；发现多发金额 {2} 元，已追回 {3} 元。"] =
            "{0} stops identified and {1} executed; {2} yuan overpaid identified, {3} yuan recovered.",
        ["签发证明"] = "Issued",
        ["死亡 1 天内出具"] = "Certified within a day",
        ["5 个工作日内上报"] = "Reported within 5 working days",
        ["疑似重复已审核"] = "Possible duplicates reviewed",
        ["疑似重复待审核"] = "Possible duplicates held",
        ["有数据质量提示"] = "With data-quality warnings",
        ["{0} 份"] = "{0} certificates",
        ["按月份（出具证明的月份）"] = "By month (the month of certification)",
        ["按出具机构类型"] = "By type of issuer",
        ["机构类型"] = "Type of issuer",
        ["每月签发的证明及其时效"] = "Certificates issued each month, and how promptly",
        ["共签发 {0} 份，其中死亡 1 天内出具 {1} 份、5 个工作日内上报 {2} 份；最多的月份是 {3}（{4} 份）。"] =
            "{0} issued: {1} certified within a day of the death, {2} reported within five working days; the busiest month was {3} ({4}).",
        ["医院、社区卫生服务中心和公安机关各自出具的证明份数，共 {0} 份。"] = "Certificates issued by hospitals, community health centres and the police: {0} in all.",
        ["数据质量提示（按类型）"] = "Data-quality warnings by kind",
        ["提示类型"] = "Warning",
        ["证明份数"] = "Certificates",
        ["这一期间没有数据质量提示。"] = "No data-quality warnings in this period.",
        ["根本死因编码不明确"] = "Ill-defined underlying cause",
        ["死因编码与性别不符"] = "Cause code does not fit the sex",
        ["一岁以上使用围产期编码"] = "Perinatal code after the first year",
        ["损伤死亡缺少外部原因编码"] = "Injury without an external-cause code",
        ["根本死因不在最低一行"] = "Underlying cause not on the lowest line",
        ["发病至死亡间隔未逐行递增"] = "Onset intervals do not increase line by line",
    };
}
