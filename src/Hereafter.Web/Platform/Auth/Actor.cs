using System.Security.Claims;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Platform.Auth;

/// <summary>
/// Who is acting: a staff member or a department system, always on behalf of one organisation. Internal actors (the
/// command line, workers, webhook deliveries) have no organisation type.
/// </summary>
public sealed record Actor(string Id, string Name, Guid OrganisationId, string OrganisationName, OrganisationType? OrganisationType, IReadOnlySet<string> Roles)
{
    public const string OrganisationIdClaim = "org";
    public const string OrganisationNameClaim = "org_name";
    public const string OrganisationTypeClaim = "org_type";

    /// <summary>OAuth 2.0 scopes of a department system's access token; empty for staff.</summary>
    public IReadOnlySet<string> Scopes { get; init; } = new HashSet<string>();

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool HasScope(string scope) => Scopes.Contains(scope);

    /// <summary>The signed-in actor of an endpoint that requires authorization; 401 otherwise.</summary>
    public static Actor Require(HttpContext http) =>
        From(http.User) ?? throw new Errors.ProblemException(StatusCodes.Status401Unauthorized, "Unauthorized", new Hereafter.Domain.Messages.Message("auth.sign-in-required"));

    public static Actor? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        var org = user.FindFirstValue(OrganisationIdClaim);
        if (!Guid.TryParse(org, out var orgId)) return null;
        return new Actor(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            user.FindFirstValue(ClaimTypes.Name) ?? "",
            orgId,
            user.FindFirstValue(OrganisationNameClaim) ?? "",
            EnumCodes<OrganisationType>.TryParse(user.FindFirstValue(OrganisationTypeClaim), out var type) ? type : null,
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal))
        {
            Scopes = user.FindAll(OpenIddict.Abstractions.OpenIddictConstants.Claims.Private.Scope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
        };
    }

    public static ClaimsIdentity CreateIdentity(string authenticationType, string id, string name, Guid orgId, string orgName, OrganisationType orgType, IEnumerable<string> roles)
    {
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, id));
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        identity.AddClaim(new Claim(OrganisationIdClaim, orgId.ToString()));
        identity.AddClaim(new Claim(OrganisationNameClaim, orgName));
        identity.AddClaim(new Claim(OrganisationTypeClaim, orgType.ToCode()));
        foreach (var role in roles) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        return identity;
    }
}
