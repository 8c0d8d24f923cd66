using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Pricing;

/// <summary>
/// The pricing vocabulary in the page's language (issue #10: no Chinese words on English pages): categories, pricing
/// modes, plot types, warning rules, institution types, statuses with their explanations, and the units of the price
/// lists. Codes stay the stored and sent strings; only the words change.
/// </summary>
public static class PricingLabels
{
    public static string Label(this PriceCategory category) => Texts.IsEnglish ? category.EnglishName() : category.ChineseName();

    public static string Label(this PricingMode mode) => Texts.IsEnglish ? mode.EnglishName() : mode.ChineseName();

    public static string Label(this PlotType type) => Texts.IsEnglish ? type.EnglishName() : type.ChineseName();

    public static string Label(this WarningRule rule) => Texts.IsEnglish ? rule.EnglishName() : rule.ChineseName();

    public static string Label(this InstitutionType type) => Texts.IsEnglish ? type.EnglishName() : type.ChineseName();

    public static string Label(this CemeteryKind kind) => Texts.IsEnglish ? kind.EnglishName() : kind.ChineseName();

    public static string Label(this PriceChangeStatus status) => Texts.IsEnglish ? status.EnglishName() : status.ChineseName();

    public static string Label(this WarningStatus status) => Texts.IsEnglish ? status.EnglishName() : status.ChineseName();

    public static string EnglishName(this InstitutionType type) => type switch
    {
        InstitutionType.FuneralHome => "Funeral home",
        InstitutionType.Cemetery => "Cemetery",
        InstitutionType.Columbarium => "Columbarium",
        InstitutionType.ServiceShop => "Funeral service shop",
        _ => type.ToCode(),
    };

    public static string EnglishName(this CemeteryKind kind) => kind switch
    {
        CemeteryKind.PublicWelfare => "Public-welfare",
        CemeteryKind.Commercial => "Commercial",
        _ => "",
    };

    public static string EnglishName(this PriceChangeStatus status) => status switch
    {
        PriceChangeStatus.Proposed => "Awaiting review",
        PriceChangeStatus.Approved => "Approved",
        PriceChangeStatus.Rejected => "Rejected",
        _ => status.ToCode(),
    };

    public static string ChineseName(this WarningStatus status) => status == WarningStatus.Open ? "未关闭" : "已关闭";

    public static string EnglishName(this WarningStatus status) => status == WarningStatus.Open ? "Open" : "Closed";

    /// <summary>What a proposal's status means and what happens next, in the page's language.</summary>
    public static string Explanation(this PriceChangeStatus status) => (status, Texts.IsEnglish) switch
    {
        (PriceChangeStatus.Proposed, false) => "申报后等待民政部门审核；批准前公示价格不变。",
        (PriceChangeStatus.Proposed, true) => "Submitted and awaiting the bureau's review; the published price stays until it is approved.",
        (PriceChangeStatus.Approved, false) => "民政部门已批准，新价格自执行日期起公示执行。",
        (PriceChangeStatus.Approved, true) => "Approved by the bureau; the new price is published from its effective date.",
        (PriceChangeStatus.Rejected, false) => "民政部门已驳回，公示价格不变；可按审核意见重新申报。",
        (PriceChangeStatus.Rejected, true) => "Rejected by the bureau; the published price stays. A new proposal may follow the decision's reason.",
        _ => "",
    };

    /// <summary>What a warning's status means and what happens next, in the page's language.</summary>
    public static string Explanation(this WarningStatus status) => (status, Texts.IsEnglish) switch
    {
        (WarningStatus.Open, false) => "尚未核查：公示价格上标出预警，核查后填写处理说明关闭。",
        (WarningStatus.Open, true) => "Not yet checked: the public price list marks the price; close it with a note once checked.",
        (WarningStatus.Closed, false) => "已核查并关闭，公示价格上不再标出。",
        (WarningStatus.Closed, true) => "Checked and closed; the public price list no longer marks the price.",
        _ => "",
    };

    public static IReadOnlyList<(string Code, string Label, string Explanation)> Legend(this IEnumerable<PriceChangeStatus> statuses) =>
        [.. statuses.Select(s => (s.ToCode(), s.Label(), s.Explanation()))];

    public static IReadOnlyList<(string Code, string Label, string Explanation)> Legend(this IEnumerable<WarningStatus> statuses) =>
        [.. statuses.Select(s => (s.ToCode(), s.Label(), s.Explanation()))];

    private static readonly Dictionary<string, string> EnglishUnits = new(StringComparer.Ordinal)
    {
        ["次"] = "service", ["天"] = "day", ["场"] = "ceremony", ["具"] = "body", ["年"] = "year", ["例"] = "funeral",
        ["个"] = "piece", ["套"] = "set", ["束"] = "bunch", ["穴"] = "plot", ["格"] = "niche", ["位"] = "place",
        ["字"] = "character", ["小时"] = "hour", ["件"] = "piece", ["张"] = "sheet", ["盒"] = "box", ["辆"] = "vehicle",
    };

    /// <summary>A price list's unit in the page's language, or null when an English page has no word for it (then the
    /// unit is shown as the institution typed it, marked <c>lang="zh-CN"</c>).</summary>
    public static string? Unit(string unit) =>
        !Texts.IsEnglish ? unit : EnglishUnits.TryGetValue(unit.Trim(), out var en) ? en : null;

    /// <summary>
    /// An item's pricing basis in the page's language when it is the standard one (its pricing mode, and "free for
    /// residents" when it is), or null when the institution wrote its own (then it is shown as typed).
    /// </summary>
    public static string? PricingBasis(PriceListItem item)
    {
        var standard = item.PricingMode.ChineseName() + (item.FreeForResidents ? "；本市户籍居民免费" : "");
        if (!Texts.IsEnglish || item.PricingBasis.Length == 0) return item.PricingBasis;
        return item.PricingBasis == standard || item.PricingBasis == item.PricingMode.ChineseName()
            ? item.PricingMode.EnglishName() + (item.FreeForResidents ? "; free for residents" : "")
            : null;
    }
}
