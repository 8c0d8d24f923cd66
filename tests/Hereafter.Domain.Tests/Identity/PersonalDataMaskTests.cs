using Hereafter.Domain.Identity;

namespace Hereafter.Domain.Tests.Identity;

public class PersonalDataMaskTests
{
    [Theory]
    [InlineData("张三丰", "张*丰")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("张", "*")]
    [InlineData("无", "无")]
    [InlineData("John Smith", "J*** ****h")]
    [InlineData(" 张三 ", "张*")]
    [InlineData(null, "")]
    public void PersonalDataMask_Name_HidesAllButEdges(string? name, string expected) =>
        Assert.Equal(expected, PersonalDataMask.Name(name));

    [Theory]
    [InlineData("52010219500307013X", "5201**********013X")]
    [InlineData("E12345678", "E1*****78")]
    [InlineData("AB12", "****")]
    [InlineData("A", "*")]
    [InlineData(null, "")]
    public void PersonalDataMask_IdNumber_KeepsOnlyEdges(string? id, string expected) =>
        Assert.Equal(expected, PersonalDataMask.IdNumber(id));
}
