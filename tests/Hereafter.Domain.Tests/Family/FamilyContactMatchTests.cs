using Hereafter.Domain.Family;

namespace Hereafter.Domain.Tests.Family;

public class FamilyContactMatchTests
{
    [Theory]
    [InlineData("王丽", "13985012345")]
    [InlineData("王 丽", "139-8501-2345")]
    [InlineData("王丽", "+86 139 8501 2345")]
    [InlineData("王丽", "0086 13985012345")]
    public void SameNameAndPhone_WrittenDifferently_Match(string name, string phone) =>
        Assert.True(FamilyContactMatch.Matches(name, phone, "王丽", "13985012345"));

    [Fact]
    public void OtherName_DoesNotMatch() => Assert.False(FamilyContactMatch.Matches("王莉", "13985012345", "王丽", "13985012345"));

    [Fact]
    public void OtherPhone_DoesNotMatch() => Assert.False(FamilyContactMatch.Matches("王丽", "13985012346", "王丽", "13985012345"));

    [Fact]
    public void CertificateWithoutInformantPhone_AdmitsNobody()
    {
        Assert.False(FamilyContactMatch.Matches("王丽", "", "王丽", null));
        Assert.False(FamilyContactMatch.Matches("", "", null, null));
    }

    [Fact]
    public void LatinNames_IgnoreCaseAndFullWidth() =>
        Assert.True(FamilyContactMatch.Matches("ＪＯＨＮ Smith", "13985012345", "john smith", "13985012345"));
}
