using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Dashboard.Features.ReadDashboard;

/// <summary>English of the dashboard's funeral prices area.</summary>
[EnglishStrings]
internal static class FuneralPricesStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["殡葬价格"] = "Funeral prices",
        ["应公示价格的机构"] = "Institutions that must publish prices",
        ["价格公示率"] = "Price disclosure rate",
        ["{0} 家已公示"] = "{0} with a published list",
        ["未公示价格的机构"] = "Institutions without a published list",
        ["结算的丧事（例）"] = "Funerals billed",
        ["每例平均费用"] = "Average cost per funeral",
        ["每例费用中位数"] = "Median cost per funeral",
        ["平均费用较基准"] = "Average against the baseline",
        ["基准 {0}"] = "baseline {0}",
        ["基准"] = "Baseline",
        ["新增价格预警"] = "Price warnings raised",
        ["关闭价格预警"] = "Price warnings closed",
        ["期末未关闭预警"] = "Warnings open at the end",
        ["按月份（丧事首次服务日期的月份；预警按新增的月份）"] = "By month (a funeral's first service date; warnings by the month raised)",
        ["每例平均费用（元）"] = "Average per funeral (yuan)",
        ["每例费用中位数（元）"] = "Median per funeral (yuan)",
        ["{0} 元"] = "{0} yuan",
        ["每月每例丧事费用与基准"] = "Cost per funeral each month, against the baseline",
        ["共 {0} 例丧事，每例平均 {1}、中位数 {2}，基准 {3}，较基准 {4}。"] =
            "{0} funerals: {1} on average, median {2}; baseline {3}, {4} against it.",
    };
}
