using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>Maps an organisation to the department whose tasks and events it handles.</summary>
public static class SharingAccess
{
    public static string? DepartmentOf(Actor actor) => actor.OrganisationType switch
    {
        OrganisationType.Police => Departments.Police,
        OrganisationType.SocialSecurity => Departments.SocialSecurity,
        OrganisationType.MedicalInsurance => Departments.MedicalInsurance,
        OrganisationType.CivilAffairs => Departments.CivilAffairs,
        OrganisationType.HousingFund => Departments.HousingFund,
        OrganisationType.TrafficPolice => Departments.TrafficPolice,
        OrganisationType.DisabledPersonsFederation => Departments.DisabledPersonsFederation,
        OrganisationType.FuneralHome => Departments.FuneralHome,
        OrganisationType.Bank => Departments.Bank,
        _ => null,
    };

    /// <summary>Whether a task or event addressed to (department, organisation) is this actor's.</summary>
    public static bool Addresses(Actor actor, string department, Guid? organisationId) =>
        DepartmentOf(actor) == department && (organisationId is null || organisationId == actor.OrganisationId);

    public static bool Supervises(Actor actor) => actor.OrganisationType == OrganisationType.CivilAffairs;
}
