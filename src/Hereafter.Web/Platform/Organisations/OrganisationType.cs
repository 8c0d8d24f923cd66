namespace Hereafter.Web.Platform.Organisations;

/// <summary>
/// Organisation types of DOMAIN.md §2. Stored, sent and written in claims as their kebab-case codes
/// (<c>health-centre</c>, <c>disabled-persons-federation</c>, …; ADR 0013).
/// </summary>
public enum OrganisationType
{
    Hospital,
    HealthCentre,
    Police,
    CivilAffairs,
    FuneralHome,
    Cemetery,
    SocialSecurity,
    MedicalInsurance,
    HousingFund,
    Bank,
    TrafficPolice,
    DisabledPersonsFederation,
    /// <summary>骨灰堂 (columbarium).</summary>
    Columbarium,
    /// <summary>殡葬服务店 (funeral service shop).</summary>
    ServiceShop,
}

public static class OrganisationTypeExtensions
{
    /// <summary>Organisations that may certify a death.</summary>
    public static bool CanCertify(this OrganisationType? type) =>
        type is OrganisationType.Hospital or OrganisationType.HealthCentre or OrganisationType.Police;

    public static string ChineseName(this OrganisationType type) => type switch
    {
        OrganisationType.Hospital => "医院",
        OrganisationType.HealthCentre => "社区卫生服务中心",
        OrganisationType.Police => "公安机关",
        OrganisationType.CivilAffairs => "民政局",
        OrganisationType.FuneralHome => "殡仪馆",
        OrganisationType.Cemetery => "公墓",
        OrganisationType.SocialSecurity => "人力资源和社会保障局",
        OrganisationType.MedicalInsurance => "医疗保障局",
        OrganisationType.HousingFund => "住房公积金管理中心",
        OrganisationType.Bank => "银行",
        OrganisationType.TrafficPolice => "交警",
        OrganisationType.DisabledPersonsFederation => "残疾人联合会",
        OrganisationType.Columbarium => "骨灰堂",
        OrganisationType.ServiceShop => "殡葬服务店",
        _ => type.ToString(),
    };
}
