namespace Hereafter.Domain.Pricing;

/// <summary>Sections of the standardized price list, in the order the list shows them.</summary>
public static class PriceCategories
{
    /// <summary>基本殡葬服务.</summary>
    public const string Basic = "basic";
    /// <summary>延伸（选择性）服务.</summary>
    public const string NonBasic = "non-basic";
    /// <summary>殡葬用品.</summary>
    public const string Goods = "goods";
    /// <summary>墓位.</summary>
    public const string Plot = "plot";

    public static readonly string[] All = [Basic, NonBasic, Goods, Plot];

    public static int Order(string category) => Array.IndexOf(All, category) is var i and >= 0 ? i : All.Length;

    public static string ChineseName(string category) => category switch
    {
        Basic => "基本殡葬服务",
        NonBasic => "延伸服务",
        Goods => "殡葬用品",
        Plot => "墓位",
        _ => category,
    };
}

/// <summary>How a price is set (定价方式).</summary>
public static class PricingModes
{
    /// <summary>政府指导价: never above <c>cap</c>.</summary>
    public const string GovernmentGuided = "government-guided";
    /// <summary>参考价格区间: outside [rangeMin, rangeMax] only with a written reason, and a warning.</summary>
    public const string ReferenceRange = "reference-range";
    /// <summary>市场调节价.</summary>
    public const string Market = "market";

    public static readonly string[] All = [GovernmentGuided, ReferenceRange, Market];

    public static string ChineseName(string mode) => mode switch
    {
        GovernmentGuided => "政府指导价",
        ReferenceRange => "参考价格区间",
        Market => "市场调节价",
        _ => mode,
    };
}

/// <summary>Plot types; the first three have Guizhou's area limits.</summary>
public static class PlotTypes
{
    /// <summary>骨灰墓 (≤ 1 m²).</summary>
    public const string AshesGrave = "ashes-grave";
    /// <summary>单人遗体墓 (≤ 4 m²).</summary>
    public const string SingleGrave = "single-grave";
    /// <summary>双人遗体墓 (≤ 6 m²).</summary>
    public const string DoubleGrave = "double-grave";
    /// <summary>树葬.</summary>
    public const string TreeBurial = "tree-burial";
    /// <summary>草坪葬.</summary>
    public const string LawnBurial = "lawn-burial";
    /// <summary>壁葬 / 骨灰格位.</summary>
    public const string WallNiche = "wall-niche";

    public static readonly string[] All = [AshesGrave, SingleGrave, DoubleGrave, TreeBurial, LawnBurial, WallNiche];

    public static string ChineseName(string type) => type switch
    {
        AshesGrave => "骨灰墓",
        SingleGrave => "单人遗体墓",
        DoubleGrave => "双人遗体墓",
        TreeBurial => "树葬",
        LawnBurial => "草坪葬",
        WallNiche => "壁葬格位",
        _ => type,
    };
}

/// <summary>Warning rules (墓位价格预警 and the reference-range rule).</summary>
public static class WarningRules
{
    /// <summary>Public-welfare plot above its government price.</summary>
    public const string AboveGovernmentPrice = "above-government-price";
    /// <summary>Plot above the reference ceiling (rangeMax).</summary>
    public const string AboveReferenceCeiling = "above-reference-ceiling";
    /// <summary>Price per m² above the configured factor × the city median of the same plot type.</summary>
    public const string PricePerSquareMetreAboveMedian = "price-per-m2-above-median";
    /// <summary>Plot area above Guizhou's limit for its type.</summary>
    public const string AreaAboveLimit = "area-above-limit";
    /// <summary>A rise of more than the configured percentage within the configured months.</summary>
    public const string RiseWithinYear = "rise-within-12-months";
    /// <summary>A proposed price outside its reference range (any item).</summary>
    public const string OutsideReferenceRange = "outside-reference-range";

    public static readonly string[] All =
        [AboveGovernmentPrice, AboveReferenceCeiling, PricePerSquareMetreAboveMedian, AreaAboveLimit, RiseWithinYear, OutsideReferenceRange];

    public static string ChineseName(string rule) => rule switch
    {
        AboveGovernmentPrice => "高于政府定价（公益性墓位）",
        AboveReferenceCeiling => "高于参考价上限",
        PricePerSquareMetreAboveMedian => "每平方米价格远高于全市中位数",
        AreaAboveLimit => "面积超过规定上限",
        RiseWithinYear => "一年内涨幅过大",
        OutsideReferenceRange => "价格超出参考区间",
        _ => rule,
    };
}
