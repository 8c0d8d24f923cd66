using System.Net;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Pages;

/// <summary>A browser-like client signed in through the real /signin form as a demo account.</summary>
public static class SignedIn
{
    public static async Task<HttpClient> AsAsync(HereafterFactory factory, string userName)
    {
        var client = factory.CreateClient();
        var response = await HtmlForms.SubmitAsync(client, "/signin", "signin",
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = DemoData.Secret });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("action=\"/signout\"", await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>
    /// Signed in, and sending the antiforgery token a page of the site gives, as a page's own script would: API calls
    /// that change state with the cookie need it (a cookie alone gets 401).
    /// </summary>
    public static async Task<HttpClient> AsPageCallerAsync(HereafterFactory factory, string userName)
    {
        var client = await AsAsync(factory, userName);
        client.DefaultRequestHeaders.Add("RequestVerificationToken", HtmlForms.AntiforgeryToken(await client.GetStringAsync("/")));
        return client;
    }
}
