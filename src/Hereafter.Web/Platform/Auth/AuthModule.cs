using System.Security.Claims;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Hereafter.Web.Platform.Auth;

public static class AuthModule
{
    public const string Scheme = "Hereafter";
    /// <summary>Bearer tokens are validated by OpenIddict's validation handler (local server, Data Protection format).</summary>
    public const string BearerScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    public static IServiceCollection AddPlatformAuth(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, Scheme, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/forbidden";
                o.Cookie.Name = "hereafter.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // APIs answer 401/403; only pages redirect to the sign-in page.
                o.Events.OnRedirectToLogin = ctx => Answer(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Answer(ctx, StatusCodes.Status403Forbidden);
                // A disabled account or a changed role ends the session within a minute, on every node.
                o.Events.OnValidatePrincipal = StaffSessions.ValidatePrincipalAsync;
            });

        services.AddOpenIddict()
            .AddCore(o =>
            {
                o.UseEntityFrameworkCore().UseDbContext<HereafterDbContext>();
                // RFC 8252: the demo family app may redirect to any loopback port.
                o.ReplaceApplicationManager(typeof(LoopbackAwareApplicationManager<>));
            })
            .AddServer(o =>
            {
                // Department systems: client credentials at /connect/token (client_secret_post or client_secret_basic).
                // Families (demo provider, Development only): authorization code with PKCE at /connect/authorize.
                o.SetTokenEndpointUris("connect/token");
                o.SetAuthorizationEndpointUris("connect/authorize");
                o.SetConfigurationEndpointUris(".well-known/openid-configuration");
                o.SetJsonWebKeySetEndpointUris(".well-known/jwks");
                o.AllowClientCredentialsFlow();
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes([.. DepartmentScopes.All, Scopes.OpenId, Scopes.Profile, Scopes.Phone]);
                o.RegisterClaims(Claims.Subject, Claims.Name, Citizen.IdNumberClaim, Citizen.PhoneClaim);
                o.SetAccessTokenLifetime(TokenLifetime);
                // Access tokens are protected by the Data Protection key ring kept in the database: every node accepts them.
                o.UseDataProtection();
                o.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseDataProtection();
                o.UseAspNetCore();
            });
        // Signing and encryption keys from the database (created once, protected by Data Protection): never development certificates.
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, OidcServerKeySetup>();
        // Plain http only in Development; elsewhere the proxy terminates TLS and forwards the scheme.
        services.AddOptions<OpenIddictServerAspNetCoreOptions>().Configure<IHostEnvironment>((o, env) =>
            o.DisableTransportSecurityRequirement = env.IsDevelopment());
        services.AddScoped<DepartmentClients>();
        services.AddHostedService<OidcPruning>();

        services.AddAuthorization();
        services.AddSingleton<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<SignInLockout>();
        services.AddScoped<StaffAccountAdministration>();
        return services;
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/connect"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Between authentication and authorization: an API request that may change state (POST, PUT, PATCH, DELETE)
    /// authenticated only by the staff cookie counts as anonymous unless it carries a valid antiforgery token
    /// (header <c>RequestVerificationToken</c> or form field <c>__RequestVerificationToken</c>). A forged cross-site
    /// request therefore gets 401; department systems use bearer tokens, which a browser never sends on its own.
    /// </summary>
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method))
            && http.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme }
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(http);
    });

    public static IEndpointRouteBuilder MapPlatformAuth(this IEndpointRouteBuilder app)
    {
        // OpenIddict validates the client, its secret and the grant before this runs; errors never reach it.
        app.MapPost("/connect/token", IssueToken)
            .DisableAntiforgery()
            .AllowAnonymous()
            .WithTags("Auth")
            .WithSummary("OAuth 2.0 token endpoint: client credentials for department systems (client_id and client_secret as form fields or HTTP Basic); authorization code with PKCE for the demo family app")
            .WithDescription("Optional scope: space-separated scopes (default: every scope the client is granted). Discovery: /.well-known/openid-configuration.")
            .Accepts<TokenRequest>("application/x-www-form-urlencoded")
            .Produces<TokenResponse>()
            .Produces<TokenError>(StatusCodes.Status400BadRequest)
            .Produces<TokenError>(StatusCodes.Status401Unauthorized);
        // Sign-in is the /signin page (a Blazor form); sign-out is a plain form post from the layout.
        app.MapPost("/signout", SignOut).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignOut(HttpContext http, IAntiforgery antiforgery)
    {
        // No form binding here, so the antiforgery middleware would not reject a forged post on its own.
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect("/");
    }

    public sealed record TokenRequest(string grant_type, string? client_id, string? client_secret, string? scope);
    public sealed record TokenResponse(string access_token, string token_type, int expires_in, string? scope);
    public sealed record TokenError(string error, string error_description);

    private static async Task<IResult> IssueToken(HttpContext http, HereafterDbContext db, IOpenIddictApplicationManager applications)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OAuth 2.0 token request.");
        if (request.IsAuthorizationCodeGrantType())
        {
            // OpenIddict has checked the code, its client, redirect URI and PKCE verifier: issue tokens for the same citizen.
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (granted.Principal is not { } citizen) return Refuse(OpenIddictConstants.Errors.InvalidGrant, "The authorization code is no longer valid.");
            citizen.SetDestinations(static _ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(citizen, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (!request.IsClientCredentialsGrantType()) return Refuse(OpenIddictConstants.Errors.UnsupportedGrantType, "Only client_credentials and (for families) authorization_code are supported.");
        var client = await (from c in db.Set<ApiClient>().AsNoTracking()
                            join o in db.Set<Organisation>() on c.OrganisationId equals o.Id
                            where c.ClientId == request.ClientId
                            select new { c.ClientId, c.Name, c.Roles, OrgId = o.Id, OrgName = o.Name, OrgType = o.Type })
            .FirstOrDefaultAsync(http.RequestAborted);
        var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted);
        if (client is null || application is null) return Refuse(OpenIddictConstants.Errors.InvalidClient, "This client does not act for any organisation.");

        var identity = Actor.CreateIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, client.ClientId, client.Name,
            client.OrgId, client.OrgName, client.OrgType, client.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        identity.SetClaim(Claims.Subject, client.ClientId);
        var principal = new ClaimsPrincipal(identity);
        var scopes = request.GetScopes();
        if (scopes.IsEmpty)
        {
            // No scope asked for: every scope the client is granted (what existing department systems expect).
            scopes = [.. (await applications.GetPermissionsAsync(application, http.RequestAborted))
                .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(p => p[Permissions.Prefixes.Scope.Length..])];
        }
        principal.SetScopes(scopes);
        principal.SetDestinations(static _ => [Destinations.AccessToken]);
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
