using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing;

/// <summary>Who may do what with prices (DOMAIN §6).</summary>
public static class PricingAccess
{
    /// <summary>Staff (or the system) of the institution itself: propose its prices, issue its bills.</summary>
    public static bool IsStaffOf(Actor actor, Guid institutionId) => actor.OrganisationId == institutionId;

    /// <summary>The civil-affairs bureau: sees warnings, proposals, bills and statistics.</summary>
    public static bool Supervises(Actor actor) => actor.OrganisationType == OrganisationType.CivilAffairs;

    /// <summary>Approves or rejects price changes, closes warnings, sets thresholds: the bureau's supervisors (or its system).</summary>
    public static bool Decides(Actor actor) => Supervises(actor) && (actor.IsInRole(Roles.Supervisor) || actor.IsInRole(Roles.System));

    /// <summary>
    /// The bureau (answers true: it sees every institution's records) or staff of an institution that publishes prices
    /// (answers false: they see their own); anyone else is refused with <paramref name="refusal"/>.
    /// </summary>
    public static async Task<bool> RequireSupervisorOrInstitutionAsync(HereafterDbContext db, Actor actor, Message refusal, CancellationToken ct)
    {
        if (Supervises(actor)) return true;
        if (!await db.Set<PricingInstitution>().AnyAsync(i => i.Id == actor.OrganisationId, ct)) throw ProblemException.Forbidden(refusal);
        return false;
    }
}
