using Hereafter.Domain.Certificates;

namespace Hereafter.Domain.Tests.Certificates;

/// <summary>
/// A valid certificate to vary in tests: a man born 1950-03-07 in 南明区, Guiyang, who died in hospital
/// on 2026-11-20 08:30 China time of cardiogenic shock (a) due to an acute myocardial infarction (b, I21.9).
/// </summary>
internal static class ValidCertificate
{
    public const string IdNumber = "520102195003070016";
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly CertificateContext Hospital = new(Now, "hospital");
    public static readonly CertificateContext Police = new(Now, "police");

    public static CertificateData Create() => new()
    {
        Decedent = new DecedentData
        {
            Name = "王建国",
            Sex = "1",
            Ethnicity = "汉族",
            Nationality = "中国",
            IdType = "1",
            IdNumber = IdNumber,
            BirthDate = "1950-03-07",
            MaritalStatus = "2",
            Education = "4",
            Occupation = "退休人员",
            WorkUnit = "贵阳钢厂",
            HouseholdAddress = "贵州省贵阳市南明区花果园街道1号",
            ResidenceAddress = "贵州省贵阳市南明区花果园街道1号",
        },
        Death = new DeathData { DateTime = "2026-11-20T08:30:00+08:00", PlaceType = "1", PlaceName = "贵州省人民医院" },
        Causes = new CausesData
        {
            PartI =
            [
                new CauseLine { Line = "a", Text = "心源性休克", Interval = new CauseInterval { Value = 2, Unit = "hours" }, Icd10 = "R57.0" },
                new CauseLine { Line = "b", Text = "急性心肌梗死", Interval = new CauseInterval { Value = 6, Unit = "hours" }, Icd10 = "I21.9" },
            ],
            PartII = [new OtherCondition { Text = "2型糖尿病", Icd10 = "E11.9" }],
            UnderlyingCauseIcd10 = "I21.9",
            DiagnosisBasis = "4",
            HighestDiagnosisLevel = "1",
            Manner = "1",
        },
        Informant = new InformantData { Name = "王小明", Relationship = "儿子", Phone = "13812345678", Address = "贵州省贵阳市云岩区中华北路2号" },
        Certifier = new CertifierData { Name = "李医生", LicenseNumber = "110520100012345" },
    };

    /// <summary>The same death at home, with the investigation record such a death needs.</summary>
    public static CertificateData AtHome() => Create() with
    {
        Death = new DeathData { DateTime = "2026-11-20T08:30:00+08:00", PlaceType = "3" },
        Investigation = new InvestigationData
        {
            History = "既往冠心病十年，当日晨起胸痛后倒地",
            InformantName = "王小明",
            InferredCause = "急性心肌梗死",
            Investigator = "张医生",
            Date = "2026-11-20",
        },
    };

    public static CertificateData WithDecedent(Func<DecedentData, DecedentData> change)
    {
        var data = Create();
        return data with { Decedent = change(data.Decedent) };
    }

    public static CertificateData WithDeath(Func<DeathData, DeathData> change)
    {
        var data = Create();
        return data with { Death = change(data.Death) };
    }

    public static CertificateData WithCauses(Func<CausesData, CausesData> change)
    {
        var data = Create();
        return data with { Causes = change(data.Causes) };
    }
}
