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

    [Theory]
    [InlineData("supervisor.zhou", null, "/supervision")]
    [InlineData("clerk.civil", null, "/supervision")]
    [InlineData("doctor.wang", null, "/")]
    [InlineData("funeral.liu", null, "/")]
    [InlineData("supervisor.zhou", "/supervision/custody", "/supervision/custody")]
    public async Task SigningIn_StartsWhereTheirWorkIs_UnlessAPageAskedForIt(string userName, string? returnUrl, string landing)
    {
        var client = factory.CreateClient();
        var signIn = returnUrl is null ? "/signin" : "/signin?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

        var response = await HtmlForms.SubmitAsync(client, signIn, "signin",
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = Hereafter.Web.Platform.Demo.DemoData.Secret });

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(landing, response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task SupervisorsMenu_IsGrouped_AndKeepsEveryLinkAndLabel()
    {
        var client = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = await client.GetStringAsync("/lookup");
        var menu = Between(html, "class=\"menu-groups", "</nav>");
        foreach (var group in new[] { "证明", "身后事", "应停未停", "殡葬价格" })
            Assert.Contains($">{group}</summary>", menu);
        foreach (var (href, label) in new[]
        {
            ("/supervision/certificates", "证明监管"), ("/lookup", "证明查询"), ("/supervision/cases", "身后事档案"),
            ("/supervision/reconciliation", "应停未停统计"), ("/supervision/prices", "调价审核"), ("/prices", "价格公示"), ("/api-docs", "接口文档"),
        })
            Assert.Matches($"<a [^>]*href=\"{href}\"[^>]*>{label}</a>", menu);
        // The supervision link sits inside the 证明 group, the price review inside 殡葬价格.
        Assert.True(menu.IndexOf(">证明</summary>", StringComparison.Ordinal) < menu.IndexOf("href=\"/supervision/certificates\"", StringComparison.Ordinal));
        Assert.True(menu.IndexOf(">殡葬价格</summary>", StringComparison.Ordinal) < menu.IndexOf("href=\"/supervision/prices\"", StringComparison.Ordinal));
        // The page being shown is marked in the menu.
        Assert.Contains("aria-current=\"page\"", menu);
        // A phone gets the same links behind one 菜单 button.
        Assert.Contains("<summary", Between(html, "class=\"menu-phone", "</details>"));
        Assert.Contains("菜单", Between(html, "class=\"menu-phone", "</details>"));
    }

    [Fact]
    public async Task HomePage_ListsTheMenusGroups()
    {
        var client = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var home = Between(await client.GetStringAsync("/"), "id=\"workspace\"", "</main>");
        var positions = new[] { "证明", "身后事", "应停未停", "殡葬价格" }
            .Select(g => home.IndexOf($">{g}</h3>", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.True(positions[0] < home.IndexOf("href=\"/supervision/certificates\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DoctorsMenu_HasOnlyTheirGroups()
    {
        var client = await SignedIn.AsAsync(factory, "doctor.wang");
        var menu = Between(await client.GetStringAsync("/"), "class=\"menu-groups", "</nav>");
        Assert.Contains(">证明</summary>", menu);
        Assert.DoesNotContain(">应停未停</summary>", menu);
        // A group of one page is that page's link, not a group to open.
        Assert.DoesNotContain(">殡葬价格</summary>", menu);
        Assert.Matches("<a [^>]*href=\"/prices\"[^>]*>价格公示</a>", menu);
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{start} not found");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return html[from..(to < 0 ? html.Length : to)];
    }

    [Fact]
    public async Task Menu_ShowsNameAndOrganisation_AndSignOut()
    {
        var client = await SignedIn.AsAsync(factory, "funeral.liu");
        var html = await client.GetStringAsync("/lookup");
        Assert.Matches("<span class=\"who\" lang=\"zh-CN\"[^>]*>刘洋（业务调度）</span>", html);
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
        Assert.Contains(">Certificates</summary>", html);
        Assert.Contains(">Menu</summary>", html);
    }
}
