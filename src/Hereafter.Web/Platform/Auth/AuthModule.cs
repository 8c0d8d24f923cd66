using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Platform.Auth;

public static class AuthModule
{
    public const string Scheme = "Hereafter";
    public const string BearerScheme = "Bearer";
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
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerScheme, null);
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

    public static string HashSecret(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static IEndpointRouteBuilder MapPlatformAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", IssueToken)
            .DisableAntiforgery()
            .AllowAnonymous()
            .WithTags("Auth")
            .WithSummary("OAuth 2.0 client credentials: exchange client_id and client_secret for a bearer token")
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

    public sealed record TokenRequest(string grant_type, string client_id, string client_secret);
    public sealed record TokenResponse(string access_token, string token_type, int expires_in);
    public sealed record TokenError(string error, string error_description);

    private static async Task<IResult> IssueToken(HttpRequest request, HereafterDbContext db, TimeProvider clock)
    {
        if (!request.HasFormContentType)
            return Results.Json(new TokenError("invalid_request", "Use application/x-www-form-urlencoded."), statusCode: 400);
        var form = await request.ReadFormAsync();
        var grant = form["grant_type"].ToString();
        var clientId = form["client_id"].ToString();
        var secret = form["client_secret"].ToString();
        // RFC 6749 §2.3.1 also allows HTTP Basic client authentication.
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(clientId))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = pair.IndexOf(':');
                if (colon > 0) { clientId = Uri.UnescapeDataString(pair[..colon]); secret = Uri.UnescapeDataString(pair[(colon + 1)..]); }
            }
            catch (FormatException) { }
        }
        if (string.IsNullOrEmpty(grant))
            return Results.Json(new TokenError("invalid_request", "grant_type is required."), statusCode: 400);
        if (grant != "client_credentials")
            return Results.Json(new TokenError("unsupported_grant_type", "Only client_credentials is supported."), statusCode: 400);
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
            return Results.Json(new TokenError("invalid_request", "client_id and client_secret are required."), statusCode: 400);

        var client = await db.Set<ApiClient>().AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId);
        var given = Encoding.UTF8.GetBytes(HashSecret(secret));
        if (client is null || !CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(client.SecretHash)))
            return Results.Json(new TokenError("invalid_client", "Unknown client or wrong secret."), statusCode: 401);

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.Set<AccessToken>().Add(new AccessToken { TokenHash = HashSecret(token), ClientId = client.ClientId, ExpiresAt = now + TokenLifetime });
        // Expired tokens are of no use to anyone: clear a few on the way.
        await db.Set<AccessToken>().Where(t => t.ExpiresAt < now).OrderBy(t => t.ExpiresAt).Take(100).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        return Results.Json(new TokenResponse(token, "Bearer", (int)TokenLifetime.TotalSeconds));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Validates opaque bearer tokens against the database, so every web node accepts every token.</summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    HereafterDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header[7..].Trim();
        if (token.Length == 0) return AuthenticateResult.Fail("Empty bearer token.");
        var hash = AuthModule.HashSecret(token);
        var now = clock.GetUtcNow();
        var row = await (from t in db.Set<AccessToken>().AsNoTracking()
                         join c in db.Set<ApiClient>() on t.ClientId equals c.ClientId
                         join o in db.Set<Organisation>() on c.OrganisationId equals o.Id
                         where t.TokenHash == hash
                         select new { t.ExpiresAt, c.ClientId, c.Name, c.Roles, OrgId = o.Id, OrgName = o.Name, OrgType = o.Type })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (row is null) return AuthenticateResult.Fail("Unknown token.");
        if (row.ExpiresAt <= now) return AuthenticateResult.Fail("Token expired.");
        var identity = Actor.CreateIdentity(AuthModule.BearerScheme, row.ClientId, row.Name, row.OrgId, row.OrgName, row.OrgType,
            row.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries));
        return AuthenticateResult.Success(new AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
