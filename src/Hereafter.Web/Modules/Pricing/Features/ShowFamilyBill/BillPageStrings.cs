using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Pricing.Features.ShowFamilyBill;

/// <summary>English for the family's bill page, the staff bill page and the bureau's settings page.</summary>
[EnglishStrings]
internal static class BillPageStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Family bill page and the bill's lines.
        ["未找到结算单"] = "Bill not found",
        ["链接无效：没有与此查看码对应的结算单。请核对结算单上打印的链接，或联系出具结算单的机构。"] =
            "Invalid link: no bill matches this code. Check the link printed on the bill or contact the institution that issued it.",
        ["结算单"] = "Bill",
        ["殡葬服务结算单"] = "Funeral services bill",
        ["结算单号"] = "Bill number",
        ["出具机构"] = "Issued by",
        ["逝者"] = "Deceased",
        ["服务日期"] = "Service date",
        ["出具时间"] = "Issued at",
        ["收费明细"] = "Charges",
        ["每项均按服务日期执行的公示价格计算；公示目录外的项目一律不得收费。"] =
            "Each item is charged at the published price in force on the service date; nothing outside the published list may be charged.",
        ["{0} × {1} {2}，{3} 起执行的价格"] = "{0} × {1} {2}, price in force since {3}",
        ["逝者为本市户籍居民，基本殡葬服务由政府补贴。"] = "The deceased was registered in the city: basic funeral services are paid by the city.",
        ["逝者非本市户籍，不享受基本殡葬服务补贴。"] = "The deceased was not registered in the city: no subsidy for basic funeral services.",
        // Staff bill page.
        ["出具结算单"] = "Issue a bill",
        ["按公示价格为逝者家属出具结算单，并给家属查看链接。"] = "Bill a family at the published prices and give them a link to the bill.",
        ["结算单仅限殡仪馆和公墓出具。"] = "Only funeral homes and cemeteries issue bills.",
        ["只能按本单位公示的项目收费，价格按服务日期执行的公示价格自动计算；本市户籍居民的基本殡葬服务补贴自动扣除。"] =
            "Only your published items can be charged, at the prices in force on the service date; residents' basic-service subsidies are deducted automatically.",
        ["已出具结算单 {0}"] = "Bill {0} issued",
        ["家属查看链接（只显示这一次，请打印或交给家属）："] = "The family's link (shown this once: print it or hand it to the family):",
        ["死亡医学证明编号"] = "Death certificate number",
        ["收费项目（填写数量，不收的项目留空）"] = "Items (enter quantities; leave items not charged empty)",
        ["数量须为 0 到 {0} 的整数。"] = "The quantity must be a whole number from 0 to {0}.",
        // Bureau settings page.
        ["预警阈值"] = "Warning thresholds",
        ["墓位价格预警阈值、居民补贴上限和费用统计基准。"] = "Plot price warning thresholds, the residents' subsidy cap and the statistics baseline.",
        ["预警阈值与统计基准"] = "Warning thresholds and baseline",
        ["预警阈值与统计基准仅限民政部门审核人员设置。"] = "Only the civil-affairs bureau's supervisors set thresholds and the baseline.",
        ["墓位价格预警的阈值、每例丧事的居民补贴上限和费用统计的比较基准。保存后按新阈值重新扫描墓位价格。"] =
            "Plot price warning thresholds, the residents' subsidy cap per funeral and the baseline for cost statistics. Saving re-scans plot prices with the new thresholds.",
        ["最后修改：{0} {1}"] = "Last changed: {0} {1}",
        ["已保存，墓位价格已按新阈值重新扫描。"] = "Saved; plot prices were re-scanned with the new thresholds.",
        ["查看价格预警"] = "See price warnings",
        ["墓位价格预警"] = "Plot price warnings",
        ["每平方米价格超过同类墓位全市中位数的倍数"] = "Warn above this multiple of the city median price per m² for the plot type",
        ["同类墓位至少几个才比较中位数"] = "Fewest plots of a type before the median applies",
        ["12 个月内涨幅超过（%）"] = "Warn when the price rose by more than (%)",
        ["涨幅统计期（月）"] = "Within (months)",
        ["骨灰墓面积上限（m²）"] = "Ashes grave area limit (m²)",
        ["单人遗体墓面积上限（m²）"] = "Single grave area limit (m²)",
        ["双人遗体墓面积上限（m²）"] = "Double grave area limit (m²)",
        ["补贴与统计"] = "Subsidy and statistics",
        ["本市户籍居民每例丧事补贴上限（元）"] = "Residents' subsidy cap per funeral (yuan)",
        ["统计基准：每例丧事平均费用（元，0 表示不比较）"] = "Baseline: average cost per funeral (yuan, 0 = no comparison)",
        ["基准说明（如“2023年全市平均”）"] = "Baseline label (e.g. “2023 city average”)",
        ["保存"] = "Save",
    };
}
