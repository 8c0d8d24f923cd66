using Hereafter.Domain.Certificates;

namespace Hereafter.Domain.Tests.Certificates;

public class IcdQualityTests
{
    [Theory]
    [InlineData("R00", true)]
    [InlineData("R99", true)]
    [InlineData("Q99.9", false)]
    [InlineData("S00", false)]
    [InlineData("I46.9", true)]
    [InlineData("I46.0", true)]
    [InlineData("I45.9", false)]
    [InlineData("I47", false)]
    [InlineData("I95.9", true)]
    [InlineData("I95.8", false)]
    [InlineData("J96.0", true)]
    [InlineData("J96.91", true)]
    [InlineData("J95.9", false)]
    [InlineData("J97", false)]
    [InlineData("I50.9", true)]
    [InlineData("I50.0", false)]
    [InlineData("A41.9", true)]
    [InlineData("A41.8", false)]
    [InlineData("I51.6", true)]
    [InlineData("I51.9", true)]
    [InlineData("I51.5", false)]
    [InlineData("C76.0", true)]
    [InlineData("C75.9", false)]
    [InlineData("C77.0", false)]
    [InlineData("C80.9", true)]
    [InlineData("C79.9", false)]
    [InlineData("C81.9", false)]
    [InlineData("C97", true)]
    [InlineData("C96.9", false)]
    [InlineData("X59.9", true)]
    [InlineData("X58", false)]
    [InlineData("X60", false)]
    [InlineData("Y10", true)]
    [InlineData("Y34", true)]
    [InlineData("Y09", false)]
    [InlineData("Y35.0", false)]
    [InlineData("I21.9", false)]
    public void IcdQuality_IllDefined_CoversExactlyTheGarbageCodes(string code, bool expected) =>
        Assert.Equal(expected, IcdQuality.IsIllDefined(code));

    [Theory]
    [InlineData("O00", "2")]
    [InlineData("O99.8", "2")]
    [InlineData("C50.9", null)]
    [InlineData("C51.9", "2")]
    [InlineData("C53.9", "2")]
    [InlineData("C58", "2")]
    [InlineData("C59", null)]
    [InlineData("N69", null)]
    [InlineData("N70.9", "2")]
    [InlineData("N98.1", "2")]
    [InlineData("N99", null)]
    [InlineData("D24", null)]
    [InlineData("D25.9", "2")]
    [InlineData("D28.0", "2")]
    [InlineData("D05.9", null)]
    [InlineData("D06.9", "2")]
    [InlineData("D07", null)]
    [InlineData("C60.9", "1")]
    [InlineData("C61", "1")]
    [InlineData("C63.9", "1")]
    [InlineData("C64", null)]
    [InlineData("N39.0", null)]
    [InlineData("N40", "1")]
    [InlineData("N51.8", "1")]
    [InlineData("N52", null)]
    [InlineData("D29.1", "1")]
    [InlineData("D30", null)]
    public void IcdQuality_RequiredSex_MatchesSexSpecificRanges(string code, string? expected) =>
        Assert.Equal(expected, IcdQuality.RequiredSex(code));

    [Theory]
    [InlineData("P00", true)]
    [InlineData("P96.9", true)]
    [InlineData("O99", false)]
    [InlineData("Q00", false)]
    public void IcdQuality_Perinatal_IsP00ToP96(string code, bool expected) => Assert.Equal(expected, IcdQuality.IsPerinatal(code));

    [Theory]
    [InlineData("S00", true)]
    [InlineData("T98.3", true)]
    [InlineData("R99", false)]
    [InlineData("U01", false)]
    [InlineData("V01", true)]
    [InlineData("Y98", true)]
    [InlineData("Z00", false)]
    public void IcdQuality_ExternalCauseOrInjury_IsS00ToT98AndV01ToY98(string code, bool expected) =>
        Assert.Equal(expected, IcdQuality.IsExternalCauseOrInjury(code));

    [Fact]
    public void IcdQuality_ValidCertificate_HasNoWarnings() => Assert.Empty(IcdQuality.Check(ValidCertificate.Create(), 76));

    [Fact]
    public void IcdQuality_ProstateCancerOnAWoman_WarnsOnThatLine()
    {
        var data = ValidCertificate.WithCauses(c => c with { PartII = [new OtherCondition { Text = "前列腺癌", Icd10 = "c61" }] });
        data = data with { Decedent = data.Decedent with { Sex = "2" } };
        var warning = Assert.Single(IcdQuality.Check(data, 76));
        Assert.Equal((IcdQuality.SexSpecificCode, "causes.partII[0].icd10"), (warning.Code, warning.Path));
        Assert.Contains("仅适用于男性", warning.Chinese, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("9")]
    public void IcdQuality_SexSpecificCodeWithUnknownSex_IsNotFlagged(string sex)
    {
        var data = ValidCertificate.WithCauses(c => c with { PartII = [new OtherCondition { Text = "前列腺癌", Icd10 = "C61" }] });
        data = data with { Decedent = data.Decedent with { Sex = sex } };
        Assert.Empty(IcdQuality.Check(data, 76));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(null, false)]
    public void IcdQuality_PerinatalCode_IsFlaggedFromAgeOne(int? age, bool flagged)
    {
        var data = ValidCertificate.WithCauses(c => c with { PartII = [new OtherCondition { Text = "早产", Icd10 = "P07.3" }] });
        Assert.Equal(flagged, IcdQuality.Check(data, age).Any(w => w.Code == IcdQuality.PerinatalCodeAfterFirstYear));
    }

    [Theory]
    [InlineData("1", "I21.9", false)]
    [InlineData("2", "I21.9", true)]
    [InlineData("3", "I21.9", true)]
    [InlineData("4", "I21.9", true)]
    [InlineData("5", "I21.9", false)]
    [InlineData("2", "W19", false)]
    [InlineData("4", "S06.9", false)]
    public void IcdQuality_InjuryMannerWithNaturalUnderlyingCause_IsFlagged(string manner, string underlying, bool flagged)
    {
        var data = ValidCertificate.WithCauses(c => c with
        {
            Manner = manner,
            UnderlyingCauseIcd10 = underlying,
            PartI = [c.PartI[0], c.PartI[1] with { Icd10 = underlying }],
        });
        Assert.Equal(flagged, IcdQuality.Check(data, 76).Any(w => w.Code == IcdQuality.InjuryMannerWithoutExternalCause));
    }

    [Theory]
    [InlineData("I25.1", true)]
    [InlineData("I21.9", false)]
    [InlineData("I21", false)]
    [InlineData(null, false)]
    public void IcdQuality_UnderlyingCauseNotOnLowestLine_IsFlagged(string? lowestLineCode, bool flagged)
    {
        var data = ValidCertificate.WithCauses(c => c with { PartI = [c.PartI[0], c.PartI[1] with { Icd10 = lowestLineCode }] });
        Assert.Equal(flagged, IcdQuality.Check(data, 76).Any(w => w.Code == IcdQuality.UnderlyingCauseNotLowestLine));
    }

    [Fact]
    public void IcdQuality_GarbageUnderlyingCause_IsFlagged()
    {
        var data = ValidCertificate.WithCauses(c => c with
        {
            UnderlyingCauseIcd10 = "I46.9",
            PartI = [c.PartI[0] with { Text = "心脏骤停", Icd10 = "I46.9" }],
        });
        var warning = Assert.Single(IcdQuality.Check(data, 76));
        Assert.Equal((IcdQuality.IllDefinedUnderlyingCause, "causes.underlyingCauseIcd10"), (warning.Code, warning.Path));
    }
}
