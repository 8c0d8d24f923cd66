using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Reconciliation.Features.ListCountedStops;

/// <summary>English of the lists behind the benefit-stop figures, and of the statistics page's district filter.</summary>
[EnglishStrings]
internal static class CountedStopsStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["发现应停的记录"] = "Stops identified",
        ["已执行停发的记录"] = "Stops executed",
        ["已追回的记录"] = "Overpayments recovered",
        ["每人每个项目按首次发现计一次，按比对完成（或核实确认）的日期统计；发现多发金额为这些记录的应追回金额之和。"] =
            "Each person counts once per programme, at the first finding, by the date the reconciliation completed (or the review row was confirmed); the overpaid amount identified is the sum of these stops' amounts to recover.",
        ["每人每个项目按首次登记停发计一次，按停发月份统计；每月止付金额为这些记录的月发放金额之和。"] =
            "Each person counts once per programme, at the first recorded stop, by the month payments stopped from; monthly payments prevented is the sum of these stops' monthly amounts.",
        ["按追回日期统计的追回登记。"] = "Recoveries recorded, by the date of the recovery.",
        ["全部月份"] = "All months",
        ["{0} 至 {1}"] = "{0} to {1}",
        ["共 {0} 条"] = "{0} in all",
        ["没有符合条件的记录。"] = "No record matches.",
        ["比对单位"] = "Reconciled by",
        ["发现日期"] = "Found on",
        ["翻页"] = "Pages",
        ["上一页"] = "Previous",
        ["下一页"] = "Next",
        ["区县"] = "District",
        ["全市"] = "Whole city",
        ["区县：按死亡证明出具机构所在区县统计；未选起止月份和区县时统计全部月份、全市。点击数字查看其中的记录（姓名、身份证号已脱敏，查看留痕）。"] =
            "District: the district of the organisation that issued the death certificate. Without months or a district: every month, the whole city. Select a figure to see its stops (names and ID numbers masked, the read is logged).",
    };
}
