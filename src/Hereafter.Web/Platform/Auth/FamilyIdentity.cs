using Microsoft.AspNetCore.Authentication.Cookies;

namespace Hereafter.Web.Platform.Auth;

/// <summary>
/// Families' sign-in: the platform is an OpenID Connect client of the family identity provider (configured as
/// <c>Family:Authority</c>; in Development the platform's own OpenIddict server with demo citizens) for its family pages,
/// and accepts that provider's access tokens on <c>/api/v1/family/...</c>.
/// </summary>
public static class FamilyIdentity
{
    public static IServiceCollection AddFamilyIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddAuthentication().AddCookie(FamilyAuth.CookieScheme, o =>
        {
            o.Cookie.Name = "hereafter.family";
            o.Cookie.HttpOnly = true;
            o.LoginPath = "/family/signin";
            o.ExpireTimeSpan = TimeSpan.FromHours(2);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(FamilyAuth.ApiPolicy, p => p.RequireAuthenticatedUser().RequireClaim(Citizen.IdNumberClaim))
            .AddPolicy(FamilyAuth.PagePolicy, p => p.AddAuthenticationSchemes(FamilyAuth.CookieScheme).RequireAuthenticatedUser().RequireClaim(Citizen.IdNumberClaim));
        _ = configuration;
        _ = environment;
        return services;
    }
}
