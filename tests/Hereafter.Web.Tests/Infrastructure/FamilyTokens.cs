using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Demo;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace Hereafter.Web.Tests.Infrastructure;

/// <summary>
/// Citizens signed in through the demo identity provider's real flow: authorization code with PKCE for the public client
/// <c>demo-family-app</c> and a loopback redirect URI, as a family's phone app would do it.
/// </summary>
public static class FamilyTokens
{
    public const string LoopbackRedirect = "http://127.0.0.1:51004/callback";

    /// <summary>An HttpClient carrying a citizen's bearer access token (user name like <c>citizen.wang</c>, or any valid ID number).</summary>
    public static async Task<HttpClient> CitizenClientAsync(this HereafterFactory factory, string userName)
    {
        var token = await factory.CitizenAccessTokenAsync(userName);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> CitizenAccessTokenAsync(this HereafterFactory factory, string userName, string password = DemoData.Secret)
    {
        var tokens = await factory.CitizenTokensAsync(userName, password);
        return tokens.GetProperty("access_token").GetString()!;
    }

    /// <summary>The token endpoint's whole answer (access_token, id_token, …) for a citizen.</summary>
    public static async Task<JsonElement> CitizenTokensAsync(this HereafterFactory factory, string userName, string password = DemoData.Secret)
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var state = Guid.NewGuid().ToString("n");
        var code = await AuthorizeAsync(browser, userName, password, AuthorizeUrl(LoopbackRedirect, Challenge(verifier), state), state);
        var response = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = LoopbackRedirect,
            ["client_id"] = FamilyProvider.DemoClientId, ["code_verifier"] = verifier,
        }));
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Token request answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// An HttpClient with a family pages' session (cookie), signed in the way a browser is: the page sends it to the
    /// identity provider, the citizen signs in there, and the platform redeems the code on its back channel.
    /// </summary>
    public static async Task<HttpClient> CitizenPageClientAsync(this HereafterFactory factory, string userName, string startAt = "/family/account")
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        var signInPage = await browser.GetAsync(startAt);
        var url = signInPage.RequestMessage!.RequestUri!.PathAndQuery;
        if (!url.StartsWith(FamilyProvider.SignInPath, StringComparison.Ordinal))
            throw new InvalidOperationException($"{startAt} did not lead to the identity provider's sign-in page but to {url}.");
        var done = await HtmlForms.SubmitAsync(browser, url, await signInPage.Content.ReadAsStringAsync(), "citizen-signin",
            new Dictionary<string, string> { ["username"] = userName, ["password"] = DemoData.Secret });
        if (done.StatusCode != HttpStatusCode.OK || done.RequestMessage!.RequestUri!.AbsolutePath.StartsWith(FamilyProvider.SignInPath, StringComparison.Ordinal))
            throw new InvalidOperationException($"Signing in {userName} ended at {done.RequestMessage?.RequestUri} ({done.StatusCode}).");
        return browser;
    }

    public static string AuthorizeUrl(string redirectUri, string? challenge, string state, string clientId = FamilyProvider.DemoClientId)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = redirectUri, ["scope"] = "openid profile phone",
            ["state"] = state,
        };
        if (challenge is not null)
        {
            query["code_challenge"] = challenge;
            query["code_challenge_method"] = "S256";
        }
        return QueryHelpers.AddQueryString("/connect/authorize", query);
    }

    /// <summary>Runs the authorization request through the provider's sign-in page; returns the code sent to the redirect URI.</summary>
    public static async Task<string> AuthorizeAsync(HttpClient browser, string userName, string password, string authorizeUrl, string state)
    {
        var first = await browser.GetAsync(authorizeUrl);
        if (first.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Authorization request answered {first.StatusCode}: {await first.Content.ReadAsStringAsync()}");
        var signIn = first.Headers.Location!.OriginalString;
        var posted = await HtmlForms.SubmitAsync(browser, signIn, "citizen-signin",
            new Dictionary<string, string> { ["username"] = userName, ["password"] = password });
        if (posted.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in {userName} answered {posted.StatusCode} (wrong credentials?).");
        var back = await browser.GetAsync(posted.Headers.Location);
        var location = back.Headers.Location ?? throw new InvalidOperationException($"No redirect after sign-in ({back.StatusCode}).");
        var query = QueryHelpers.ParseQuery(location.Query);
        if (query["state"] != state) throw new InvalidOperationException("The state came back changed.");
        return query["code"].ToString() is { Length: > 0 } code ? code : throw new InvalidOperationException($"No code in {location}.");
    }

    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
