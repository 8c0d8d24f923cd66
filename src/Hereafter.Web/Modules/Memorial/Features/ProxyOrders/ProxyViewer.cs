using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Errors;
using Microsoft.AspNetCore.Authentication;

namespace Hereafter.Web.Modules.Memorial.Features.ProxyOrders;

/// <summary>
/// Who asks to see a proxy-sweeping order: a citizen (the family app's bearer token, or the family pages' cookie when
/// the order page shows a photo) and/or a member of staff or a site's system (the staff cookie or a client token).
/// An order is shown to its citizen and to its site's staff; everyone else is told it does not exist.
/// </summary>
public sealed record ProxyViewer(Citizen? Citizen, Actor? Actor)
{
    /// <summary>
    /// The request's citizen and actor. The default scheme gives the staff cookie or any bearer token; the family cookie
    /// is a scheme of its own, asked for here so that an <c>&lt;img&gt;</c> on the family page carries its citizen.
    /// 401 when the request carries neither.
    /// </summary>
    public static async Task<ProxyViewer> FromAsync(HttpContext http)
    {
        var actor = Actor.From(http.User);
        var citizen = Citizen.From(http.User);
        if (citizen is null)
        {
            var family = await http.AuthenticateAsync(FamilyAuth.CookieScheme);
            if (family.Succeeded) citizen = Citizen.From(family.Principal);
        }
        if (actor is null && citizen is null)
            throw new ProblemException(StatusCodes.Status401Unauthorized, "Unauthorized", new Message("auth.sign-in-required"));
        return new ProxyViewer(citizen, actor);
    }

    public bool IsOwner(ProxyOrderOwner order) => Citizen is { } c && c.Subject == order.CitizenSubject;

    public bool RunsSite(ProxyOrderOwner order) => Actor is { } a && MemorialAccess.RunsSite(a, order.InstitutionId);

    /// <summary>404 unless the order exists and is this viewer's own or their site's (never 403: no order is confirmed to exist).</summary>
    public ProxyOrderOwner Require(ProxyOrderOwner? order) =>
        order is not null && (IsOwner(order) || RunsSite(order)) ? order : throw ProblemException.NotFound(new Message("memorial.proxy.order-not-found"));
}
