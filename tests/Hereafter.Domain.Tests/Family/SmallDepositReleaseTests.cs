using Hereafter.Domain.Family;

namespace Hereafter.Domain.Tests.Family;

public class SmallDepositReleaseTests
{
    [Fact]
    public void FuneralGrantsAndSurvivorsPensions_AreOutsideTheReleasableBalance() =>
        Assert.Equal(30_000.50m, SmallDepositRelease.ReleasableBalance([("活期", 12_000.50m), ("定期", 18_000m), ("丧葬费", 9_000m), ("抚恤金专户", 20_000m)]));

    [Theory]
    [InlineData(60_000, 0, 50_000)]
    [InlineData(30_000, 0, 30_000)]
    [InlineData(60_000, 45_000, 5_000)]
    [InlineData(30_000, 30_000, 0)]
    [InlineData(60_000, 50_000, 0)]
    public void Remaining_IsTheLesserOfTheLimitsAndTheBalancesRemainders(decimal balance, decimal released, decimal remaining) =>
        Assert.Equal(remaining, SmallDepositRelease.Remaining(balance, released));

    [Fact]
    public void Amounts_AreCountedInWholeFen()
    {
        Assert.Equal(1_000_025, SmallDepositRelease.ToFen(10_000.25m));
        Assert.Equal(SmallDepositRelease.LimitPerBankFen, SmallDepositRelease.ToFen(SmallDepositRelease.LimitPerBank));
        Assert.Equal(0.01m, SmallDepositRelease.ToYuan(1));
    }

    [Theory]
    [InlineData(null, "family.deposit-release.amount-required")]
    [InlineData("0", "family.deposit-release.amount-not-positive")]
    [InlineData("-0.01", "family.deposit-release.amount-not-positive")]
    [InlineData("1.001", "family.deposit-release.amount-too-precise")]
    public void AnAmountNotPositiveOrFinerThanAFen_IsRefused(string? amount, string key) =>
        Assert.Equal(key, SmallDepositRelease.CheckAmount(amount is null ? null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))?.Key);

    [Theory]
    [InlineData("0.01")]
    [InlineData("50000")]
    [InlineData("1.10")]
    public void APositiveAmountToTheFen_IsAccepted(string amount) =>
        Assert.Null(SmallDepositRelease.CheckAmount(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
}
