using CsCheck;
using Hereafter.Domain.Certificates;

namespace Hereafter.Domain.Tests.Certificates;

public class IcdCodeTests
{
    [Theory]
    [InlineData("R99", "R99")]
    [InlineData("I21.9", "I21.9")]
    [InlineData("J96.00", "J96.00")]
    [InlineData(" i21.9 ", "I21.9")]
    [InlineData("u07.1", "U07.1")]
    public void IcdCode_WellFormed_IsNormalized(string input, string expected)
    {
        Assert.True(IcdCode.TryNormalize(input, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("I219")]
    [InlineData("I21.")]
    [InlineData("I21.999")]
    [InlineData("121.9")]
    [InlineData("IA1.9")]
    [InlineData("I21-9")]
    [InlineData("I21.9<")]
    public void IcdCode_Malformed_IsRejected(string? input) => Assert.False(IcdCode.TryNormalize(input, out _));

    private static readonly Gen<string> Digit = Gen.Char['0', '9'].Select(c => c.ToString());
    private static readonly Gen<string> Letter = Gen.Char['A', 'Z'].Select(c => c.ToString());
    private static readonly Gen<string> DigitOrLetter = Gen.OneOf(Digit, Letter);

    private static readonly Gen<string> WellFormed =
        from letter in Letter
        from d1 in Digit
        from d2 in Digit
        from suffixLength in Gen.Int[0, 2]
        from suffix in DigitOrLetter.Array[suffixLength]
        from lower in Gen.Bool
        let code = letter + d1 + d2 + (suffixLength == 0 ? "" : "." + string.Concat(suffix))
        select lower ? code.ToLowerInvariant() : code;

    [Fact]
    public void IcdCode_EveryGeneratedWellFormedCode_IsAccepted() =>
        WellFormed.Sample(input =>
        {
            Assert.True(IcdCode.TryNormalize(input, out var code), input);
            Assert.Equal(input.ToUpperInvariant(), code);
        });

    [Fact]
    public void IcdCode_EveryGeneratedMalformedCode_IsRejected()
    {
        // Each mutation breaks the shape: drop the dot, a digit instead of the letter, a letter in the
        // category, a three-character suffix, an empty suffix, a stray symbol.
        var malformed =
            from code in WellFormed.Where(c => c.Length > 3)
            from mutation in Gen.Int[0, 5]
            select mutation switch
            {
                0 => code.Remove(3, 1),
                1 => "1" + code[1..],
                2 => code[..1] + "X" + code[2..],
                3 => code + "12",
                4 => code[..4],
                _ => code + "#",
            };
        malformed.Sample(input => Assert.False(IcdCode.TryNormalize(input, out _), input));
    }
}
