using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Custody;

/// <summary>Who may do what in the closed loop (least privilege per organisation).</summary>
public static class CustodyAccess
{
    /// <summary>Staff or the system of a funeral home: pickup, storage, consent, cremation, 火化证明, ashes.</summary>
    public static bool IsFuneralHome(Actor actor) => actor.OrganisationType == OrganisationType.FuneralHome;

    /// <summary>Staff or the system of a cemetery or columbarium: plot sales and burials.</summary>
    public static bool IsPlacementInstitution(Actor actor) =>
        actor.OrganisationType is OrganisationType.Cemetery or OrganisationType.Columbarium;

    /// <summary>The civil-affairs bureau sees every record, its timeline and what is overdue.</summary>
    public static bool Supervises(Actor actor) => actor.OrganisationType == OrganisationType.CivilAffairs;

    /// <summary>The funeral home holding the record acts on it.</summary>
    public static bool Holds(Actor actor, Guid funeralHomeId) => IsFuneralHome(actor) && actor.OrganisationId == funeralHomeId;
}
