namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>
/// Departments that receive tasks. Stored, sent and written in URLs and events as their kebab-case codes
/// (<c>police</c>, <c>social-security</c>, …; ADR 0013). Declared in the order tasks are listed.
/// </summary>
public enum Department
{
    Police,
    SocialSecurity,
    MedicalInsurance,
    CivilAffairs,
    HousingFund,
    TrafficPolice,
    DisabledPersonsFederation,
    FuneralHome,
    Bank,
}

public static class Departments
{
    /// <summary>Tasks every case gets; the others are added when the certificate or the family says so.</summary>
    public static readonly IReadOnlyList<Department> Always =
        [Department.Police, Department.SocialSecurity, Department.MedicalInsurance, Department.CivilAffairs, Department.HousingFund];

    public static string ChineseName(this Department department) => department switch
    {
        Department.Police => "公安（户口注销）",
        Department.SocialSecurity => "人社（养老保险）",
        Department.MedicalInsurance => "医保",
        Department.CivilAffairs => "民政（低保/特困/高龄津贴）",
        Department.HousingFund => "住房公积金",
        Department.TrafficPolice => "交警（驾驶证）",
        Department.DisabledPersonsFederation => "残联（残疾人证）",
        Department.FuneralHome => "殡仪馆",
        Department.Bank => "银行",
        _ => department.ToString(),
    };
}
