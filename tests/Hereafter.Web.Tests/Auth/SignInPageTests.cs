using System.Net;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hereafter.Web.Tests.Auth;

public sealed class SignInPageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private const string WrongCredentials = "用户名或密码错误";

    private static Dictionary<string, string> Credentials(string user, string password) =>
        new() { ["Input.UserName"] = user, ["Input.Password"] = password };

    [Fact]
    public async Task SignIn_WithRightPassword_ShowsDisplayNameOnHomePage()
    {
        var staff = await factory.SeedStaffAsync(displayName: "王晓明");
        var client = factory.CreateClient();

        var response = await HtmlForms.SubmitAsync(client, "/signin", "signin", Credentials(staff.UserName, staff.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/", response.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("王晓明", html);
        Assert.Contains("action=\"/signout\"", html);
    }

    [Fact]
    public async Task SignIn_FollowsLocalReturnUrl_ButNotAnotherHost()
    {
        var staff = await factory.SeedStaffAsync();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var local = await HtmlForms.SubmitAsync(client, "/signin?ReturnUrl=%2Fforbidden", "signin", Credentials(staff.UserName, staff.Password));
        Assert.Equal(HttpStatusCode.Redirect, local.StatusCode);
        Assert.Equal("http://localhost/forbidden", Target(local));

        var foreign = await HtmlForms.SubmitAsync(client, "/signin?ReturnUrl=%2F%2Fevil.example%2F", "signin", Credentials(staff.UserName, staff.Password));
        Assert.Equal(HttpStatusCode.Redirect, foreign.StatusCode);
        Assert.Equal("http://localhost/", Target(foreign));
    }

    private static string Target(HttpResponseMessage redirect) =>
        new Uri(new Uri("http://localhost/"), redirect.Headers.Location!).AbsoluteUri;

    [Fact]
    public async Task SignIn_WithWrongPasswordOrUnknownUser_ShowsTheSameError()
    {
        var staff = await factory.SeedStaffAsync();
        var client = factory.CreateClient();

        foreach (var (user, password) in new[] { (staff.UserName, "not-the-password"), ("nobody-" + staff.UserName, staff.Password) })
        {
            var response = await HtmlForms.SubmitAsync(client, "/signin", "signin", Credentials(user, password));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(WrongCredentials, html);
            Assert.DoesNotContain("action=\"/signout\"", html);
            Assert.DoesNotContain(password, html); // the password is not echoed back
        }
    }

    [Fact]
    public async Task SignIn_InEnglish_ShowsEnglishLabelsAndError()
    {
        var client = factory.CreateClient();
        var response = await HtmlForms.SubmitAsync(client, "/signin?culture=en", "signin", Credentials("nobody", "nothing"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Staff sign-in", html);
        Assert.Contains("Wrong user name or password", html);
        Assert.Contains("Demo accounts", html);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_AndRequiresTheAntiforgeryToken()
    {
        var staff = await factory.SeedStaffAsync(displayName: "赵文书", roles: "clerk");
        var client = factory.CreateClient();
        var home = await (await HtmlForms.SubmitAsync(client, "/signin", "signin", Credentials(staff.UserName, staff.Password))).Content.ReadAsStringAsync();
        Assert.Contains("赵文书", home);

        var forged = await client.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("赵文书", await client.GetStringAsync("/"));

        var signedOut = await client.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(home),
        }));
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Equal("/", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        var after = await signedOut.Content.ReadAsStringAsync();
        Assert.DoesNotContain("赵文书", after);
        Assert.Contains("href=\"/signin\"", after);
    }

    [Fact]
    public async Task SignInPage_InDevelopment_ListsDemoAccounts()
    {
        var staff = await factory.SeedStaffAsync(displayName: "陈演示", organisationName: "演示区中心医院");
        var html = await factory.CreateClient().GetStringAsync("/signin");

        Assert.Contains("演示账号", html);
        Assert.Contains(staff.UserName, html);
        // The organisation's name is stored data, marked Chinese for the English page; its type is the page's language.
        Assert.Matches("<span lang=\"zh-CN\"[^>]*>演示区中心医院</span>（医院）", html);
        Assert.Contains("demo-secret", html);
    }
}

public sealed class SignInPageInProductionTests : IDisposable
{
    private readonly HereafterFactory _factory = new() { EnvironmentName = "Production" };

    [Fact]
    public async Task SignInPage_OutsideDevelopment_ListsNoAccounts()
    {
        var staff = await _factory.SeedStaffAsync(organisationName: "生产区医院");
        var html = await _factory.CreateClient().GetStringAsync("/signin");

        Assert.Contains("工作人员登录", html);
        Assert.DoesNotContain("演示账号", html);
        Assert.DoesNotContain(staff.UserName, html);
        Assert.DoesNotContain("demo-secret", html);
    }

    [Fact]
    public async Task SignIn_WorksOutsideDevelopment()
    {
        var staff = await _factory.SeedStaffAsync(displayName: "周正式");
        var response = await HtmlForms.SubmitAsync(_factory.CreateClient(), "/signin", "signin",
            new Dictionary<string, string> { ["Input.UserName"] = staff.UserName, ["Input.Password"] = staff.Password });
        Assert.Contains("周正式", await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _factory.Dispose();
}
