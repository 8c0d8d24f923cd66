using Hereafter.Domain.Memorial;

namespace Hereafter.Domain.Tests.Memorial;

public sealed class StandardSlugTests
{
    [Theory]
    [InlineData("wenming-jisao")]
    [InlineData("sangshi-jianban")]
    [InlineData("2027-qingming")]
    [InlineData("a")]
    [InlineData("manage-guide")]
    public void LowerCaseLatin_Digits_AndSingleInnerHyphens_AreAccepted(string slug) =>
        Assert.True(StandardSlug.Check(slug).Ok);

    [Theory]
    [InlineData(null, StandardSlugProblem.Missing, null)]
    [InlineData("", StandardSlugProblem.Missing, null)]
    [InlineData("Wenming-Jisao", StandardSlugProblem.UpperCase, null)]
    [InlineData("文明祭扫", StandardSlugProblem.InvalidCharacter, "文")]
    [InlineData("wenming jisao", StandardSlugProblem.InvalidCharacter, " ")]
    [InlineData("wenming_jisao", StandardSlugProblem.InvalidCharacter, "_")]
    [InlineData("Wenming_Jisao", StandardSlugProblem.InvalidCharacter, "_")]
    [InlineData("jisao.html", StandardSlugProblem.InvalidCharacter, ".")]
    [InlineData("a/b", StandardSlugProblem.InvalidCharacter, "/")]
    [InlineData("café", StandardSlugProblem.InvalidCharacter, "é")]
    [InlineData("-jisao", StandardSlugProblem.EdgeHyphen, null)]
    [InlineData("jisao-", StandardSlugProblem.EdgeHyphen, null)]
    [InlineData("wenming--jisao", StandardSlugProblem.DoubleHyphen, null)]
    [InlineData("manage", StandardSlugProblem.Reserved, null)]
    [InlineData("new", StandardSlugProblem.Reserved, null)]
    public void EachProblem_IsNamed_WithTheFirstBadCharacter(string? slug, StandardSlugProblem problem, string? character)
    {
        var check = StandardSlug.Check(slug);
        Assert.Equal(problem, check.Problem);
        Assert.Equal(character, check.Character);
    }

    [Fact]
    public void AnAddressLongerThanTheLimit_IsTooLong()
    {
        Assert.True(StandardSlug.Check(new string('a', StandardSlug.MaxLength)).Ok);
        Assert.Equal(StandardSlugProblem.TooLong, StandardSlug.Check(new string('a', StandardSlug.MaxLength + 1)).Problem);
    }

    [Fact]
    public void AnAstralCharacter_IsReportedWhole()
    {
        var check = StandardSlug.Check("jisao-😀");
        Assert.Equal("😀", check.Character);
    }
}
