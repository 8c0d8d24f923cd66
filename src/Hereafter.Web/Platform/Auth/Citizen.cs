using System.Security.Claims;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Hereafter.Web.Platform.Auth;

/// <summary>
/// A family member signed in with real-name identity through OpenID Connect (the province's identity platform in
/// production, the platform's own demo provider in Development). Carries the verified claims <c>sub</c>, <c>name</c>,
/// <c>id_number</c> and <c>phone_number</c>; never an organisation.
/// </summary>
public sealed record Citizen(string Subject, string Name, string IdNumber, string Phone)
{
    public const string IdNumberClaim = "id_number";
    public const string PhoneClaim = Claims.PhoneNumber;

    /// <summary>The citizen of a request authorised by <see cref="FamilyAuth.ApiPolicy"/> or <see cref="FamilyAuth.PagePolicy"/>; 401 otherwise.</summary>
    public static Citizen Require(HttpContext http) =>
        From(http.User) ?? throw new Errors.ProblemException(StatusCodes.Status401Unauthorized, "Unauthorized", new Hereafter.Domain.Messages.Message("auth.sign-in-required"));

    public static Citizen? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        var subject = user.FindFirstValue(Claims.Subject) ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        var idNumber = user.FindFirstValue(IdNumberClaim);
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(idNumber)) return null;
        return new Citizen(subject, user.FindFirstValue(Claims.Name) ?? user.FindFirstValue(ClaimTypes.Name) ?? "", idNumber,
            user.FindFirstValue(PhoneClaim) ?? "");
    }

    /// <summary>
    /// The citizen as the audit log's actor: no organisation (<see cref="Guid.Empty"/>), named by their verified name,
    /// identified by the identity provider's subject.
    /// </summary>
    public Actor ToActor() => new("citizen:" + Subject, Name, Guid.Empty, "家属", null, new HashSet<string>());
}

/// <summary>Names of the family's authentication schemes and authorization policies.</summary>
public static class FamilyAuth
{
    /// <summary>Family API endpoints (<c>/api/v1/family/...</c>): a citizen's bearer access token.</summary>
    public const string ApiPolicy = "family-api";
    /// <summary>Family pages (<c>/family/...</c>): the family's own cookie, signed in through OpenID Connect.</summary>
    public const string PagePolicy = "family-pages";
    /// <summary>The cookie of family pages (separate from staff's <c>hereafter.auth</c>).</summary>
    public const string CookieScheme = "family";
}
