using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Pricing.Features.ReportFigures;

/// <summary>English of the lists behind the dashboard's funeral price figures (statistics and warnings pages).</summary>
[EnglishStrings]
internal static class FuneralFigureStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["全市"] = "Whole city",
        ["{0} 至 {1}，"] = "{0} to {1}, ",
        ["丧事明细"] = "Funerals",
        ["共 {0} 例：结算单服务日期在统计范围内、由该区县机构出具；每例费用为其结算单合计，按首次服务日期计入月份。"] =
            "{0} funerals: bills with a service date in the period, issued by the district's institutions; a funeral's cost is the sum of its bills, counted in the month of its first service date.",
        ["首次服务日期"] = "First service date",
        ["结算单"] = "Bill",
        ["费用（元）"] = "Cost (yuan)",
        ["价格公示"] = "Funeral prices",
        ["应公示价格的机构（殡仪馆、公墓、骨灰堂、殡葬服务店），以统计范围最后一天是否有在用的价格表计：{0} 家。"] =
            "Institutions that must publish their prices (funeral homes, cemeteries, columbaria, funeral service shops), by whether a price list is in force on the last day of the period: {0}.",
        ["没有符合条件的机构。"] = "No institution matches.",
        ["查看价格公示"] = "See the published prices",
        ["类型"] = "Type",
        ["价格表"] = "Price list",
        ["已公示"] = "Published",
        ["未公示"] = "Not published",
        ["，共 {0} 条。"] = ", {0} in all.",
        ["期间新增的预警"] = "Warnings raised in the period",
        ["期间关闭的预警"] = "Warnings closed in the period",
        ["期末未关闭的预警"] = "Warnings open at the end of the period",
    };
}
