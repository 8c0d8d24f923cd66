using System.Text.Json.Serialization;

namespace Hereafter.Domain.Pricing;

// The pricing vocabulary (ADR 0013): plain enums, stored and sent as their codes, the member's name in kebab case
// unless a [JsonStringEnumMemberName] gives the stored string.

/// <summary>Sections of the standardized price list, declared in the order the list shows them.</summary>
public enum PriceCategory
{
    /// <summary>基本殡葬服务.</summary>
    Basic,
    /// <summary>延伸（选择性）服务.</summary>
    NonBasic,
    /// <summary>殡葬用品.</summary>
    Goods,
    /// <summary>墓位.</summary>
    Plot,
}

/// <summary>How a price is set (定价方式).</summary>
public enum PricingMode
{
    /// <summary>政府指导价: never above <c>cap</c>.</summary>
    GovernmentGuided,
    /// <summary>参考价格区间: outside [rangeMin, rangeMax] only with a written reason, and a warning.</summary>
    ReferenceRange,
    /// <summary>市场调节价.</summary>
    Market,
}

/// <summary>Plot types; the first three have Guizhou's area limits.</summary>
public enum PlotType
{
    /// <summary>骨灰墓 (≤ 1 m²).</summary>
    AshesGrave,
    /// <summary>单人遗体墓 (≤ 4 m²).</summary>
    SingleGrave,
    /// <summary>双人遗体墓 (≤ 6 m²).</summary>
    DoubleGrave,
    /// <summary>树葬.</summary>
    TreeBurial,
    /// <summary>草坪葬.</summary>
    LawnBurial,
    /// <summary>壁葬 / 骨灰格位.</summary>
    WallNiche,
}

/// <summary>Warning rules (墓位价格预警 and the reference-range rule).</summary>
public enum WarningRule
{
    /// <summary>Public-welfare plot above its government price.</summary>
    AboveGovernmentPrice,
    /// <summary>Plot above the reference ceiling (rangeMax).</summary>
    AboveReferenceCeiling,
    /// <summary>Price per m² above the configured factor × the city median of the same plot type.</summary>
    [JsonStringEnumMemberName("price-per-m2-above-median")]
    PricePerSquareMetreAboveMedian,
    /// <summary>Plot area above Guizhou's limit for its type.</summary>
    AreaAboveLimit,
    /// <summary>A rise of more than the configured percentage within the configured months.</summary>
    [JsonStringEnumMemberName("rise-within-12-months")]
    RiseWithinYear,
    /// <summary>A proposed price outside its reference range (any item).</summary>
    OutsideReferenceRange,
}

public static class PricingVocabularyNames
{
    public static string ChineseName(this PriceCategory category) => category switch
    {
        PriceCategory.Basic => "基本殡葬服务",
        PriceCategory.NonBasic => "延伸服务",
        PriceCategory.Goods => "殡葬用品",
        PriceCategory.Plot => "墓位",
        _ => category.ToString(),
    };

    public static string ChineseName(this PricingMode mode) => mode switch
    {
        PricingMode.GovernmentGuided => "政府指导价",
        PricingMode.ReferenceRange => "参考价格区间",
        PricingMode.Market => "市场调节价",
        _ => mode.ToString(),
    };

    public static string ChineseName(this PlotType type) => type switch
    {
        PlotType.AshesGrave => "骨灰墓",
        PlotType.SingleGrave => "单人遗体墓",
        PlotType.DoubleGrave => "双人遗体墓",
        PlotType.TreeBurial => "树葬",
        PlotType.LawnBurial => "草坪葬",
        PlotType.WallNiche => "壁葬格位",
        _ => type.ToString(),
    };

    public static string ChineseName(this WarningRule rule) => rule switch
    {
        WarningRule.AboveGovernmentPrice => "高于政府定价（公益性墓位）",
        WarningRule.AboveReferenceCeiling => "高于参考价上限",
        WarningRule.PricePerSquareMetreAboveMedian => "每平方米价格远高于全市中位数",
        WarningRule.AreaAboveLimit => "面积超过规定上限",
        WarningRule.RiseWithinYear => "一年内涨幅过大",
        WarningRule.OutsideReferenceRange => "价格超出参考区间",
        _ => rule.ToString(),
    };
}

/// <summary>The English labels of the pricing vocabulary, for pages and exports in English.</summary>
public static class PricingVocabularyEnglishNames
{
    public static string EnglishName(this PriceCategory category) => category switch
    {
        PriceCategory.Basic => "Basic funeral services",
        PriceCategory.NonBasic => "Non-basic services",
        PriceCategory.Goods => "Funeral goods",
        PriceCategory.Plot => "Plots",
        _ => category.ToString(),
    };

    public static string EnglishName(this PricingMode mode) => mode switch
    {
        PricingMode.GovernmentGuided => "Government-guided price",
        PricingMode.ReferenceRange => "Reference price range",
        PricingMode.Market => "Market price",
        _ => mode.ToString(),
    };

    public static string EnglishName(this PlotType type) => type switch
    {
        PlotType.AshesGrave => "Ashes grave",
        PlotType.SingleGrave => "Single body grave",
        PlotType.DoubleGrave => "Double body grave",
        PlotType.TreeBurial => "Tree burial",
        PlotType.LawnBurial => "Lawn burial",
        PlotType.WallNiche => "Wall niche",
        _ => type.ToString(),
    };

    public static string EnglishName(this WarningRule rule) => rule switch
    {
        WarningRule.AboveGovernmentPrice => "Above the government price (public-welfare plot)",
        WarningRule.AboveReferenceCeiling => "Above the reference ceiling",
        WarningRule.PricePerSquareMetreAboveMedian => "Price per m² far above the city median",
        WarningRule.AreaAboveLimit => "Area above the legal limit",
        WarningRule.RiseWithinYear => "Large rise within 12 months",
        WarningRule.OutsideReferenceRange => "Price outside the reference range",
        _ => rule.ToString(),
    };
}
