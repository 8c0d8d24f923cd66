using Hereafter.Domain.Identity;

namespace Hereafter.Domain.Tests.Identity;

public class PersonNameTests
{
    [Theory]
    [InlineData("王立新", "王", "立新")]
    [InlineData("李明", "李", "明")]
    [InlineData(" 张三 ", "张", "三")]
    [InlineData("欧阳修文", "欧阳", "修文")]
    [InlineData("司马光", "司马", "光")]
    [InlineData("诸葛亮", "诸葛", "亮")]
    public void ChineseName_IsFamilyNameFirst_WithCompoundSurnames(string name, string family, string given)
    {
        var split = PersonName.Split(name)!;
        Assert.Equal(family, split.Family);
        Assert.Equal([given], split.Given);
    }

    [Fact]
    public void TwoCharacterName_ThatLooksLikeACompoundSurname_IsOneCharacterEach()
    {
        // 欧阳 alone is a family name 欧 and a given name 阳: a compound surname needs a given name after it.
        var split = PersonName.Split("欧阳")!;
        Assert.Equal("欧", split.Family);
        Assert.Equal(["阳"], split.Given);
    }

    [Fact]
    public void OneCharacter_IsAFamilyNameWithoutGivenName()
    {
        var split = PersonName.Split("王")!;
        Assert.Equal("王", split.Family);
        Assert.Empty(split.Given);
    }

    [Fact]
    public void MiddleDotName_IsGivenNameFirst_TheLastPartTheFamilyName()
    {
        var split = PersonName.Split("买买提·艾力")!;
        Assert.Equal("艾力", split.Family);
        Assert.Equal(["买买提"], split.Given);
    }

    [Theory]
    [InlineData("John Smith", "Smith", new[] { "John" })]
    [InlineData("Mary Ann Smith", "Smith", new[] { "Mary", "Ann" })]
    [InlineData("SMITH John", "SMITH", new[] { "John" })]
    [InlineData("JOHN SMITH", "SMITH", new[] { "JOHN" })]
    public void LatinName_IsGivenFirst_UnlessOnlyTheFirstWordIsInCapitals(string name, string family, string[] given)
    {
        var split = PersonName.Split(name)!;
        Assert.Equal(family, split.Family);
        Assert.Equal(given, split.Given);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyName_IsNull(string? name) => Assert.Null(PersonName.Split(name));
}
