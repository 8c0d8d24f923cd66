using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>Maps an organisation to the department whose tasks and events it handles.</summary>
public static class SharingAccess
{
    public static string? DepartmentOf(Actor actor) => actor.OrganisationType switch
    {
        OrganisationTypes.Police => Departments.Police,
        OrganisationTypes.SocialSecurity => Departments.SocialSecurity,
        OrganisationTypes.MedicalInsurance => Departments.MedicalInsurance,
        OrganisationTypes.CivilAffairs => Departments.CivilAffairs,
        OrganisationTypes.HousingFund => Departments.HousingFund,
        OrganisationTypes.TrafficPolice => Departments.TrafficPolice,
        OrganisationTypes.DisabledPersonsFederation => Departments.DisabledPersonsFederation,
        OrganisationTypes.FuneralHome => Departments.FuneralHome,
        OrganisationTypes.Bank => Departments.Bank,
        _ => null,
    };

    /// <summary>Whether a task or event addressed to (department, organisation) is this actor's.</summary>
    public static bool Addresses(Actor actor, string department, Guid? organisationId) =>
        DepartmentOf(actor) == department && (organisationId is null || organisationId == actor.OrganisationId);

    public static bool Supervises(Actor actor) => actor.OrganisationType == OrganisationTypes.CivilAffairs;
}
