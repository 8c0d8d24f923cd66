using CsCheck;
using Hereafter.Domain.Identity;

namespace Hereafter.Domain.Tests.Identity;

public class CreditCodeTests
{
    [Fact]
    public void CreditCode_WithComputedCheckCharacter_IsValid()
    {
        var code = "91520100MA6DK1234" + CreditCode.ComputeCheckCharacter("91520100MA6DK1234");
        Assert.True(CreditCode.IsValid(code));
        Assert.True(CreditCode.IsValid(" " + code.ToLowerInvariant() + " "));
    }

    [Theory]
    [InlineData("91350100M000100Y43")] // the example printed in GB 32100-2015
    [InlineData("91110000802100433B")] // a published business licence
    public void CreditCode_KnownRealCode_IsValid(string code) => Assert.True(CreditCode.IsValid(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y44")]
    [InlineData("91350100M000100I43")] // I is not in the alphabet
    public void CreditCode_Malformed_IsInvalid(string? code) => Assert.False(CreditCode.IsValid(code));

    private static readonly Gen<string> ValidCodes =
        Gen.Char[CreditCode.Alphabet].Array[17].Select(chars => new string(chars) + CreditCode.ComputeCheckCharacter(chars));

    [Fact]
    public void CreditCode_EveryGeneratedCode_Validates() => ValidCodes.Sample(code => Assert.True(CreditCode.IsValid(code), code));

    [Fact]
    public void CreditCode_EverySingleSubstitution_Fails() =>
        Gen.Select(ValidCodes, Gen.Int[0, 17], Gen.Char[CreditCode.Alphabet]).Sample((code, position, replacement) =>
        {
            if (code[position] == replacement)
            {
                return;
            }

            var changed = string.Concat(code.AsSpan(0, position), replacement.ToString(), code.AsSpan(position + 1));
            Assert.False(CreditCode.IsValid(changed), changed);
        });
}
