using Hereafter.Domain.Certificates;
using static Hereafter.Domain.Tests.Certificates.ValidCertificate;

namespace Hereafter.Domain.Tests.Certificates;

public class CertificateValidatorTests
{
    private static CertificateValidation Validate(CertificateData data, CertificateContext? context = null) =>
        CertificateValidator.Validate(data, context ?? Hospital);

    private static FieldError SingleError(CertificateData data, CertificateContext? context = null)
    {
        var result = Validate(data, context);
        Assert.Null(result.Normalized);
        return Assert.Single(result.Errors);
    }

    private static void AssertSingleError(CertificateData data, string path, string code, CertificateContext? context = null)
    {
        var error = SingleError(data, context);
        Assert.Equal((path, code), (error.Path, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Chinese));
        Assert.False(string.IsNullOrWhiteSpace(error.English));
    }

    [Fact]
    public void Validator_ValidHospitalCertificate_IsValidWithNoWarnings()
    {
        var result = Validate(Create());
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Empty(result.Warnings);
        var normalized = Assert.IsType<NormalizedCertificate>(result.Normalized);
        Assert.Equal("citizen-id", normalized.NumberKind);
        Assert.Equal(IdNumber, normalized.IdNumber);
        Assert.Equal(new DateOnly(1950, 3, 7), normalized.BirthDate);
        Assert.Equal(76, normalized.AgeYears);
        Assert.Equal("1", normalized.Sex);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.FromHours(8)), normalized.DeathAt);
        Assert.Equal(TimeSpan.FromHours(8), normalized.DeathAt.Offset);
    }

    [Fact]
    public void Validator_MessyButCorrectInput_IsNormalized()
    {
        var data = WithDecedent(d => d with { Name = " 王建国 ", IdNumber = "520102500307001" });
        data = data with { Causes = data.Causes with { UnderlyingCauseIcd10 = " i21.9 ", PartI = [data.Causes.PartI[0] with { Icd10 = "r57.0" }, data.Causes.PartI[1]] } };
        var result = Validate(data);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var normalized = result.Normalized!;
        Assert.Equal("520102195003070016", normalized.IdNumber);
        Assert.Equal("520102195003070016", normalized.Data.Decedent.IdNumber);
        Assert.Equal("王建国", normalized.Data.Decedent.Name);
        Assert.Equal("I21.9", normalized.Data.Causes.UnderlyingCauseIcd10);
        Assert.Equal("R57.0", normalized.Data.Causes.PartI[0].Icd10);
    }

    // Decedent name.

    [Theory]
    [InlineData(null, "required")]
    [InlineData("  ", "required")]
    [InlineData("王建国1", "invalid-characters")]
    [InlineData("<script>alert(1)</script>", "invalid-characters")]
    [InlineData("王\"建国", "invalid-characters")]
    [InlineData("王&建国", "invalid-characters")]
    [InlineData("王\u0007建国", "invalid-characters")]
    [InlineData("···", "invalid-characters")]
    public void Validator_BadDecedentName_IsRejected(string? name, string code) =>
        AssertSingleError(WithDecedent(d => d with { Name = name }), "decedent.name", code);

    [Theory]
    [InlineData("阿卜杜拉·艾则孜")]
    [InlineData("John O'Brien-Smith")]
    [InlineData("李〇")]
    [InlineData("㐀丽")]
    [InlineData("𠀋丽")]
    public void Validator_UnusualButRealName_IsAccepted(string name) =>
        Assert.True(Validate(WithDecedent(d => d with { Name = name })).IsValid);

    [Fact]
    public void Validator_NameOver50Characters_IsTooLong() =>
        AssertSingleError(WithDecedent(d => d with { Name = new string('王', 51) }), "decedent.name", "too-long");

    // Unidentified persons.

    [Fact]
    public void Validator_UnidentifiedBodyNamedWu_IsValidWithoutBirthDateOrAddresses()
    {
        var data = WithDecedent(d => d with
        {
            Name = "无", Sex = "0", IdType = null, IdNumber = null, BirthDate = null, HouseholdAddress = null, ResidenceAddress = null,
        });
        var result = Validate(data);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("unidentified", result.Normalized!.NumberKind);
        Assert.Null(result.Normalized.IdNumber);
        Assert.Null(result.Normalized.AgeYears);
    }

    [Fact]
    public void Validator_NoIdButARealName_MustBeNamedWu() =>
        AssertSingleError(WithDecedent(d => d with { IdType = null, IdNumber = " " }), "decedent.name", "unidentified-name");

    [Fact]
    public void Validator_NameWuWithAnId_IsRejected() =>
        AssertSingleError(WithDecedent(d => d with { Name = "无" }), "decedent.idNumber", "not-expected");

    // ID type and number.

    [Theory]
    [InlineData("52010219500307001", "id-length")]
    [InlineData("52010219500307001A", "id-characters")]
    [InlineData("990102195003070012", "id-region")]
    [InlineData("520102195002300019", "id-birth-date")]
    [InlineData("520102195003070017", "id-check-character")]
    public void Validator_BadCitizenId_GetsItsOwnError(string id, string code)
    {
        var error = SingleError(WithDecedent(d => d with { IdNumber = id }));
        Assert.Equal(("decedent.idNumber", code), (error.Path, error.Code));
        if (code == "id-check-character")
        {
            Assert.Equal("身份证号码校验位错误", error.Chinese);
        }
    }

    [Fact]
    public void Validator_BirthDateDifferentFromId_IsRejected()
    {
        var error = SingleError(WithDecedent(d => d with { BirthDate = "1950-03-08" }));
        Assert.Equal(("decedent.birthDate", "birth-date-mismatch"), (error.Path, error.Code));
        Assert.Contains("身份证号码显示出生日期为 1950-03-07", error.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_BirthDateAndSexLeftBlank_AreReadFromTheCitizenId()
    {
        var result = Validate(WithDecedent(d => d with { BirthDate = null, Sex = " " }));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(new DateOnly(1950, 3, 7), result.Normalized!.BirthDate);
        Assert.Equal("1", result.Normalized.Sex);
        Assert.Equal("1950-03-07", result.Normalized.Data.Decedent.BirthDate);
        Assert.Equal("1", result.Normalized.Data.Decedent.Sex);
    }

    [Fact]
    public void Validator_BlankBirthDateWithAPassport_IsStillRequired()
    {
        var error = SingleError(WithDecedent(d => d with { IdType = "2", IdNumber = "E12345678", BirthDate = null }));
        Assert.Equal(("decedent.birthDate", "required"), (error.Path, error.Code));
    }

    [Fact]
    public void Validator_SexDifferentFromId_SaysWhatTheIdSays()
    {
        var error = SingleError(WithDecedent(d => d with { Sex = "2" }));
        Assert.Equal("性别与身份证号码不一致：身份证号码显示性别为男", error.Chinese);
    }

    [Fact]
    public void Validator_SexDifferentFromId_IsRejected() =>
        AssertSingleError(WithDecedent(d => d with { Sex = "2" }), "decedent.sex", "sex-mismatch");

    [Theory]
    [InlineData("0")]
    [InlineData("9")]
    public void Validator_UnknownSexWithId_IsAccepted(string sex) =>
        Assert.True(Validate(WithDecedent(d => d with { Sex = sex })).IsValid);

    [Theory]
    [InlineData(null, "required")]
    [InlineData("3", "not-in-list")]
    public void Validator_BadSex_IsRejected(string? sex, string code) =>
        // With a passport: a blank sex is read from a valid citizen ID (Validator_BirthDateAndSexLeftBlank_AreReadFromTheCitizenId).
        AssertSingleError(WithDecedent(d => d with { Sex = sex, IdType = "2", IdNumber = "E12345678" }), "decedent.sex", code);

    [Fact]
    public void Validator_IdNumberWithoutType_IsRejectedOnType() =>
        AssertSingleError(WithDecedent(d => d with { IdType = null }), "decedent.idType", "required");

    [Fact]
    public void Validator_UnknownIdType_IsRejected() =>
        AssertSingleError(WithDecedent(d => d with { IdType = "5" }), "decedent.idType", "not-in-list");

    [Fact]
    public void Validator_IdTypeWithoutNumber_IsRejectedOnNumber() =>
        AssertSingleError(WithDecedent(d => d with { IdNumber = null }), "decedent.idNumber", "required");

    [Fact]
    public void Validator_Passport_IsUpperCased()
    {
        var result = Validate(WithDecedent(d => d with { IdType = "2", IdNumber = "e12345678" }));
        Assert.True(result.IsValid);
        Assert.Equal(("passport", "E12345678"), (result.Normalized!.NumberKind, result.Normalized.IdNumber));
    }

    [Theory]
    [InlineData("2", "E123", "passport-format")]
    [InlineData("2", "E1234-5678", "passport-format")]
    [InlineData("9", "AB 12", "other-id-format")]
    [InlineData("9", "1234567890123456789012345678901", "other-id-format")]
    public void Validator_BadForeignOrOtherId_IsRejected(string type, string number, string code) =>
        AssertSingleError(WithDecedent(d => d with { IdType = type, IdNumber = number }), "decedent.idNumber", code);

    [Fact]
    public void Validator_OtherIdWithHyphen_IsAccepted()
    {
        var result = Validate(WithDecedent(d => d with { IdType = "9", IdNumber = "HK-A123456" }));
        Assert.Equal("other", result.Normalized!.NumberKind);
    }

    // Birth date and age.

    [Theory]
    [InlineData(null, "required")]
    [InlineData("1950/03/07", "invalid-date")]
    [InlineData("1950-02-30", "invalid-date")]
    public void Validator_BadBirthDate_IsRejected(string? birth, string code) =>
        // With a passport: a blank birth date is read from a valid citizen ID, and a typed one is checked against it.
        AssertSingleError(WithDecedent(d => d with { BirthDate = birth, IdType = "2", IdNumber = "E12345678" }), "decedent.birthDate", code);

    [Fact]
    public void Validator_BirthInTheFuture_IsRejected()
    {
        var result = Validate(WithDecedent(d => d with { IdType = "2", IdNumber = "E12345678", BirthDate = "2026-11-21" }));
        Assert.Contains(result.Errors, e => e.Path == "decedent.birthDate" && e.Code == "in-future");
        Assert.Contains(result.Errors, e => e.Path == "death.dateTime" && e.Code == "before-birth");
    }

    [Fact]
    public void Validator_DeathBeforeBirth_IsRejected()
    {
        var data = WithDecedent(d => d with { IdType = "2", IdNumber = "E12345678", BirthDate = "2026-11-20" });
        data = data with { Death = data.Death with { DateTime = "2026-11-19T23:00:00+08:00" } };
        AssertSingleError(data, "death.dateTime", "before-birth");
    }

    [Theory]
    [InlineData("1896-11-20", true)]
    [InlineData("1895-11-20", false)]
    public void Validator_AgeAt130_IsTheLimit(string birth, bool valid)
    {
        var data = WithDecedent(d => d with { IdType = "2", IdNumber = "E12345678", BirthDate = birth });
        var result = Validate(data);
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(("decedent.birthDate", "age-too-high"), (result.Errors[0].Path, result.Errors[0].Code));
        }
    }

    // Other decedent fields.

    [Theory]
    [InlineData("decedent.ethnicity", "required")]
    [InlineData("decedent.nationality", "required")]
    [InlineData("decedent.maritalStatus", "required")]
    [InlineData("decedent.education", "required")]
    [InlineData("decedent.occupation", "required")]
    [InlineData("decedent.householdAddress", "required")]
    [InlineData("decedent.residenceAddress", "required")]
    public void Validator_MissingRequiredDecedentField_IsRejected(string path, string code)
    {
        var data = path switch
        {
            "decedent.ethnicity" => WithDecedent(d => d with { Ethnicity = "" }),
            "decedent.nationality" => WithDecedent(d => d with { Nationality = null }),
            "decedent.maritalStatus" => WithDecedent(d => d with { MaritalStatus = null }),
            "decedent.education" => WithDecedent(d => d with { Education = null }),
            "decedent.occupation" => WithDecedent(d => d with { Occupation = null }),
            "decedent.householdAddress" => WithDecedent(d => d with { HouseholdAddress = null }),
            _ => WithDecedent(d => d with { ResidenceAddress = null }),
        };
        AssertSingleError(data, path, code);
    }

    [Fact]
    public void Validator_WorkUnitIsOptional() => Assert.True(Validate(WithDecedent(d => d with { WorkUnit = null })).IsValid);

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void Validator_EthnicityLength_IsLimitedTo20(int length, bool valid) =>
        Assert.Equal(valid, Validate(WithDecedent(d => d with { Ethnicity = new string('汉', length) })).IsValid);

    [Fact]
    public void Validator_MaritalStatusOutsideList_IsRejected() =>
        AssertSingleError(WithDecedent(d => d with { MaritalStatus = "7" }), "decedent.maritalStatus", "not-in-list");

    [Fact]
    public void Validator_AddressOver200_IsTooLong() =>
        AssertSingleError(WithDecedent(d => d with { ResidenceAddress = new string('路', 201) }), "decedent.residenceAddress", "too-long");

    [Theory]
    [InlineData("贵阳市<script>alert(1)</script>", "markup")]
    [InlineData("贵阳市<img src=x>", "markup")]
    [InlineData("贵阳市<!-- x -->", "markup")]
    [InlineData("贵阳市\u0000南明区", "invalid-characters")]
    [InlineData("贵阳市\u202E南明区", "invalid-characters")]
    [InlineData("贵阳市\n南明区", "invalid-characters")]
    public void Validator_FreeTextWithMarkupOrControlCharacters_IsRejected(string address, string code) =>
        AssertSingleError(WithDecedent(d => d with { HouseholdAddress = address }), "decedent.householdAddress", code);

    [Fact]
    public void Validator_FreeTextWithLessThanSign_IsAcceptedWhenNotMarkup() =>
        Assert.True(Validate(WithDecedent(d => d with { Occupation = "工龄 < 5 年的职员" })).IsValid);

    // Death.

    [Theory]
    [InlineData(null, "required")]
    [InlineData("2026-11-20T08:30:00", "offset-required")]
    [InlineData("2026-11-20 08:30", "offset-required")]
    [InlineData("20/11/2026 08:30", "invalid-format")]
    [InlineData("2026-11-20T10:06:00+08:00", "in-future")]
    public void Validator_BadDeathTime_IsRejected(string? dateTime, string code) =>
        AssertSingleError(WithDeath(d => d with { DateTime = dateTime }), "death.dateTime", code);

    [Theory]
    [InlineData("2026-11-20T10:05:00+08:00")]
    [InlineData("2026-11-20T00:30:00Z")]
    [InlineData("2026-11-20T08:30+08:00")]
    public void Validator_DeathTimeWithinClockSkew_IsAccepted(string dateTime) =>
        Assert.True(Validate(WithDeath(d => d with { DateTime = dateTime })).IsValid);

    [Theory]
    [InlineData(null, "required")]
    [InlineData("5", "not-in-list")]
    public void Validator_BadPlaceType_IsRejected(string? placeType, string code) =>
        AssertSingleError(WithDeath(d => d with { PlaceType = placeType }), "death.placeType", code);

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void Validator_DeathInHospitalWithoutPlaceName_IsRejected(string placeType) =>
        AssertSingleError(WithDeath(d => d with { PlaceType = placeType, PlaceName = null }), "death.placeName", "required");

    [Fact]
    public void Validator_DeathAtHomeWithoutPlaceName_IsAccepted() => Assert.True(Validate(AtHome()).IsValid);

    [Fact]
    public void Validator_DeathInElderCareWithoutPlaceName_IsRejected()
    {
        var data = AtHome();
        data = data with { Death = data.Death with { PlaceType = "4", PlaceName = null } };
        AssertSingleError(data, "death.placeName", "required");
    }

    // Pregnancy.

    private static CertificateData Woman(string birthDate, string? pregnancy)
    {
        var data = WithDecedent(d => d with { Sex = "2", IdType = "2", IdNumber = "E12345678", BirthDate = birthDate });
        return data with { Death = data.Death with { PregnancyStatus = pregnancy } };
    }

    [Theory]
    [InlineData("1965-11-21", true)] // 60, a day short of 61
    [InlineData("2016-11-20", true)] // 10 that day
    [InlineData("1965-11-20", false)] // 61 that day
    [InlineData("2016-11-21", false)] // 9
    public void Validator_PregnancyStatus_IsRequiredForWomenAged10To60(string birthDate, bool required)
    {
        var result = Validate(Woman(birthDate, null));
        Assert.Equal(required, result.Errors.Any(e => e.Path == "death.pregnancyStatus" && e.Code == "required"));
        Assert.True(Validate(Woman(birthDate, "3")).IsValid);
    }

    [Fact]
    public void Validator_PregnancyStatusOutsideList_IsRejected() =>
        AssertSingleError(Woman("1980-01-01", "4"), "death.pregnancyStatus", "not-in-list");

    [Fact]
    public void Validator_PregnancyStatusForAMan_IsRejected() =>
        AssertSingleError(WithDeath(d => d with { PregnancyStatus = "3" }), "death.pregnancyStatus", "not-expected");

    // Causes.

    private static CauseLine Line(string? letter, string text = "病", decimal? value = 1, string? unit = "days", string? icd = null) =>
        new() { Line = letter, Text = text, Interval = new CauseInterval { Value = value, Unit = unit }, Icd10 = icd };

    [Fact]
    public void Validator_NoPartILines_IsRejected() =>
        AssertSingleError(WithCauses(c => c with { PartI = [] }), "causes.partI", "required");

    [Fact]
    public void Validator_FivePartILines_IsRejected()
    {
        var result = Validate(WithCauses(c => c with { PartI = [Line("a"), Line("b"), Line("c"), Line("d"), Line("e")] }));
        Assert.Contains(result.Errors, e => e.Path == "causes.partI" && e.Code == "too-many");
    }

    [Fact]
    public void Validator_FourPartILines_AreAccepted() =>
        Assert.True(Validate(WithCauses(c => c with { PartI = [Line("a"), Line("b"), Line("c"), Line("d", icd: "I21.9")] })).IsValid);

    [Theory]
    [InlineData("b", "a", 0)]
    [InlineData("a", "c", 1)]
    [InlineData("a", "a", 1)]
    [InlineData("a", null, 1)]
    public void Validator_PartILinesOutOfOrder_AreRejected(string? first, string? second, int badIndex)
    {
        var result = Validate(WithCauses(c => c with { PartI = [Line(first), Line(second, icd: "I21.9")] }));
        Assert.Contains(result.Errors, e => e.Path == $"causes.partI[{badIndex}].line" && e.Code == "line-order");
        Assert.All(result.Errors, e => Assert.Equal("line-order", e.Code));
    }

    [Theory]
    [InlineData(null, "days", "causes.partI[1].interval.value", "required")]
    [InlineData(0, "days", "causes.partI[1].interval.value", "must-be-positive")]
    [InlineData(-1, "days", "causes.partI[1].interval.value", "must-be-positive")]
    [InlineData(1, null, "causes.partI[1].interval.unit", "required")]
    [InlineData(1, "weeks", "causes.partI[1].interval.unit", "not-in-list")]
    public void Validator_BadInterval_IsRejected(int? value, string? unit, string path, string code) =>
        AssertSingleError(WithCauses(c => c with { PartI = [Line("a"), Line("b", value: value, unit: unit, icd: "I21.9")] }), path, code);

    [Fact]
    public void Validator_PartILineWithoutInterval_IsRejected()
    {
        var result = Validate(WithCauses(c => c with { PartI = [Line("a"), Line("b", icd: "I21.9") with { Interval = null }] }));
        Assert.Equal(["causes.partI[1].interval.value", "causes.partI[1].interval.unit"], result.Errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Validator_PartITextLength_IsLimitedTo100(int length, bool valid) =>
        Assert.Equal(valid, Validate(WithCauses(c => c with { PartI = [c.PartI[0] with { Text = new string('病', length) }, c.PartI[1]] })).IsValid);

    [Fact]
    public void Validator_PartIWithoutText_IsRejected() =>
        AssertSingleError(WithCauses(c => c with { PartI = [c.PartI[0] with { Text = " " }, c.PartI[1]] }), "causes.partI[0].text", "required");

    [Theory]
    [InlineData("causes.partI[0].icd10")]
    [InlineData("causes.partII[0].icd10")]
    [InlineData("causes.underlyingCauseIcd10")]
    public void Validator_MalformedIcdCode_IsRejected(string path)
    {
        var data = path switch
        {
            "causes.partI[0].icd10" => WithCauses(c => c with { PartI = [c.PartI[0] with { Icd10 = "R570" }, c.PartI[1]] }),
            "causes.partII[0].icd10" => WithCauses(c => c with { PartII = [c.PartII[0] with { Icd10 = "E11.999" }] }),
            _ => WithCauses(c => c with { UnderlyingCauseIcd10 = "I219", PartI = [c.PartI[0], c.PartI[1] with { Icd10 = null }] }),
        };
        AssertSingleError(data, path, "icd-format");
    }

    [Fact]
    public void Validator_MissingUnderlyingCause_IsRejected() =>
        AssertSingleError(WithCauses(c => c with { UnderlyingCauseIcd10 = null }), "causes.underlyingCauseIcd10", "required");

    [Fact]
    public void Validator_ElevenPartIIConditions_AreTooMany() =>
        AssertSingleError(WithCauses(c => c with { PartII = Enumerable.Repeat(new OtherCondition { Text = "高血压" }, 11).ToList() }), "causes.partII", "too-many");

    [Fact]
    public void Validator_PartIIWithoutText_IsRejected() =>
        AssertSingleError(WithCauses(c => c with { PartII = [new OtherCondition { Icd10 = "E11.9" }] }), "causes.partII[0].text", "required");

    [Theory]
    [InlineData("causes.diagnosisBasis")]
    [InlineData("causes.highestDiagnosisLevel")]
    [InlineData("causes.manner")]
    public void Validator_CodedCauseFieldOutsideList_IsRejected(string path)
    {
        var data = path switch
        {
            "causes.diagnosisBasis" => WithCauses(c => c with { DiagnosisBasis = "8" }),
            "causes.highestDiagnosisLevel" => WithCauses(c => c with { HighestDiagnosisLevel = "" }),
            _ => WithCauses(c => c with { Manner = "6" }),
        };
        Assert.Equal(path, SingleError(data).Path);
    }

    // Investigation and the police rule.

    [Theory]
    [InlineData("3")]
    [InlineData("4")]
    [InlineData("9")]
    [InlineData("0")]
    public void Validator_DeathOutsideInstitutionWithoutInvestigation_RequiresEachField(string placeType)
    {
        var data = AtHome() with { Investigation = null };
        data = data with { Death = data.Death with { PlaceType = placeType, PlaceName = "某地" } };
        var result = Validate(data);
        Assert.Equal(
            ["investigation.history", "investigation.informantName", "investigation.inferredCause", "investigation.investigator", "investigation.date"],
            result.Errors.Select(e => e.Path));
        Assert.All(result.Errors, e => Assert.Equal("required", e.Code));
    }

    [Fact]
    public void Validator_InvestigationBeforeDeath_IsRejected()
    {
        var data = AtHome();
        AssertSingleError(data with { Investigation = data.Investigation! with { Date = "2026-11-19" } }, "investigation.date", "before-death");
    }

    [Fact]
    public void Validator_InvestigationHistory_MayHaveLineBreaks()
    {
        var data = AtHome();
        Assert.True(Validate(data with { Investigation = data.Investigation! with { History = "胸痛三年。\n当日晨起倒地。" } }).IsValid);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("3")]
    [InlineData("4")]
    [InlineData("5")]
    public void Validator_UnnaturalDeathAtHome_MayOnlyBeCertifiedByPolice(string manner)
    {
        var data = AtHome();
        data = data with { Causes = data.Causes with { Manner = manner, UnderlyingCauseIcd10 = "W19", PartI = [data.Causes.PartI[0], data.Causes.PartI[1] with { Icd10 = "W19" }] } };
        AssertSingleError(data, "causes.manner", "police-only");
        AssertSingleError(data, "causes.manner", "police-only", new CertificateContext(Now, "health-centre"));
        Assert.True(Validate(data, Police).IsValid);
    }

    [Fact]
    public void Validator_UnnaturalDeathInHospital_MayBeCertifiedByHospital()
    {
        var data = WithCauses(c => c with { Manner = "2", UnderlyingCauseIcd10 = "W19", PartI = [c.PartI[0], c.PartI[1] with { Icd10 = "W19" }] });
        Assert.True(Validate(data).IsValid);
    }

    // Informant and certifier.

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("19912345678", true)]
    [InlineData("0851-85812345", true)]
    [InlineData("01012345678", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("85812345", false)]
    [InlineData("１３８１２３４５６７８", false)]
    public void Validator_InformantPhone_MustBeMobileOrLandline(string phone, bool valid)
    {
        var data = Create();
        var result = Validate(data with { Informant = data.Informant with { Phone = phone } });
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(("informant.phone", "phone-format"), (result.Errors[0].Path, result.Errors[0].Code));
        }
    }

    [Theory]
    [InlineData("informant.name")]
    [InlineData("informant.relationship")]
    [InlineData("informant.phone")]
    [InlineData("informant.address")]
    [InlineData("certifier.name")]
    [InlineData("certifier.licenseNumber")]
    public void Validator_MissingContactOrCertifierField_IsRequired(string path)
    {
        var data = Create();
        data = path switch
        {
            "informant.name" => data with { Informant = data.Informant with { Name = null } },
            "informant.relationship" => data with { Informant = data.Informant with { Relationship = null } },
            "informant.phone" => data with { Informant = data.Informant with { Phone = null } },
            "informant.address" => data with { Informant = data.Informant with { Address = null } },
            "certifier.name" => data with { Certifier = data.Certifier with { Name = null } },
            _ => data with { Certifier = data.Certifier with { LicenseNumber = null } },
        };
        AssertSingleError(data, path, "required");
    }

    [Fact]
    public void Validator_InformantNameWithMarkup_IsRejected()
    {
        var data = Create();
        AssertSingleError(data with { Informant = data.Informant with { Name = "<b>王</b>" } }, "informant.name", "invalid-characters");
    }

    [Theory]
    [InlineData("1234", false)]
    [InlineData("12345", true)]
    [InlineData("ABC-12345", false)]
    public void Validator_LicenseNumber_Is5To30LettersOrDigits(string license, bool valid)
    {
        var data = Create();
        Assert.Equal(valid, Validate(data with { Certifier = data.Certifier with { LicenseNumber = license } }).IsValid);
    }

    // Warnings.

    [Fact]
    public void Validator_IntervalChainNotIncreasing_IsWarnedButValid()
    {
        var result = Validate(WithCauses(c => c with
        {
            PartI = [Line("a", value: 2, unit: "days"), Line("b", value: 36, unit: "hours", icd: "I21.9")],
        }));
        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("interval-chain-not-increasing", "causes.partI[1].interval"), (warning.Code, warning.Path));
    }

    [Theory]
    [InlineData(1, "months", 30, "days", false)]
    [InlineData(1, "months", 29, "days", true)]
    [InlineData(1, "years", 365.25, "days", false)]
    [InlineData(1, "years", 12, "months", true)] // 360 days < 365.25
    [InlineData(60, "minutes", 1, "hours", false)]
    public void Validator_IntervalUnits_AreComparedInDays(decimal aValue, string aUnit, decimal bValue, string bUnit, bool warned)
    {
        var data = WithCauses(c => c with
        {
            PartI = [Line("a") with { Interval = new() { Value = aValue, Unit = aUnit } }, Line("b", icd: "I21.9") with { Interval = new() { Value = bValue, Unit = bUnit } }],
        });
        Assert.Equal(warned, Validate(data).Warnings.Any(w => w.Code == "interval-chain-not-increasing"));
    }

    [Fact]
    public void Validator_QualityWarnings_AreIncludedWithoutBlocking()
    {
        var data = WithCauses(c => c with { PartII = [new OtherCondition { Text = "宫颈癌", Icd10 = "C53.9" }] });
        var result = Validate(data);
        Assert.True(result.IsValid);
        Assert.Equal(("sex-specific-code", "causes.partII[0].icd10"), (result.Warnings[0].Code, result.Warnings[0].Path));
    }

    [Fact]
    public void Validator_EveryErrorIsReportedAtOnce()
    {
        var result = Validate(new CertificateData());
        Assert.False(result.IsValid);
        Assert.Null(result.Normalized);
        Assert.Contains(result.Errors, e => e.Path == "decedent.sex");
        Assert.Contains(result.Errors, e => e.Path == "death.dateTime");
        Assert.Contains(result.Errors, e => e.Path == "causes.partI");
        Assert.Contains(result.Errors, e => e.Path == "informant.phone");
        Assert.Contains(result.Errors, e => e.Path == "certifier.licenseNumber");
    }
}
