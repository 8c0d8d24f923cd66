using Hereafter.Domain.Certificates;

namespace Hereafter.Web.Platform.Demo;

/// <summary>Builders of realistic certificate content for demo data and tests.</summary>
public static class Sample
{
    public static CertificateData HospitalDeath(string name, string sex, string idNumber, string birthDate, string deathAt,
        string hospital, string certifier, string license,
        IReadOnlyList<(string Line, string Text, decimal Interval, string Unit, string Icd)> chain, string underlying,
        string manner = "1") => new()
    {
        Decedent = new DecedentData
        {
            Name = name, Sex = sex, Ethnicity = "汉族", Nationality = "中国", IdType = "1", IdNumber = idNumber,
            BirthDate = birthDate, MaritalStatus = "2", Education = "4", Occupation = "退休人员",
            HouseholdAddress = "贵州省贵阳市南明区中华南路88号", ResidenceAddress = "贵州省贵阳市南明区中华南路88号",
        },
        Death = new DeathData { DateTime = deathAt, PlaceType = "1", PlaceName = hospital, PregnancyStatus = sex == "2" && AgeAt(birthDate, deathAt) <= 60 ? "3" : null },
        Causes = new CausesData
        {
            PartI = chain.Select(c => new CauseLine { Line = c.Line, Text = c.Text, Interval = new CauseInterval { Value = c.Interval, Unit = c.Unit }, Icd10 = c.Icd }).ToList(),
            PartII = [new OtherCondition { Text = "2型糖尿病", Icd10 = "E11.9" }],
            UnderlyingCauseIcd10 = underlying,
            DiagnosisBasis = "4",
            HighestDiagnosisLevel = "1",
            Manner = manner,
        },
        Informant = new InformantData { Name = "王丽", Relationship = "女儿", Phone = "13985012345", Address = "贵州省贵阳市南明区中华南路88号" },
        Certifier = new CertifierData { Name = certifier, LicenseNumber = license },
    };

    public static CertificateData HomeDeath(string name, string sex, string idNumber, string birthDate, string deathAt, string certifier, string license) => new()
    {
        Decedent = new DecedentData
        {
            Name = name, Sex = sex, Ethnicity = "布依族", Nationality = "中国", IdType = "1", IdNumber = idNumber,
            BirthDate = birthDate, MaritalStatus = "3", Education = "6", Occupation = "农民",
            HouseholdAddress = "贵州省贵阳市南明区花果园街道湿地社区", ResidenceAddress = "贵州省贵阳市南明区花果园街道湿地社区",
        },
        Death = new DeathData { DateTime = deathAt, PlaceType = "3", PlaceName = null },
        Causes = new CausesData
        {
            PartI = [new CauseLine { Line = "a", Text = "慢性阻塞性肺疾病急性加重", Interval = new CauseInterval { Value = 15, Unit = "years" }, Icd10 = "J44.1" }],
            UnderlyingCauseIcd10 = "J44.1",
            DiagnosisBasis = "5",
            HighestDiagnosisLevel = "2",
            Manner = "1",
        },
        Informant = new InformantData { Name = "张伟", Relationship = "儿子", Phone = "13608510001", Address = "贵州省贵阳市南明区花果园街道湿地社区" },
        Certifier = new CertifierData { Name = certifier, LicenseNumber = license },
        Investigation = new InvestigationData
        {
            History = "患慢性阻塞性肺疾病15年，近一周咳喘加重，拒绝住院，于家中去世。",
            InformantName = "张伟", InferredCause = "慢性阻塞性肺疾病急性加重", Investigator = certifier,
            Date = deathAt[..10],
        },
    };

    public static CertificateData UnidentifiedAccident(string deathAt, string certifier, string license) => new()
    {
        Decedent = new DecedentData
        {
            Name = "无", Sex = "1", Ethnicity = "不详", Nationality = "不详", MaritalStatus = "9", Education = "9", Occupation = "不详",
        },
        Death = new DeathData { DateTime = deathAt, PlaceType = "9", PlaceName = "南明河畔步道（甲秀楼下游约300米）" },
        Causes = new CausesData
        {
            PartI = [new CauseLine { Line = "a", Text = "溺水", Interval = new CauseInterval { Value = 10, Unit = "minutes" }, Icd10 = "T75.1" }],
            UnderlyingCauseIcd10 = "W69",
            DiagnosisBasis = "1",
            HighestDiagnosisLevel = "9",
            Manner = "2",
        },
        Informant = new InformantData { Name = "黄晓东", Relationship = "发现人（民警）", Phone = "085185000110", Address = "贵阳市公安局南明分局" },
        Certifier = new CertifierData { Name = certifier, LicenseNumber = license },
        Investigation = new InvestigationData
        {
            History = "晨练群众李桂芬发现河中漂浮男性尸体，经打捞后现场勘查，未发现随身证件。",
            InformantName = "李桂芬", InferredCause = "溺水", Investigator = certifier, Date = deathAt[..10],
        },
    };

    private static int AgeAt(string birthDate, string deathAt)
    {
        var birth = DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture);
        var death = Hereafter.Domain.Time.ChinaTime.DateOf(DateTimeOffset.Parse(deathAt, System.Globalization.CultureInfo.InvariantCulture));
        var age = death.Year - birth.Year;
        if (death < birth.AddYears(age)) age--;
        return age;
    }
}
