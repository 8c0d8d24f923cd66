using Hereafter.Domain.Input;

namespace Hereafter.Domain.Tests.Input;

public class FreeTextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void EmptyText_IsMissing_OnlyWhereRequired(string? text)
    {
        Assert.Equal(FreeTextProblems.Missing, FreeText.Check(text, 500));
        Assert.Equal(FreeTextProblems.None, FreeText.Check(text, 500, required: false));
    }

    [Fact]
    public void UntrimmedText_IsCheckedAsGiven()
    {
        Assert.Equal(FreeTextProblems.ForbiddenCharacter, FreeText.Check("\n", 500, required: false));
        Assert.Equal(FreeTextProblems.TooLong, FreeText.Check(new string(' ', 501), 500, required: false));
    }

    [Fact]
    public void Text_OfExactlyTheLimit_IsAccepted_AndOneMore_IsTooLong()
    {
        Assert.Equal(FreeTextProblems.None, FreeText.Check(new string('因', 500), 500));
        Assert.Equal(FreeTextProblems.TooLong, FreeText.Check(new string('因', 501), 500));
    }

    [Theory]
    [InlineData("家属申请\n补办")]
    [InlineData("家属申请\t补办")]
    [InlineData("<script>")]
    [InlineData("a > b")]
    public void ControlCharactersAndAngleBrackets_AreForbidden_ByDefault(string text)
    {
        Assert.Equal(FreeTextProblems.ForbiddenCharacter, FreeText.Check(text, 500));
    }

    [Fact]
    public void AField_MayAllowLineBreaks_OrAngleBrackets()
    {
        Assert.Equal(FreeTextProblems.None, FreeText.Check("第一行\n第二行", 500, allowControlCharacters: true));
        Assert.Equal(FreeTextProblems.ForbiddenCharacter, FreeText.Check("第一行\n<b>", 500, allowControlCharacters: true));
        Assert.Equal(FreeTextProblems.None, FreeText.Check("a < b", 500, allowAngleBrackets: true));
        Assert.Equal(FreeTextProblems.ForbiddenCharacter, FreeText.Check("a\u0007b", 500, allowAngleBrackets: true));
    }

    [Fact]
    public void SeveralProblems_AreAllReported()
    {
        Assert.Equal(FreeTextProblems.TooLong | FreeTextProblems.ForbiddenCharacter, FreeText.Check("<" + new string('x', 10), 5));
    }
}
