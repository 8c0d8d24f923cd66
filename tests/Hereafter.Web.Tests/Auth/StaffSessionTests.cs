using System.Net;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hereafter.Web.Tests.Auth;

/// <summary>
/// A staff session is re-checked against the account at least every minute: disabling the account or changing its
/// roles ends every open session within a minute, while an unchanged account stays signed in.
/// </summary>
public sealed class StaffSessionTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private const string SupervisionPage = "/supervision/certificates";

    private (WebApplicationFactory<Program> App, FakeTimeProvider Clock) WithClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        return (app, clock);
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, TestStaff.Seeded staff)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await HtmlForms.SubmitAsync(client, "/signin", "signin",
            new Dictionary<string, string> { ["Input.UserName"] = staff.UserName, ["Input.Password"] = staff.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(staff.DisplayName, await client.GetStringAsync("/"));
        return client;
    }

    private static async Task<bool> SignedInAsync(HttpClient client, TestStaff.Seeded staff)
    {
        var html = await client.GetStringAsync("/");
        return html.Contains(staff.DisplayName) && html.Contains("action=\"/signout\"");
    }

    private static async Task ChangeAsync(WebApplicationFactory<Program> app, Func<StaffAccountAdministration, Task> change)
    {
        using var scope = app.Services.CreateScope();
        await change(scope.ServiceProvider.GetRequiredService<StaffAccountAdministration>());
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsOpenSession_WithinAMinute()
    {
        var (app, clock) = WithClock();
        using var _ = app;
        var staff = await app.SeedStaffAsync(displayName: "停用测试员");
        var client = await SignInAsync(app, staff);

        await ChangeAsync(app, a => a.DisableAsync(staff.AccountId));
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await SignedInAsync(client, staff)); // checked less than a minute ago: still the old session

        clock.Advance(TimeSpan.FromSeconds(31));
        var home = await client.GetAsync("/");
        Assert.Contains(home.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hereafter.auth=;", StringComparison.Ordinal));
        var html = await home.Content.ReadAsStringAsync();
        Assert.DoesNotContain(staff.DisplayName, html);
        Assert.Contains("href=\"/signin\"", html);
        Assert.False(await SignedInAsync(client, staff));

        // And the disabled account cannot sign in again: the same answer as a wrong password.
        var again = await HtmlForms.SubmitAsync(app.CreateClient(), "/signin", "signin",
            new Dictionary<string, string> { ["Input.UserName"] = staff.UserName, ["Input.Password"] = staff.Password });
        Assert.Contains("用户名或密码错误", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ChangingRoles_EndsTheSession_WithinAMinute_AndTheNextSignInHasTheNewRoles()
    {
        var (app, clock) = WithClock();
        using var _ = app;
        var staff = await app.SeedStaffAsync(displayName: "角色测试员", organisationType: OrganisationType.CivilAffairs,
            organisationName: "测试市民政局", roles: Roles.Supervisor);
        var client = await SignInAsync(app, staff);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SupervisionPage)).StatusCode);

        await ChangeAsync(app, a => a.ChangeRolesAsync(staff.AccountId, [Roles.Clerk]));
        clock.Advance(TimeSpan.FromSeconds(61));

        var page = await client.GetAsync(SupervisionPage);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        Assert.False(await SignedInAsync(client, staff));

        var fresh = await SignInAsync(app, staff);
        var me = await fresh.GetStringAsync("/");
        Assert.Contains(staff.DisplayName, me);
        using var scope = app.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<Hereafter.Web.Platform.Data.HereafterDbContext>()
            .Set<StaffAccount>().FindAsync(staff.AccountId);
        Assert.Equal(Roles.Clerk, account!.Roles);
    }

    [Fact]
    public async Task AnUnchangedAccount_StaysSignedIn_AcrossManyChecks()
    {
        var (app, clock) = WithClock();
        using var _ = app;
        var staff = await app.SeedStaffAsync(displayName: "常驻测试员");
        var client = await SignInAsync(app, staff);
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(90));
            Assert.True(await SignedInAsync(client, staff));
        }
    }

    [Fact]
    public async Task ACookieWithoutTheCurrentStamp_IsRejected_EvenAfterTheAccountIsEnabledAgain()
    {
        var (app, clock) = WithClock();
        using var _ = app;
        var staff = await app.SeedStaffAsync(displayName: "复用测试员");
        var client = await SignInAsync(app, staff);

        await ChangeAsync(app, a => a.DisableAsync(staff.AccountId));
        await ChangeAsync(app, a => a.EnableAsync(staff.AccountId));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await SignedInAsync(client, staff));
    }
}
