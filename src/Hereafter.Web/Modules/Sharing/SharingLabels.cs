using System.Globalization;
using Hereafter.Web.Modules.Sharing.Contracts;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>Chinese labels for departments, and how each department names its effective date.</summary>
public static class SharingLabels
{
    /// <summary>A short name for a row of badges: 公安, 人社, 医保, …</summary>
    public static string ShortName(string department) => department switch
    {
        Departments.Police => "公安",
        Departments.SocialSecurity => "人社",
        Departments.MedicalInsurance => "医保",
        Departments.CivilAffairs => "民政",
        Departments.HousingFund => "公积金",
        Departments.TrafficPolice => "交警",
        Departments.DisabledPersonsFederation => "残联",
        Departments.FuneralHome => "殡仪馆",
        Departments.Bank => "银行",
        _ => department,
    };

    /// <summary>Departments that stop a monthly payment record the month it stops (YYYY-MM); the others a day.</summary>
    public static bool EffectiveMonth(string department) =>
        department is Departments.SocialSecurity or Departments.MedicalInsurance or Departments.CivilAffairs;

    public static string EffectiveDateLabel(string department) => department switch
    {
        Departments.Police => "户口注销日期",
        _ when EffectiveMonth(department) => "停发月份",
        _ => "生效日期",
    };

    public static string Amount(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);
}
