using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Pages;

/// <summary>The home page and the menu offer each organisation its own pages and no others.</summary>
public sealed class HomeAndNavigationTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Theory]
    [InlineData("doctor.wang", new[] { "/certificates", "/certificates/new", "/api-docs" }, new[] { "/supervision/certificates", "/lookup" })]
    [InlineData("supervisor.zhou", new[] { "/supervision/certificates", "/lookup", "/api-docs" }, new[] { "/certificates/new" })]
    [InlineData("bank.icbc", new[] { "/lookup", "/api-docs" }, new[] { "/certificates", "/supervision/certificates" })]
    [InlineData("funeral.liu", new[] { "/lookup", "/api-docs" }, new[] { "/certificates", "/supervision/certificates" })]
    [InlineData("officer.huang", new[] { "/lookup", "/certificates" }, new[] { "/certificates/new", "/supervision/certificates" })]
    public async Task SignedIn_SeesTheLinksOfTheirOrganisation(string userName, string[] shown, string[] hidden)
    {
        var client = await SignedIn.AsAsync(factory, userName);
        var html = await client.GetStringAsync("/");
        foreach (var href in shown) Assert.Contains($"href=\"{href}\"", html);
        foreach (var href in hidden) Assert.DoesNotContain($"href=\"{href}\"", html);
        Assert.Contains("您的工作台", html);
    }

    [Fact]
    public async Task Menu_ShowsNameAndOrganisation_AndSignOut()
    {
        var client = await SignedIn.AsAsync(factory, "funeral.liu");
        var html = await client.GetStringAsync("/lookup");
        Assert.Contains("<span class=\"who\">刘洋（业务调度）</span>", html);
        Assert.Contains("贵阳市殡仪馆", html);
        Assert.Contains("action=\"/signout\"", html);
        Assert.Contains("证明查询", html);
    }

    [Fact]
    public async Task Anonymous_SeesWhatThePlatformDoes_AndSignIn()
    {
        var html = await factory.CreateClient().GetStringAsync("/");
        Assert.Contains("让数据跑路", html);
        Assert.Contains("href=\"/signin\"", html); // the menu's sign-in link
        Assert.Contains("href=\"/api-docs\"", html);
        Assert.DoesNotContain("href=\"/lookup\"", html);
    }

    [Fact]
    public async Task InEnglish_TheLinksAreEnglish()
    {
        var client = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = await client.GetStringAsync("/?culture=en");
        Assert.Contains("Certificate supervision", html);
        Assert.Contains("Certificate lookup", html);
        Assert.Contains("Your workspace", html);
    }
}
