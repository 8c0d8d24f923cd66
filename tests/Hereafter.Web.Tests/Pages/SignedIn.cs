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
}
