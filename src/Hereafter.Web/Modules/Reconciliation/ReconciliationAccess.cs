using Hereafter.Domain.Messages;
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
        OrganisationType.SocialSecurity => "social-security",
        OrganisationType.MedicalInsurance => "medical-insurance",
        OrganisationType.CivilAffairs => "civil-affairs",
        _ => null,
    };

    /// <summary>Clerks and department systems work rolls (the civil-affairs supervisor too, for 民政's own programmes).</summary>
    public static string RequireDepartment(Actor actor) =>
        DepartmentOf(actor) is { } department && (actor.IsInRole(Roles.Clerk) || actor.IsInRole(Roles.System) || actor.IsInRole(Roles.Supervisor))
            ? department
            : throw ProblemException.Forbidden(new Message("reconciliation.access.department-only"));

    /// <summary>Statistics across departments: the civil-affairs supervisor (or its system).</summary>
    public static bool SeesStatistics(Actor actor) =>
        actor.OrganisationType == OrganisationType.CivilAffairs && (actor.IsInRole(Roles.Supervisor) || actor.IsInRole(Roles.System));

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
