using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hereafter.Web.Tests.Auth;

/// <summary>
/// Five wrong passwords for one user name within 15 minutes lock it for 15 minutes, on every node (the count is in
/// the database). An unknown user name locks the same way, so the page never tells whether an account exists.
/// </summary>
public sealed class SignInLockoutTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private const string WrongCredentials = "用户名或密码错误";
    private const string Locked = "登录失败次数过多，该用户名已暂时锁定，请 15 分钟后再试。";

    private (WebApplicationFactory<Program> App, FakeTimeProvider Clock) WithClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return (factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock))), clock);
    }

    private static async Task<string> TryAsync(WebApplicationFactory<Program> app, string user, string password)
    {
        var response = await HtmlForms.SubmitAsync(app.CreateClient(), "/signin", "signin",
            new Dictionary<string, string> { ["Input.UserName"] = user, ["Input.Password"] = password });
        return await response.Content.ReadAsStringAsync();
    }

    private static bool SignedIn(string html) => html.Contains("action=\"/signout\"");

    [Fact]
    public async Task FiveFailures_LockTheName_ForFifteenMinutes_EvenForTheRightPassword()
    {
        var (app, clock) = WithClock();
        using var _ = app;
        var staff = await app.SeedStaffAsync(displayName: "锁定测试员");

        for (var i = 1; i < SignInLockout.MaxFailures; i++)
        {
            var html = await TryAsync(app, staff.UserName, "wrong-" + i);
            Assert.Contains(WrongCredentials, html);
            Assert.DoesNotContain(Locked, html);
        }
        var fifth = await TryAsync(app, staff.UserName, "wrong-5");
        Assert.Contains(Locked, fifth);
        Assert.DoesNotContain(WrongCredentials, fifth);

        var right = await TryAsync(app, staff.UserName, staff.Password);
        Assert.Contains(Locked, right);
        Assert.False(SignedIn(right));
        // The lock is on the name, whatever its case.
        Assert.Contains(Locked, await TryAsync(app, staff.UserName.ToUpperInvariant(), staff.Password));

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Contains(Locked, await TryAsync(app, staff.UserName, staff.Password));

        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var after = await TryAsync(app, staff.UserName, staff.Password);
        Assert.True(SignedIn(after));
        Assert.Contains(staff.DisplayName, after);
    }

    [Fact]
    public async Task AnUnknownName_LocksTheSameWay()
    {
        var (app, _) = WithClock();
        using var __ = app;
        var nobody = "nobody-" + Guid.NewGuid().ToString("n")[..8];
        for (var i = 1; i < SignInLockout.MaxFailures; i++) Assert.Contains(WrongCredentials, await TryAsync(app, nobody, "guess-" + i));
        Assert.Contains(Locked, await TryAsync(app, nobody, "guess-5"));
        Assert.Contains(Locked, await TryAsync(app, nobody, "guess-6"));
    }

    [Fact]
    public async Task ASuccessfulSignIn_ClearsTheCount_AndSlowFailuresDoNotAddUp()
    {
        var (app, clock) = WithClock();
        using var _ = app;
        var staff = await app.SeedStaffAsync();

        for (var i = 1; i < SignInLockout.MaxFailures; i++) await TryAsync(app, staff.UserName, "wrong");
        Assert.True(SignedIn(await TryAsync(app, staff.UserName, staff.Password)));
        for (var i = 1; i < SignInLockout.MaxFailures; i++) Assert.Contains(WrongCredentials, await TryAsync(app, staff.UserName, "wrong"));

        // Failures more than 15 minutes apart start counting again.
        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Contains(WrongCredentials, await TryAsync(app, staff.UserName, "wrong"));
        Assert.True(SignedIn(await TryAsync(app, staff.UserName, staff.Password)));
    }

    [Fact]
    public async Task ConcurrentFailures_AllCount()
    {
        var (app, _) = WithClock();
        using var __ = app;
        var staff = await app.SeedStaffAsync();
        // Real concurrent posts (on PostgreSQL on several connections at once): none is lost, none fails.
        var pages = await Task.WhenAll(Enumerable.Range(1, SignInLockout.MaxFailures).Select(i => TryAsync(app, staff.UserName, "wrong-" + i)));
        Assert.All(pages, html => Assert.True(html.Contains(WrongCredentials) || html.Contains(Locked)));
        Assert.Contains(Locked, await TryAsync(app, staff.UserName, staff.Password));
    }

    [Fact]
    public async Task TheLockout_HoldsOnAnotherNode()
    {
        var (app, _) = WithClock();
        using var __ = app;
        var staff = await app.SeedStaffAsync();
        for (var i = 1; i <= SignInLockout.MaxFailures; i++) await TryAsync(app, staff.UserName, "wrong");

        // Another web node: another host over the same database.
        using var other = factory.WithWebHostBuilder(_ => { });
        Assert.Contains(Locked, await TryAsync(other, staff.UserName, staff.Password));
    }
}
