using CsCheck;
using Hereafter.Domain.Pricing;

namespace Hereafter.Domain.Tests.Pricing;

public class PriceRulesTests
{
    private static readonly PricingTerms Guided = new(PricingMode.GovernmentGuided, Cap: 480m, RangeMin: null, RangeMax: null);
    private static readonly PricingTerms Range = new(PricingMode.ReferenceRange, Cap: null, RangeMin: 150m, RangeMax: 300m);
    private static readonly PricingTerms Market = new(PricingMode.Market, null, null, null);

    [Fact]
    public void GovernmentGuidedPrice_AtItsCap_IsAcceptable()
    {
        Assert.Equal(ProposalVerdict.Acceptable, PriceRules.Check(Guided, 480m, null).Verdict);
        Assert.Equal(ProposalVerdict.Acceptable, PriceRules.Check(Guided, 479.99m, null).Verdict);
    }

    [Fact]
    public void GovernmentGuidedPrice_OneFenAboveItsCap_IsRefusedWhateverTheReason()
    {
        var check = PriceRules.Check(Guided, 480.01m, "成本上涨，理由充分");
        Assert.Equal(ProposalVerdict.Refused, check.Verdict);
        Assert.Contains("480.00", check.Message);
        Assert.Contains("永远不能获批", check.Message);
    }

    [Fact]
    public void ReferenceRangePrice_AtEitherBound_NeedsNoReason()
    {
        Assert.Equal(ProposalVerdict.Acceptable, PriceRules.Check(Range, 300m, null).Verdict);
        Assert.Equal(ProposalVerdict.Acceptable, PriceRules.Check(Range, 150m, null).Verdict);
        Assert.False(PriceRules.Check(Range, 300m, null).OutsideReferenceRange);
    }

    [Theory]
    [InlineData("300.01")]
    [InlineData("149.99")]
    public void ReferenceRangePrice_JustOutside_NeedsAWrittenReason(string price)
    {
        var p = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);
        var without = PriceRules.Check(Range, p, null);
        Assert.Equal(ProposalVerdict.ReasonRequired, without.Verdict);
        Assert.Contains("必须书面说明理由", without.Message);
        Assert.Equal(ProposalVerdict.ReasonRequired, PriceRules.Check(Range, p, "   ").Verdict);
        Assert.Equal(ProposalVerdict.ReasonRequired, PriceRules.Check(Range, p, "涨价").Verdict); // shorter than the minimum
        var with = PriceRules.Check(Range, p, "新增创伤修复内容");
        Assert.Equal(ProposalVerdict.OutsideRangeWithReason, with.Verdict);
        Assert.True(with.OutsideReferenceRange);
    }

    [Fact]
    public void NegativeOrSubFenPrices_AreRefused()
    {
        Assert.Equal(ProposalVerdict.Refused, PriceRules.Check(Market, -1m, null).Verdict);
        Assert.Equal(ProposalVerdict.Refused, PriceRules.Check(Market, 10.001m, null).Verdict);
        Assert.Equal(ProposalVerdict.Acceptable, PriceRules.Check(Market, 99999m, null).Verdict);
    }

    [Fact]
    public void PriceInForce_IsTheLatestEntryNotAfterTheDate()
    {
        var history = new[] { new PriceEntry(100m, new(2025, 1, 1)), new PriceEntry(120m, new(2026, 3, 1)), new PriceEntry(90m, new(2026, 12, 1)) };
        Assert.Null(PriceRules.InForce(history, new(2024, 12, 31)));
        Assert.Equal(100m, PriceRules.InForce(history, new(2025, 1, 1))!.Price);
        Assert.Equal(100m, PriceRules.InForce(history, new(2026, 2, 28))!.Price);
        Assert.Equal(120m, PriceRules.InForce(history, new(2026, 3, 1))!.Price);
        Assert.Equal(120m, PriceRules.InForce(history, new(2026, 11, 30))!.Price);
        Assert.Equal(90m, PriceRules.InForce(history, new(2026, 12, 1))!.Price);
        Assert.Equal(100m, PriceRules.Previous(history, new(2026, 6, 1))!.Price);
        Assert.Null(PriceRules.Previous(history, new(2025, 6, 1)));
    }

    [Fact]
    public void PriceInForce_WhateverTheOrderOfHistory_IsTheSame()
    {
        Gen.Int[0, 3000].Array[1, 8].Sample(days =>
        {
            var start = new DateOnly(2020, 1, 1);
            var history = days.Distinct().Select(d => new PriceEntry(d, start.AddDays(d))).ToList();
            var date = start.AddDays(1500);
            var expected = history.Where(e => e.EffectiveFrom <= date).OrderBy(e => e.EffectiveFrom).LastOrDefault();
            var shuffled = history.OrderBy(e => e.Price % 7).ThenByDescending(e => e.Price).ToList();
            Assert.Equal(expected, PriceRules.InForce(shuffled, date));
        });
    }
}
