using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Reconciliation;

/// <summary>Who may reconcile which programme: a department works only its own programmes' rolls.</summary>
public static class ReconciliationAccess
{
    /// <summary>The department code of an organisation that runs benefit programmes, else null.</summary>
    public static string? DepartmentOf(Actor actor) => actor.OrganisationType switch
    {
        OrganisationTypes.SocialSecurity => "social-security",
        OrganisationTypes.MedicalInsurance => "medical-insurance",
        OrganisationTypes.CivilAffairs => "civil-affairs",
        _ => null,
    };

    /// <summary>Clerks and department systems work rolls (the civil-affairs supervisor too, for 民政's own programmes).</summary>
    public static string RequireDepartment(Actor actor) =>
        DepartmentOf(actor) is { } department && (actor.IsInRole(Roles.Clerk) || actor.IsInRole(Roles.System) || actor.IsInRole(Roles.Supervisor))
            ? department
            : throw ProblemException.Forbidden("Only social-security, medical-insurance and civil-affairs staff reconcile benefit rolls.");

    /// <summary>Statistics across departments: the civil-affairs supervisor (or its system).</summary>
    public static bool SeesStatistics(Actor actor) =>
        actor.OrganisationType == OrganisationTypes.CivilAffairs && (actor.IsInRole(Roles.Supervisor) || actor.IsInRole(Roles.System));

    public static IEnumerable<ProgrammeRule> ProgrammesOf(string department) =>
        ProgrammeRules.Defaults.Values.Where(p => p.Department == department).OrderBy(p => p.Code, StringComparer.Ordinal);

    public static string ProgrammeName(string code) => code switch
    {
        "enterprise-pension" => "企业职工基本养老保险",
        "resident-pension" => "城乡居民基本养老保险",
        "employee-medical" => "职工基本医疗保险",
        "resident-medical" => "城乡居民基本医疗保险",
        "dibao" => "最低生活保障（低保）",
        "tekun" => "特困人员救助供养",
        "elderly-allowance" => "高龄津贴",
        "disability-allowance" => "残疾人两项补贴",
        _ => code,
    };
}

/// <summary>Configuration section <c>Reconciliation</c>.</summary>
public sealed class ReconciliationSettings
{
    public const string Section = "Reconciliation";

    /// <summary>Largest roll accepted for upload (bytes); larger files get 413. Default 512 MiB.</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Longest CSV record or XLSX row/cell in characters; a longer one (e.g. an unclosed quote) fails the job. Default 1 Mi.</summary>
    public int MaxRecordChars { get; set; } = Domain.Reconciliation.RollLimits.Default.MaxRecordChars;

    /// <summary>Most bytes an XLSX's parts may expand to together. Default 4 GiB.</summary>
    public long MaxXlsxUncompressedBytes { get; set; } = Domain.Reconciliation.RollLimits.Default.MaxXlsxUncompressedBytes;

    /// <summary>Largest expansion of an XLSX part per compressed byte (zip-bomb guard). Default 100.</summary>
    public int MaxXlsxCompressionRatio { get; set; } = Domain.Reconciliation.RollLimits.Default.MaxXlsxCompressionRatio;

    /// <summary>Most entries in an XLSX's shared-strings table. Default 16 million.</summary>
    public int MaxSharedStrings { get; set; } = Domain.Reconciliation.RollLimits.Default.MaxSharedStrings;

    /// <summary>Most characters in an XLSX's shared strings together (2 bytes each in memory). Default 256 Mi.</summary>
    public long MaxSharedStringChars { get; set; } = Domain.Reconciliation.RollLimits.Default.MaxSharedStringChars;

    /// <summary>An upload whose chunks stopped arriving this long ago (the node died mid-upload) is deleted. Default 10.</summary>
    public int AbandonedUploadMinutes { get; set; } = 10;

    public Domain.Reconciliation.RollLimits Limits => new()
    {
        MaxRecordChars = MaxRecordChars, MaxXlsxUncompressedBytes = MaxXlsxUncompressedBytes, MaxXlsxCompressionRatio = MaxXlsxCompressionRatio,
        MaxSharedStrings = MaxSharedStrings, MaxSharedStringChars = MaxSharedStringChars,
    };

    /// <summary>How long a worker's claim on a job lasts without renewal; a crashed node's job is taken over after it.</summary>
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>How often idle workers look for queued jobs uploaded on other nodes.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>Result rows written per database round trip.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// 遗属待遇 base: the province's previous-year urban per-capita monthly disposable income, yuan.
    /// Default 3564.33 = 贵州省 2023 年城镇常住居民人均可支配收入 42,772 元 ÷ 12; set the official figure each year.
    /// </summary>
    public decimal SurvivorBenefitMonthlyBase { get; set; } = 3564.33m;
}
