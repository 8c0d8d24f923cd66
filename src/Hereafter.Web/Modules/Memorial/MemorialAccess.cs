using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Memorial;

/// <summary>Who may do what in memorial services (least privilege per organisation).</summary>
public static class MemorialAccess
{
    /// <summary>Staff or the system of a cemetery or columbarium: publish its booking days, check passes in, complete proxy orders.</summary>
    public static bool IsSite(Actor actor) => actor.OrganisationType is OrganisationType.Cemetery or OrganisationType.Columbarium;

    /// <summary>The site's own staff act on its days, passes and orders; no other organisation does.</summary>
    public static bool RunsSite(Actor actor, Guid institutionId) => IsSite(actor) && actor.OrganisationId == institutionId;

    /// <summary>The civil-affairs bureau: figures per site and day, the standards pages.</summary>
    public static bool Supervises(Actor actor) => actor.OrganisationType == OrganisationType.CivilAffairs;
}
