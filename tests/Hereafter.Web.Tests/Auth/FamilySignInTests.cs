using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hereafter.Web.Tests.Auth;

/// <summary>
/// Families sign in through OpenID Connect: the demo provider's authorization code + PKCE flow for the public client
/// demo-family-app (any loopback port), its claims, and what a citizen's token may and may not reach.
/// </summary>
public sealed class FamilySignInTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task Discovery_announces_the_authorization_code_flow_with_pkce()
    {
        var doc = await (await factory.CreateClient().GetAsync("/.well-known/openid-configuration")).JsonAsync();
        Assert.EndsWith("/connect/authorize", doc.GetProperty("authorization_endpoint").GetString());
        Assert.Contains("authorization_code", doc.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("S256", doc.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("phone", doc.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_demo_citizen_gets_tokens_carrying_their_verified_identity()
    {
        var tokens = await factory.CitizenTokensAsync("citizen.wang");
        var id = new JwtSecurityTokenHandler().ReadJwtToken(tokens.GetProperty("id_token").GetString());
        Assert.Equal("王丽", id.Claims.Single(c => c.Type == "name").Value);
        Assert.Equal(DemoCitizens.Wang.IdNumber, id.Claims.Single(c => c.Type == "id_number").Value);
        Assert.Equal("13985012345", id.Claims.Single(c => c.Type == "phone_number").Value);
        Assert.Equal(DemoCitizens.Wang.Subject, id.Subject);
        Assert.DoesNotContain(DemoCitizens.Wang.IdNumber, id.Subject);

        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        var me = await (await client.GetAsync("/api/v1/family/me")).JsonAsync();
        Assert.Equal("王丽", me.GetProperty("name").GetString());
        Assert.Equal("13985012345", me.GetProperty("phone").GetString());
        Assert.DoesNotContain(DemoCitizens.Wang.IdNumber, me.GetRawText());
    }

    [Fact]
    public async Task Any_checksum_valid_id_number_signs_in_as_a_test_citizen_and_an_invalid_one_does_not()
    {
        var idNumber = DemoData.IdFor("520102", new DateOnly(1980, 1, 2), 417);
        var client = await factory.CitizenClientAsync(idNumber);
        var me = await (await client.GetAsync("/api/v1/family/me")).JsonAsync();
        Assert.Equal("测试" + idNumber[^4..], me.GetProperty("name").GetString());
        Assert.Matches("^139[0-9]{8}$", me.GetProperty("phone").GetString()!);

        var wrongCheck = idNumber[..17] + (idNumber[17] == '1' ? '2' : '1');
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.CitizenAccessTokenAsync(wrongCheck));
        Assert.Contains("wrong credentials", ex.Message);
    }

    [Fact]
    public async Task A_wrong_password_stays_on_the_sign_in_page_with_an_error_summary()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var first = await browser.GetAsync(FamilyTokens.AuthorizeUrl(FamilyTokens.LoopbackRedirect, FamilyTokens.Challenge("v".PadRight(43, 'v')), "s1"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith(FamilyProvider.SignInPath, first.Headers.Location!.OriginalString);
        var posted = await HtmlForms.SubmitAsync(browser, first.Headers.Location.OriginalString, "citizen-signin",
            new Dictionary<string, string> { ["username"] = "citizen.wang", ["password"] = "nope" });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Contains("用户名或密码不正确。", html);
        Assert.Contains("error-summary", html);
        Assert.Contains("name=\"username\"", html);
        Assert.Contains("name=\"password\"", html);
    }

    [Theory]
    [InlineData("http://127.0.0.1:40001/callback")]
    [InlineData("http://127.0.0.1:65000/callback")]
    [InlineData("http://[::1]:40002/callback")]
    public async Task Any_loopback_port_is_accepted(string redirectUri)
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var code = await FamilyTokens.AuthorizeAsync(browser, "citizen.zhang", DemoData.Secret,
            FamilyTokens.AuthorizeUrl(redirectUri, FamilyTokens.Challenge("x".PadRight(43, 'x')), "s2"), "s2");
        Assert.NotEmpty(code);
    }

    [Theory]
    [InlineData("http://evil.example/callback")]
    [InlineData("http://127.0.0.1.evil.example:40001/callback")]
    [InlineData("http://127.0.0.1:40001/other")]
    [InlineData("https://127.0.0.1:40001/callback")]
    public async Task Other_redirect_uris_are_refused_without_redirecting(string redirectUri)
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await browser.GetAsync(FamilyTokens.AuthorizeUrl(redirectUri, FamilyTokens.Challenge("y".PadRight(43, 'y')), "s3"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_request_without_pkce_is_refused()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await browser.GetAsync(FamilyTokens.AuthorizeUrl(FamilyTokens.LoopbackRedirect, challenge: null, "s4"));
        // A public client must send a code challenge: refused at once, no sign-in page and no code.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("code_challenge", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_code_redeemed_with_the_wrong_verifier_gives_no_token()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var code = await FamilyTokens.AuthorizeAsync(browser, "citizen.li", DemoData.Secret,
            FamilyTokens.AuthorizeUrl(FamilyTokens.LoopbackRedirect, FamilyTokens.Challenge("z".PadRight(43, 'z')), "s5"), "s5");
        var response = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = FamilyTokens.LoopbackRedirect,
            ["client_id"] = FamilyProvider.DemoClientId, ["code_verifier"] = "w".PadRight(43, 'w'),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Family_endpoints_answer_401_without_a_token_and_refuse_staff_and_department_tokens()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/family/me")).StatusCode);
        var department = await factory.ClientForAsync("demo-bank");
        Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync("/api/v1/family/me")).StatusCode);
    }

    [Fact]
    public async Task A_citizen_token_opens_no_staff_or_department_endpoint()
    {
        var citizen = await factory.CitizenClientAsync("citizen.wang");
        foreach (var url in new[] { "/api/v1/cases", "/api/v1/certificates/lookup?number=x", "/api/v1/feed", "/api/v1/audit" })
        {
            var status = (await citizen.GetAsync(url)).StatusCode;
            Assert.True(status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed,
                $"{url} answered {status} to a citizen's token");
            Assert.NotEqual(HttpStatusCode.OK, status);
        }
    }

    [Fact]
    public async Task Family_pages_sign_in_through_the_provider_and_show_who_is_signed_in()
    {
        var browser = await factory.CitizenPageClientAsync("citizen.zhang");
        var html = await browser.GetStringAsync("/family/account");
        Assert.Contains("张伟", html);
        Assert.Contains("13608510001", html);
        Assert.DoesNotContain(DemoCitizens.Zhang.IdNumber, html);
    }

    [Fact]
    public async Task A_family_page_without_a_session_goes_to_the_identity_provider()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await browser.GetAsync("/family/account");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/connect/authorize", location.AbsolutePath);
        Assert.Contains("client_id=demo-family-app", location.Query);
        Assert.Contains("code_challenge_method=S256", location.Query);
    }
}

/// <summary>Outside Development the platform's own provider signs no citizen in (families use the province's platform).</summary>
public sealed class FamilySignInProductionTests
{
    [Fact]
    public async Task The_demo_client_does_not_exist_outside_development()
    {
        using var factory = new HereafterFactory { EnvironmentName = "Production" };
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await browser.GetAsync(FamilyTokens.AuthorizeUrl(FamilyTokens.LoopbackRedirect, FamilyTokens.Challenge("p".PadRight(43, 'p')), "s6"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
