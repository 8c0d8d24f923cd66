using CsCheck;
using Hereafter.Domain.Identity;

namespace Hereafter.Domain.Tests.Identity;

public class IdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    internal static string WithCheck(string first17) => first17 + IdNumber.ComputeCheckCharacter(first17);

    [Fact]
    public void IdNumber_StandardTestVector_IsValidFemaleBorn19491231()
    {
        Assert.True(IdNumber.TryParse("11010519491231002X", Today, out var id, out var error));
        Assert.Equal(IdNumberError.None, error);
        Assert.Equal("11010519491231002X", id.Value);
        Assert.Equal("110105", id.RegionCode);
        Assert.Equal(new DateOnly(1949, 12, 31), id.BirthDate);
        Assert.Equal("2", id.Sex);
        Assert.False(id.WasConverted);
    }

    [Fact]
    public void IdNumber_WithLowerCaseXAndSpaces_IsAcceptedAndUpperCased()
    {
        Assert.True(IdNumber.TryParse("  11010519491231002x ", Today, out var id, out _));
        Assert.Equal("11010519491231002X", id.Value);
    }

    [Fact]
    public void IdNumber_WithWrongCheckCharacter_IsRejected()
    {
        Assert.False(IdNumber.TryParse("110105194912310021", Today, out _, out var error));
        Assert.Equal(IdNumberError.WrongCheckCharacter, error);
    }

    [Fact]
    public void IdNumber_Legacy15Digits_IsConvertedTo18()
    {
        Assert.Equal("11010519491231002X", IdNumber.ConvertLegacy("110105491231002"));
        Assert.True(IdNumber.TryParse("110105491231002", Today, out var id, out _));
        Assert.Equal("11010519491231002X", id.Value);
        Assert.True(id.WasConverted);
        Assert.Equal(new DateOnly(1949, 12, 31), id.BirthDate);
    }

    [Fact]
    public void IdNumber_OddSequenceDigit_IsMale()
    {
        Assert.True(IdNumber.TryParse(WithCheck("52010219500307001"), Today, out var id, out _));
        Assert.Equal("1", id.Sex);
        Assert.Equal(new DateOnly(1950, 3, 7), id.BirthDate);
    }

    [Theory]
    [InlineData(null, IdNumberError.Missing)]
    [InlineData("   ", IdNumberError.Missing)]
    [InlineData("1101051949123100", IdNumberError.BadLength)]
    [InlineData("11010519491231002XX", IdNumberError.BadLength)]
    [InlineData("1101051949123100AX", IdNumberError.BadCharacters)]
    [InlineData("11010549123100A", IdNumberError.BadCharacters)]
    [InlineData("１１０１０５19491231002X", IdNumberError.BadCharacters)]
    public void IdNumber_MalformedText_IsRejectedWithReason(string? input, IdNumberError expected)
    {
        Assert.False(IdNumber.TryParse(input, Today, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void IdNumber_WithImpossibleDate19490230_IsRejected()
    {
        Assert.False(IdNumber.TryParse(WithCheck("11010519490230002"), Today, out _, out var error));
        Assert.Equal(IdNumberError.BadBirthDate, error);
    }

    [Theory]
    [InlineData("18791231")]
    [InlineData("20261121")]
    public void IdNumber_WithBirthOutsideRange_IsRejected(string birth)
    {
        Assert.False(IdNumber.TryParse(WithCheck("110105" + birth + "002"), Today, out _, out var error));
        Assert.Equal(IdNumberError.BadBirthDate, error);
    }

    [Theory]
    [InlineData("18800101")]
    [InlineData("20261120")]
    public void IdNumber_WithBirthAtRangeEdges_IsAccepted(string birth) =>
        Assert.True(IdNumber.TryParse(WithCheck("110105" + birth + "002"), Today, out _, out _));

    [Theory]
    [InlineData("991010")]
    [InlineData("830000")]
    [InlineData("529999")]
    public void IdNumber_WithUnknownRegion_IsRejected(string region)
    {
        Assert.False(IdNumber.TryParse(WithCheck(region + "19500307001"), Today, out _, out var error));
        Assert.Equal(IdNumberError.UnknownRegion, error);
    }

    [Theory]
    [InlineData(" 11010519491231002x ", "11010519491231002X")]
    [InlineData("110105 1949 1231 002X", "11010519491231002X")]
    [InlineData("110105-19491231-002X", "11010519491231002X")]
    [InlineData("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X")]
    [InlineData("110105\u300049123 1002", "11010519491231002X")]
    [InlineData("abx", "abX")]
    [InlineData(null, "")]
    public void IdNumber_Normalize_CleansGovernmentRollText(string? raw, string expected) =>
        Assert.Equal(expected, IdNumber.Normalize(raw));

    internal static readonly Gen<string> ValidIds =
        from region in Gen.OneOf(RegionCodes.All.Where(c => !c.EndsWith("00", StringComparison.Ordinal)).ToArray())
        from birth in Gen.Int[0, 50_000]
        from sequence in Gen.Int[0, 999]
        let date = new DateOnly(1890, 1, 1).AddDays(birth)
        select WithCheck(region + date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + sequence.ToString("000", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void IdNumber_EveryGeneratedValidId_ParsesAndRoundTrips() =>
        ValidIds.Sample(text =>
        {
            Assert.True(IdNumber.TryParse(text, Today, out var id, out var error), $"{text}: {error}");
            Assert.Equal(text, id.Value);
            Assert.Equal(text, IdNumber.Normalize(text));
            Assert.Equal(text[..6], id.RegionCode);
            Assert.Equal((text[16] - '0') % 2 == 1 ? "1" : "2", id.Sex);
        });

    [Fact]
    public void IdNumber_EverySingleCharacterSubstitution_IsRejected() =>
        Gen.Select(ValidIds, Gen.Int[0, 17], Gen.Char["0123456789X"]).Sample((text, position, replacement) =>
        {
            if (text[position] == replacement)
            {
                return;
            }

            var changed = string.Concat(text.AsSpan(0, position), replacement.ToString(), text.AsSpan(position + 1));
            Assert.False(IdNumber.TryParse(changed, Today, out _, out _), changed);
        });

    [Fact]
    public void IdNumber_LegacyConversion_IsAlwaysValidAndKeepsBirthDate() =>
        Gen.Select(Gen.OneOf(RegionCodes.All.ToArray()), Gen.Int[0, 36_524], Gen.Int[0, 999]).Sample((region, day, sequence) =>
        {
            var date = new DateOnly(1900, 1, 1).AddDays(day);
            var legacy = region + date.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture) + sequence.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            var converted = IdNumber.ConvertLegacy(legacy);
            Assert.True(IdNumber.TryParse(converted, Today, out var id, out var error), $"{converted}: {error}");
            Assert.Equal(date, id.BirthDate);
            Assert.True(IdNumber.TryParse(legacy, Today, out var fromLegacy, out _));
            Assert.Equal(id.Value, fromLegacy.Value);
        });
}
