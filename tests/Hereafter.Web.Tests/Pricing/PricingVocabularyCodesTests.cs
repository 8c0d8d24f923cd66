using Hereafter.Domain.Pricing;
using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>
/// The pricing vocabularies became enums (ADR 0013); their codes are the strings stored in the pricing tables and
/// sent by the API before, so existing rows and clients keep working.
/// </summary>
public sealed class PricingVocabularyCodesTests
{
    [Fact]
    public void PriceCategory_Codes_AreTheStoredStrings_InListOrder() =>
        Assert.Equal(["basic", "non-basic", "goods", "plot"], EnumCodes<PriceCategory>.All.Select(c => c.ToCode()));

    [Fact]
    public void PricingMode_Codes_AreTheStoredStrings() =>
        Assert.Equal(["government-guided", "reference-range", "market"], EnumCodes<PricingMode>.All.Select(m => m.ToCode()));

    [Fact]
    public void PlotType_Codes_AreTheStoredStrings() =>
        Assert.Equal(["ashes-grave", "single-grave", "double-grave", "tree-burial", "lawn-burial", "wall-niche"],
            EnumCodes<PlotType>.All.Select(t => t.ToCode()));

    [Fact]
    public void WarningRule_Codes_AreTheStoredStrings_IncludingTheTwoThatAreNotKebabNames() =>
        Assert.Equal(
            ["above-government-price", "above-reference-ceiling", "price-per-m2-above-median", "area-above-limit", "rise-within-12-months", "outside-reference-range"],
            EnumCodes<WarningRule>.All.Select(r => r.ToCode()));

    [Fact]
    public void ChineseNames_AreKept()
    {
        Assert.Equal(["基本殡葬服务", "延伸服务", "殡葬用品", "墓位"], EnumCodes<PriceCategory>.All.Select(c => c.ChineseName()));
        Assert.Equal(["政府指导价", "参考价格区间", "市场调节价"], EnumCodes<PricingMode>.All.Select(m => m.ChineseName()));
        Assert.Equal(["骨灰墓", "单人遗体墓", "双人遗体墓", "树葬", "草坪葬", "壁葬格位"], EnumCodes<PlotType>.All.Select(t => t.ChineseName()));
        Assert.Equal(["高于政府定价（公益性墓位）", "高于参考价上限", "每平方米价格远高于全市中位数", "面积超过规定上限", "一年内涨幅过大", "价格超出参考区间"],
            EnumCodes<WarningRule>.All.Select(r => r.ChineseName()));
    }

    [Fact]
    public void EveryWord_HasAnEnglishLabel_ForEnglishPages()
    {
        Assert.Equal(["Basic funeral services", "Non-basic services", "Funeral goods", "Plots"], EnumCodes<PriceCategory>.All.Select(c => c.EnglishName()));
        Assert.Equal(["Government-guided price", "Reference price range", "Market price"], EnumCodes<PricingMode>.All.Select(m => m.EnglishName()));
        foreach (var label in EnumCodes<PlotType>.All.Select(t => t.EnglishName())
                     .Concat(EnumCodes<WarningRule>.All.Select(r => r.EnglishName()))
                     .Concat(EnumCodes<Hereafter.Web.Modules.Pricing.Contracts.InstitutionType>.All.Select(Hereafter.Web.Modules.Pricing.PricingLabels.EnglishName))
                     .Concat(EnumCodes<Hereafter.Web.Modules.Pricing.Contracts.PriceChangeStatus>.All.Select(Hereafter.Web.Modules.Pricing.PricingLabels.EnglishName))
                     .Concat(EnumCodes<Hereafter.Web.Modules.Pricing.Contracts.WarningStatus>.All.Select(Hereafter.Web.Modules.Pricing.PricingLabels.EnglishName)))
        {
            Assert.Matches("^[A-Z][A-Za-z0-9 ()²,.-]+$", label);
        }
    }
}
