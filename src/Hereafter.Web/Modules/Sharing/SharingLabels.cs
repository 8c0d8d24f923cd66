using System.Globalization;
using Hereafter.Web.Modules.Sharing.Contracts;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>Chinese labels for departments, and how each department names its effective date.</summary>
public static class SharingLabels
{
    /// <summary>A short name for a row of badges: 公安, 人社, 医保, …</summary>
    public static string ShortName(Department department) => department switch
    {
        Department.Police => "公安",
        Department.SocialSecurity => "人社",
        Department.MedicalInsurance => "医保",
        Department.CivilAffairs => "民政",
        Department.HousingFund => "公积金",
        Department.TrafficPolice => "交警",
        Department.DisabledPersonsFederation => "残联",
        Department.FuneralHome => "殡仪馆",
        Department.Bank => "银行",
        _ => department.ToString(),
    };

    /// <summary>Departments that stop a monthly payment record the month it stops (YYYY-MM); the others a day.</summary>
    public static bool EffectiveMonth(Department department) =>
        department is Department.SocialSecurity or Department.MedicalInsurance or Department.CivilAffairs;

    public static string EffectiveDateLabel(Department department) => department switch
    {
        Department.Police => "户口注销日期",
        _ when EffectiveMonth(department) => "停发月份",
        _ => "生效日期",
    };

    public static string Amount(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);
}
