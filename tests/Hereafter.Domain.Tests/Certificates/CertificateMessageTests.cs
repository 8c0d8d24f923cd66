using System.Collections;
using System.Reflection;
using Hereafter.Domain.Certificates;
using Hereafter.Domain.Messages;
using static Hereafter.Domain.Tests.Certificates.ValidCertificate;

namespace Hereafter.Domain.Tests.Certificates;

/// <summary>Every finding the certificate rules can make is said through the message catalogue, in both languages.</summary>
public class CertificateMessageTests
{
    public static TheoryData<string> SpoiltValues => ["", "\u0001x", "<b>x", new string('长', 2001), "Z9", "2999-01-01", "无"];

    [Theory]
    [MemberData(nameof(SpoiltValues))]
    public void EveryFieldErrorOfASpoiltCertificate_HasTextInBothLanguages(string value)
    {
        var data = AtHome();
        Spoil(data, value);
        var errors = CertificateValidator.Validate(data, Hospital).Errors;

        Assert.NotEmpty(errors);
        foreach (var error in errors) AssertSaid(error.Message);
    }

    [Fact]
    public void EmptyCertificate_SaysEachFieldIsRequired_ByAKeyOfItsPath()
    {
        var errors = CertificateValidator.Validate(new CertificateData { Death = new DeathData { PlaceType = "3" } }, Hospital).Errors;

        Assert.Contains(errors, e => e.Path == "death.dateTime" && e.Message.Key == "certificates.death.date-time.required");
        Assert.Contains(errors, e => e.Path == "causes.manner" && e.Message.Key == "certificates.causes.manner.required");
        Assert.Contains(errors, e => e.Path == "investigation.informantName" && e.Message.Key == "certificates.investigation.informant-name.required");
        foreach (var error in errors) AssertSaid(error.Message);
    }

    [Fact]
    public void FieldMessage_KeysTheRuleByThePathWithoutIndices()
    {
        Assert.Equal("certificates.causes.part-i.interval.unit.not-in-list",
            CertificateValidator.FieldMessage("causes.partI[3].interval.unit", CertificateValidator.Codes.NotInList).Key);
        Assert.Equal("certificates.causes.part-ii.text.too-long", CertificateValidator.FieldMessage("causes.partII[0].text", "too-long").Key);
    }

    [Theory]
    [InlineData("2", "certificates.causes.manner.police-only.accident")]
    [InlineData("5", "certificates.causes.manner.police-only.pending-investigation")]
    public void PoliceOnly_IsSaidWithTheManner(string manner, string key)
    {
        var data = AtHome() with { Causes = AtHome().Causes with { Manner = manner } };
        var error = Assert.Single(CertificateValidator.Validate(data, Hospital).Errors, e => e.Code == CertificateValidator.Codes.PoliceOnly);

        Assert.Equal(key, error.Message.Key);
        AssertSaid(error.Message);
    }

    [Fact]
    public void EveryWarning_HasTextInBothLanguages()
    {
        var data = WithCauses(c => c with
        {
            Manner = "3",
            UnderlyingCauseIcd10 = "R99",
            PartI = [c.PartI[0] with { Icd10 = "C61" }, c.PartI[1] with { Icd10 = "P07.3", Interval = new CauseInterval { Value = 1, Unit = "minutes" } }],
            PartII = [new OtherCondition { Text = "妊娠", Icd10 = "O10" }],
        });
        var warnings = CertificateValidator.Validate(data with { Decedent = data.Decedent with { Sex = "2" } }, Police).Warnings
            .Concat(CertificateValidator.Validate(data, Police).Warnings).ToList();

        Assert.Equal(
            new[] { IcdQuality.IllDefinedUnderlyingCause, IcdQuality.SexSpecificCode, IcdQuality.PerinatalCodeAfterFirstYear, IcdQuality.InjuryMannerWithoutExternalCause,
                IcdQuality.UnderlyingCauseNotLowestLine, CertificateValidator.Codes.IntervalChainNotIncreasing }.Order(),
            warnings.Select(w => w.Code).Distinct().Order());
        Assert.Contains(warnings, w => w.Message.Key == "certificates.icd.male-only");
        Assert.Contains(warnings, w => w.Message.Key == "certificates.icd.female-only");
        foreach (var warning in warnings) AssertSaid(warning.Message);
    }

    private static void AssertSaid(Message message)
    {
        Assert.StartsWith("certificates.", message.Key, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(message.Chinese), message.Key);
        Assert.False(string.IsNullOrWhiteSpace(message.English), message.Key);
    }

    /// <summary>Sets every text of the certificate, however deep, to <paramref name="value"/>.</summary>
    private static void Spoil(object target, string value)
    {
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var current = property.GetValue(target);
            if (property.PropertyType == typeof(string)) property.SetValue(target, value);
            else if (current is IEnumerable items and not string) foreach (var item in items) { if (item is not null) Spoil(item, value); }
            else if (current is not null && property.PropertyType.Namespace == typeof(CertificateData).Namespace) Spoil(current, value);
        }
    }
}
