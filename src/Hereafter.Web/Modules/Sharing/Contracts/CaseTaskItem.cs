namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>
/// What a case task asks of its department. Every case opens one <see cref="Notification"/> task per department that
/// must act on the death (police, social security…); a family's application (个人身后"一件事") opens one task per item
/// it chose, and <see cref="BankDeposits"/> one per bank. Stored and sent as kebab-case codes (ADR 0013):
/// <c>notification</c>, <c>household-cancellation</c>, <c>pension</c>, <c>survivor-benefits</c>, …
/// </summary>
public enum CaseTaskItem
{
    /// <summary>The department was told of the death and acts on it (the tasks a case opens by itself).</summary>
    Notification,
    /// <summary>户口注销: answered by the police's notification task (never a second task).</summary>
    HouseholdCancellation,
    /// <summary>养老保险停发及个人账户余额支付.</summary>
    Pension,
    /// <summary>遗属待遇: 丧葬补助金 and 抚恤金.</summary>
    SurvivorBenefits,
    /// <summary>医保个人账户余额支付.</summary>
    MedicalAccount,
    /// <summary>住房公积金提取.</summary>
    HousingFund,
    /// <summary>驾驶证注销.</summary>
    DrivingLicence,
    /// <summary>残疾人证注销.</summary>
    DisabilityCertificate,
    /// <summary>惠民殡葬补贴 (from the funeral home's bill).</summary>
    FuneralSubsidy,
    /// <summary>存款查询: one task per bank.</summary>
    BankDeposits,
    /// <summary>小额存款提取: the family accepted a bank's offer; the bank pays out and closes the accounts.</summary>
    DepositRelease,
}

public static class CaseTaskItems
{
    /// <summary>The items a family may choose on the one application form, in the order shown.</summary>
    public static readonly IReadOnlyList<CaseTaskItem> FamilyChoosable =
    [
        CaseTaskItem.HouseholdCancellation, CaseTaskItem.Pension, CaseTaskItem.SurvivorBenefits, CaseTaskItem.MedicalAccount,
        CaseTaskItem.HousingFund, CaseTaskItem.DrivingLicence, CaseTaskItem.DisabilityCertificate, CaseTaskItem.FuneralSubsidy,
        CaseTaskItem.BankDeposits,
    ];

    /// <summary>The department that works an item's task.</summary>
    public static Department DepartmentOf(this CaseTaskItem item, Department notificationDepartment = Department.CivilAffairs) => item switch
    {
        CaseTaskItem.HouseholdCancellation => Department.Police,
        CaseTaskItem.Pension or CaseTaskItem.SurvivorBenefits => Department.SocialSecurity,
        CaseTaskItem.MedicalAccount => Department.MedicalInsurance,
        CaseTaskItem.HousingFund => Department.HousingFund,
        CaseTaskItem.DrivingLicence => Department.TrafficPolice,
        CaseTaskItem.DisabilityCertificate => Department.DisabledPersonsFederation,
        CaseTaskItem.FuneralSubsidy => Department.CivilAffairs,
        CaseTaskItem.BankDeposits or CaseTaskItem.DepositRelease => Department.Bank,
        _ => notificationDepartment,
    };

    public static string ChineseName(this CaseTaskItem item) => item switch
    {
        CaseTaskItem.Notification => "死亡信息告知",
        CaseTaskItem.HouseholdCancellation => "户口注销",
        CaseTaskItem.Pension => "养老保险停发及个人账户支付",
        CaseTaskItem.SurvivorBenefits => "遗属待遇（丧葬补助金、抚恤金）",
        CaseTaskItem.MedicalAccount => "医保个人账户支付",
        CaseTaskItem.HousingFund => "住房公积金提取",
        CaseTaskItem.DrivingLicence => "驾驶证注销",
        CaseTaskItem.DisabilityCertificate => "残疾人证注销",
        CaseTaskItem.FuneralSubsidy => "惠民殡葬补贴",
        CaseTaskItem.BankDeposits => "存款查询",
        CaseTaskItem.DepositRelease => "小额存款提取",
        _ => item.ToString(),
    };

    public static string EnglishName(this CaseTaskItem item) => item switch
    {
        CaseTaskItem.Notification => "Death notification",
        CaseTaskItem.HouseholdCancellation => "Household registration cancellation",
        CaseTaskItem.Pension => "Pension stop and personal-account payout",
        CaseTaskItem.SurvivorBenefits => "Survivor benefits (funeral grant and survivors' pension)",
        CaseTaskItem.MedicalAccount => "Medical-insurance personal account payout",
        CaseTaskItem.HousingFund => "Housing-fund withdrawal",
        CaseTaskItem.DrivingLicence => "Driving-licence cancellation",
        CaseTaskItem.DisabilityCertificate => "Disability-certificate cancellation",
        CaseTaskItem.FuneralSubsidy => "Funeral subsidy",
        CaseTaskItem.BankDeposits => "Deposit query",
        CaseTaskItem.DepositRelease => "Small-deposit release",
        _ => item.ToString(),
    };
}
