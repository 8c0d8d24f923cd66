using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>Maps an organisation to the department whose tasks and events it handles.</summary>
public static class SharingAccess
{
    public static Department? DepartmentOf(Actor actor) => actor.OrganisationType switch
    {
        OrganisationType.Police => Department.Police,
        OrganisationType.SocialSecurity => Department.SocialSecurity,
        OrganisationType.MedicalInsurance => Department.MedicalInsurance,
        OrganisationType.CivilAffairs => Department.CivilAffairs,
        OrganisationType.HousingFund => Department.HousingFund,
        OrganisationType.TrafficPolice => Department.TrafficPolice,
        OrganisationType.DisabledPersonsFederation => Department.DisabledPersonsFederation,
        OrganisationType.FuneralHome => Department.FuneralHome,
        OrganisationType.Bank => Department.Bank,
        _ => null,
    };

    /// <summary>Whether a task or event addressed to (department, organisation) is this actor's.</summary>
    public static bool Addresses(Actor actor, Department department, Guid? organisationId) =>
        DepartmentOf(actor) == department && (organisationId is null || organisationId == actor.OrganisationId);

    public static bool Supervises(Actor actor) => actor.OrganisationType == OrganisationType.CivilAffairs;
}
