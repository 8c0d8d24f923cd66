using Hereafter.Domain.Messages;
using Hereafter.Domain.Pricing;

namespace Hereafter.Domain.Tests.Pricing;

/// <summary>The pricing rules speak through the catalogue: the Chinese text stays what it was, the English is its own.</summary>
public sealed class PricingMessageTests
{
    [Fact]
    public void ARefusedPrice_HasItsKey_AndBothLanguages()
    {
        var check = PriceRules.Check(new PricingTerms(PricingMode.GovernmentGuided, 480m, null, null), 480.01m, null);
        Assert.Equal("pricing.price.above-government-cap", check.Explanation!.Key);
        Assert.Equal("政府指导价项目不得高于上限 480.00 元，拟定价格 480.01 元永远不能获批。", check.Message);
        Assert.Equal("A government-guided item may not cost more than its cap of 480.00 yuan: the proposed price of 480.01 yuan can never be approved.",
            check.Explanation.English);
    }

    [Fact]
    public void AValueThatLooksLikeAPlaceholder_IsShownAsItIs()
    {
        var message = new Message("pricing.bill.no-price-on-service-date").With("item", "{date}").With("date", "2026-01-01");
        Assert.Equal("“{date}”在服务日期 2026-01-01 尚无公示价格，不得收费。", message.Chinese);
    }
}
