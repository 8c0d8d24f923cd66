using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Hereafter.Web.Platform.Auth;

/// <summary>
/// Families' sign-in: the platform is an OpenID Connect client of the family identity provider for its family pages,
/// and accepts that provider's access tokens on <c>/api/v1/family/...</c>. The provider is <c>Family:Authority</c> (the
/// province's unified identity platform, with <c>Family:ClientId</c>, <c>Family:ClientSecret</c> and
/// <c>Family:Audience</c>); left empty in Development, it is the platform's own demo provider (<see cref="FamilyProvider"/>).
/// </summary>
public static class FamilyIdentity
{
    /// <summary>The OpenID Connect handler that signs families in to the pages.</summary>
    public const string OidcScheme = "family-oidc";
    /// <summary>Validates the external provider's access tokens (JWT) when <c>Family:Authority</c> is set.</summary>
    public const string ExternalBearerScheme = "family-bearer";
    public const string CallbackPath = "/signin-family";

    public static bool UsesExternalProvider(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Family:Authority"]);

    public static IServiceCollection AddFamilyIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var external = UsesExternalProvider(configuration);
        var auth = services.AddAuthentication()
            .AddCookie(FamilyProvider.SessionScheme, o =>
            {
                o.Cookie.Name = "hereafter.family-provider";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = FamilyProvider.SignInPath;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            })
            .AddCookie(FamilyAuth.CookieScheme, o =>
            {
                o.Cookie.Name = "hereafter.family";
                o.Cookie.HttpOnly = true;
                // Lax: the cookie is set at the end of a redirect chain that starts at the identity provider.
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(2);
                o.SlidingExpiration = true;
                o.AccessDeniedPath = "/forbidden";
                // Without any identity provider (a deployment that has not configured Family:Authority) the page says so.
                o.LoginPath = FamilyProvider.SignInPath;
                // A family page asked for without a session goes to the identity provider.
                if (external || environment.IsDevelopment()) o.ForwardChallenge = OidcScheme;
            });
        if (external || environment.IsDevelopment())
        {
            auth.AddOpenIdConnect(OidcScheme, o =>
            {
                o.SignInScheme = FamilyAuth.CookieScheme;
                o.CallbackPath = CallbackPath;
                o.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back in the query of a plain redirect: no auto-posting form, so no script is needed.
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.Scope.Clear();
                foreach (var scope in new[] { Scopes.OpenId, Scopes.Profile, Scopes.Phone }) o.Scope.Add(scope);
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.SaveTokens = false;
                o.TokenValidationParameters.NameClaimType = Claims.Name;
                // Plain http works only in Development; correlation and nonce cookies must survive a top-level redirect.
                o.RequireHttpsMetadata = !environment.IsDevelopment();
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
            // Settings and the demo provider's address are resolved when the handler is first used (the server is listening then).
            services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IServer>((o, server) =>
            {
                o.Authority = external ? configuration["Family:Authority"] : SelfAddress(configuration, server);
                o.ClientId = configuration["Family:ClientId"] is { Length: > 0 } id ? id : FamilyProvider.DemoClientId;
                o.ClientSecret = configuration["Family:ClientSecret"] is { Length: > 0 } secret ? secret : null;
            });
        }
        var schemes = new List<string> { AuthModule.BearerScheme };
        if (external)
        {
            auth.AddJwtBearer(ExternalBearerScheme, o =>
            {
                o.Authority = configuration["Family:Authority"];
                o.Audience = configuration["Family:Audience"];
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters { NameClaimType = Claims.Name, ValidateAudience = !string.IsNullOrEmpty(configuration["Family:Audience"]) };
            });
            schemes.Add(ExternalBearerScheme);
        }
        services.AddAuthorizationBuilder()
            .AddPolicy(FamilyAuth.ApiPolicy, p => p.AddAuthenticationSchemes([.. schemes]).RequireAuthenticatedUser().RequireClaim(Citizen.IdNumberClaim))
            .AddPolicy(FamilyAuth.PagePolicy, p => p.AddAuthenticationSchemes(FamilyAuth.CookieScheme).RequireAuthenticatedUser().RequireClaim(Citizen.IdNumberClaim));
        return services;
    }

    /// <summary>
    /// The demo provider is this platform: the address the server listens on (a wildcard host read as localhost), else
    /// <c>Platform:PublicBaseUrl</c>, else <c>http://localhost</c> (the in-memory test server has no address).
    /// </summary>
    private static string SelfAddress(IConfiguration configuration, IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
            return configuration["Platform:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : "http://localhost";
        return address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost")
            .Replace("://[::]", "://localhost").TrimEnd('/');
    }

    /// <summary><c>GET /api/v1/family/me</c>: who the token's citizen is (name, masked ID number, phone), for family apps.</summary>
    public static IEndpointRouteBuilder MapFamilyIdentity(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/family/me", (HttpContext http) =>
            {
                var citizen = Citizen.Require(http);
                return TypedResults.Ok(new CitizenDto(citizen.Name, Hereafter.Domain.Identity.PersonalDataMask.IdNumber(citizen.IdNumber), citizen.Phone));
            })
            .RequireAuthorization(FamilyAuth.ApiPolicy)
            .WithTags("Family")
            .WithSummary("The signed-in citizen (a family access token from the identity provider): name, masked ID number, phone");
        return app;
    }

    public sealed record CitizenDto(string Name, string IdNumberMasked, string Phone);
}
