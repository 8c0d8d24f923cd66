using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Features.PrintCertificate;

namespace Hereafter.Web.Tests.Pdf;

internal static class SampleCertificate
{
    public const string VerificationUrl =
        "https://hereafter.example.cn/v/AZ3x8kq2mQyVb7TfL0cE1n4uWgHsJ9dPoRiXaKtC5eNz6lYhB-_MvUwS2rGjF8qD0pxOmI3bT7yLkZc1eA4nWs9uHgJd5fR2oPiXaKt-C6eNz8lYhBvMuWwS3rGjF0qD1pxOmI4bT7yLkZc2eA5nW";

    public static readonly string[] CauseTexts = ["急性心肌梗死", "冠状动脉粥样硬化性心脏病", "高血压病", "2型糖尿病"];
    public static readonly string[] IcdCodes = ["I21.9", "I25.1", "I10", "E11.9"];
    public const string InvestigationHistory = "既往高血压病史二十余年，规律服药；死亡当日晨起诉胸痛";

    public static CertificateData Data => new()
    {
        Decedent = new DecedentData
        {
            Name = "王秀英", Sex = "2", Ethnicity = "汉族", Nationality = "中国", IdType = "1", IdNumber = "11010519491231002X",
            BirthDate = "1949-12-31", MaritalStatus = "3", Education = "6", Occupation = "离退休人员",
            WorkUnit = "北京市朝阳区第一纺织厂（已退休）",
            HouseholdAddress = "北京市朝阳区建国路街道光华里社区8号楼3单元402室",
            ResidenceAddress = "北京市朝阳区建国路街道光华里社区8号楼3单元402室",
        },
        Death = new DeathData { DateTime = "2026-11-20T08:30:00+08:00", PlaceType = "1", PlaceName = "北京市朝阳区人民医院心内科", PregnancyStatus = "3" },
        Causes = new CausesData
        {
            PartI =
            [
                new CauseLine { Line = "a", Text = "急性心肌梗死", Interval = new CauseInterval { Value = 3, Unit = "hours" }, Icd10 = "I21.9" },
                new CauseLine { Line = "b", Text = "冠状动脉粥样硬化性心脏病", Interval = new CauseInterval { Value = 10, Unit = "years" }, Icd10 = "I25.1" },
                new CauseLine { Line = "c", Text = "高血压病", Interval = new CauseInterval { Value = 20, Unit = "years" }, Icd10 = "I10" },
            ],
            PartII = [new OtherCondition { Text = "2型糖尿病", Icd10 = "E11.9" }],
            UnderlyingCauseIcd10 = "I10", DiagnosisBasis = "4", HighestDiagnosisLevel = "1", Manner = "1",
        },
        Informant = new InformantData { Name = "李明", Relationship = "儿子", Phone = "13800138000", Address = "北京市朝阳区建国路88号" },
        Certifier = new CertifierData { Name = "赵医生", LicenseNumber = "110105000123456" },
        Investigation = new InvestigationData
        {
            History = InvestigationHistory, InformantName = "李明", InferredCause = "急性心肌梗死", Investigator = "孙调查", Date = "2026-11-20",
        },
    };

    public static CertificatePrintModel Model(int copy, CertificateData? data = null, int version = 1, bool reissued = false, string status = "issued") =>
        new("11010519491231002X", version, status, "北京市朝阳区人民医院", "110105",
            new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.FromHours(8)), copy, reissued, VerificationUrl, data ?? Data, 76);
}
