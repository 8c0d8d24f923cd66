using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Navigation;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Family;

/// <summary>
/// Who reviews family admissions (proof of relationship): civil affairs' clerks and supervisors, and the civil-affairs
/// department system. Nobody else, staff or citizen, sees an applicant's data or proof.
/// </summary>
public static class FamilyReviewers
{
    public static bool May(Actor actor) =>
        actor.OrganisationType == OrganisationType.CivilAffairs
        && (actor.IsInRole(Roles.Clerk) || actor.IsInRole(Roles.Supervisor) || actor.IsInRole(Roles.System));

    /// <summary>The reviewing actor of a request: 401 when nobody is signed in, 403 for anyone else (a citizen included).</summary>
    public static Actor Require(HttpContext http)
    {
        var actor = Actor.From(http.User);
        if (actor is null && http.User.Identity?.IsAuthenticated != true) return Actor.Require(http);
        return actor is not null && May(actor) ? actor : throw ProblemException.Forbidden(new Message("family.admission.review-forbidden"));
    }

    /// <summary>The review page in the staff menu (group 身后事) of those who may use it.</summary>
    public static IEnumerable<StaffLinks.Link> Links(Actor actor)
    {
        if (May(actor))
            yield return new("/family-admissions", "家属身份审核", "审核家属上传的亲属关系证明：通过，或写明原因退回。");
    }
}
