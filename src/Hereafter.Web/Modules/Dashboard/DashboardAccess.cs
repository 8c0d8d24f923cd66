using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Dashboard;

/// <summary>Who sees the bureau's dashboard: the civil-affairs bureau's supervisors and clerks, and its own system.</summary>
public static class DashboardAccess
{
    public static bool Sees(Actor actor) =>
        actor.OrganisationType == OrganisationType.CivilAffairs
        && (actor.IsInRole(Roles.Supervisor) || actor.IsInRole(Roles.Clerk) || actor.IsInRole(Roles.System));
}
