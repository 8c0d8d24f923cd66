using System.Net;
using System.Security.Claims;
using Hereafter.Web.Platform.Demo;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Hereafter.Web.Platform.Auth;

/// <summary>
/// The demo family identity provider (Development only): OpenIddict's authorization endpoint with authorization code +
/// PKCE, a sign-in page for demo citizens, and the public client <see cref="DemoClientId"/>, which may redirect to any
/// loopback port (RFC 8252 §7.3). In production families come from the province's identity platform
/// (<c>Family:Authority</c>) and this provider signs nobody in.
/// </summary>
public static class FamilyProvider
{
    public const string DemoClientId = "demo-family-app";
    /// <summary>The provider's own session cookie (who signed in at the identity provider), separate from the pages' cookie.</summary>
    public const string SessionScheme = "family-provider";
    public const string SignInPath = "/identity/signin";
    /// <summary>Client setting that lets a public client redirect to any port of a registered loopback redirect URI.</summary>
    public const string LoopbackSetting = "hereafter:loopback_any_port";

    /// <summary>The redirect URIs of <see cref="DemoClientId"/>: the family pages' callback and a native app's, on any loopback port.</summary>
    public static readonly string[] DemoRedirectUris =
    [
        "http://127.0.0.1/callback", "http://[::1]/callback", "http://127.0.0.1/signin-family", "http://[::1]/signin-family",
        "http://localhost/signin-family",
    ];

    /// <summary>Registers <see cref="DemoClientId"/> once (Development demo data).</summary>
    public static async Task RegisterDemoClientAsync(IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(DemoClientId, ct) is not null) return;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = DemoClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "家属端演示应用 (demo family app)",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Profile, Permissions.Scopes.Phone,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            Settings = { [LoopbackSetting] = "true" },
        };
        foreach (var uri in DemoRedirectUris) descriptor.RedirectUris.Add(new Uri(uri));
        await applications.CreateAsync(descriptor, ct);
    }

    /// <summary>A demo citizen by user name or (Development) by any checksum-valid ID number, when the password is right.</summary>
    public static DemoCitizens.DemoCitizen? Verify(string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || password != DemoData.Secret) return null;
        return DemoCitizens.ByUserName(userName) ?? DemoCitizens.ForIdNumber(userName.Trim());
    }

    public static ClaimsPrincipal SessionPrincipal(DemoCitizens.DemoCitizen citizen)
    {
        var identity = new ClaimsIdentity(SessionScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, citizen.Subject));
        identity.AddClaim(new Claim(Claims.Name, citizen.Name));
        identity.AddClaim(new Claim(Citizen.IdNumberClaim, citizen.IdNumber));
        identity.AddClaim(new Claim(Citizen.PhoneClaim, citizen.Phone));
        return new ClaimsPrincipal(identity);
    }

    public static IEndpointRouteBuilder MapFamilyProvider(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync)
            .DisableAntiforgery().AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/identity/signout", async (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            // No form binding here, so the antiforgery middleware would not reject a forged post on its own. The token was
            // issued to the family page's user, so check it against that user.
            if ((await http.AuthenticateAsync(FamilyAuth.CookieScheme)).Principal is { } family) http.User = family;
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            await http.SignOutAsync(SessionScheme);
            await http.SignOutAsync(FamilyAuth.CookieScheme);
            return Results.LocalRedirect("/");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// OpenIddict has validated the client, its redirect URI, PKCE and the scopes before this runs. A citizen not yet
    /// signed in at the provider goes to its sign-in page and comes back here; then the code is issued with the claims
    /// <c>sub</c>, <c>name</c>, <c>id_number</c> and <c>phone_number</c> in the identity and access tokens.
    /// </summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext http, IHostEnvironment environment)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect authorization request.");
        if (!environment.IsDevelopment())
            return Refuse(OpenIddictConstants.Errors.AccessDenied, "This platform signs in citizens only in Development; families sign in with the province's identity platform.");
        var session = await http.AuthenticateAsync(SessionScheme);
        if (!session.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None)) return Refuse(OpenIddictConstants.Errors.LoginRequired, "The citizen is not signed in.");
            var back = http.Request.PathBase + http.Request.Path + QueryString.Create(request.GetParameters()
                .Where(p => p.Key != Parameters.Prompt)
                .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString())));
            return Results.Redirect(SignInPath + "?ReturnUrl=" + Uri.EscapeDataString(back));
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        foreach (var type in new[] { Claims.Subject, Claims.Name, Citizen.IdNumberClaim, Citizen.PhoneClaim })
            identity.SetClaim(type, session.Principal!.FindFirst(type)?.Value);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(request.GetScopes());
        principal.SetDestinations(static _ => [Destinations.AccessToken, Destinations.IdentityToken]);
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

/// <summary>
/// OpenIddict's application manager, plus RFC 8252 §7.3 for public clients marked with
/// <see cref="FamilyProvider.LoopbackSetting"/>: a loopback redirect URI (<c>127.0.0.1</c>, <c>[::1]</c>, <c>localhost</c>)
/// matches a registered one whatever its port, as long as scheme, host and path agree. Every other URI must match exactly.
/// </summary>
public sealed class LoopbackAwareApplicationManager<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache, ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options, IOpenIddictApplicationStore<TApplication> store)
    : OpenIddictApplicationManager<TApplication>(cache, logger, options, store) where TApplication : class
{
    public override async ValueTask<bool> ValidateRedirectUriAsync(TApplication application, string uri, CancellationToken cancellationToken = default)
    {
        if (await base.ValidateRedirectUriAsync(application, uri, cancellationToken)) return true;
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var asked) || !IsLoopback(asked) || !string.IsNullOrEmpty(asked.Fragment)) return false;
        var settings = await GetSettingsAsync(application, cancellationToken);
        if (!settings.TryGetValue(FamilyProvider.LoopbackSetting, out var flag) || flag != "true") return false;
        foreach (var registered in await GetRedirectUrisAsync(application, cancellationToken))
        {
            if (Uri.TryCreate(registered, UriKind.Absolute, out var known) && IsLoopback(known)
                && known.Scheme == asked.Scheme && string.Equals(known.Host, asked.Host, StringComparison.OrdinalIgnoreCase)
                && known.AbsolutePath == asked.AbsolutePath && known.Query == asked.Query)
                return true;
        }
        return false;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttp
        && (uri.IsLoopback && (IPAddress.TryParse(uri.Host.Trim('[', ']'), out _) || uri.Host == "localhost"));
}
