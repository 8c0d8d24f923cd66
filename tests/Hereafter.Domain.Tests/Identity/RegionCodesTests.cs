using Hereafter.Domain.Identity;

namespace Hereafter.Domain.Tests.Identity;

public class RegionCodesTests
{
    [Fact]
    public void RegionCodes_EmbeddedList_CoversTheCountry() => Assert.InRange(RegionCodes.Count, 3000, 4000);

    [Theory]
    [InlineData("520102")] // 南明区, in the list
    [InlineData("110105")] // 朝阳区
    [InlineData("520199")] // unknown county of 贵阳市: prefecture 520100 is listed
    [InlineData("429004")] // 仙桃, province-direct county-level city
    [InlineData("110229")] // former 延庆县 under Beijing's 县 (1102)
    [InlineData("500381")] // former 江津市 under Chongqing (5003)
    [InlineData("522401")] // former 毕节地区
    [InlineData("810000")]
    public void RegionCodes_PlausibleCode_Exists(string code) => Assert.True(RegionCodes.Exists(code));

    [Theory]
    [InlineData("")]
    [InlineData("52010")]
    [InlineData("52010a")]
    [InlineData("990101")] // no province 99
    [InlineData("830000")] // not one of the 34 provinces
    [InlineData("529901")] // no prefecture 5299 in Guizhou
    [InlineData("110401")] // Beijing has no 1104
    public void RegionCodes_ImplausibleCode_DoesNotExist(string code) => Assert.False(RegionCodes.Exists(code));
}
