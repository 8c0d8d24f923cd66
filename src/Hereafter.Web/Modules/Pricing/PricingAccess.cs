using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Pricing;

/// <summary>Who may do what with prices (DOMAIN §6).</summary>
public static class PricingAccess
{
    /// <summary>Staff (or the system) of the institution itself: propose its prices, issue its bills.</summary>
    public static bool IsStaffOf(Actor actor, Guid institutionId) => actor.OrganisationId == institutionId;

    /// <summary>The civil-affairs bureau: sees warnings, proposals, bills and statistics.</summary>
    public static bool Supervises(Actor actor) => actor.OrganisationType == OrganisationTypes.CivilAffairs;

    /// <summary>Approves or rejects price changes, closes warnings, sets thresholds: the bureau's supervisors (or its system).</summary>
    public static bool Decides(Actor actor) => Supervises(actor) && (actor.IsInRole(Roles.Supervisor) || actor.IsInRole(Roles.System));
}
