using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>
/// The bureau's systems save standards pages through <c>PUT /api/v1/memorial/standards/{slug}</c>; anyone reads the
/// published ones. Every save is a version with who and when; a save on top of a replaced version is 409 and writes nothing.
/// </summary>
public sealed class StandardsApiTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static string NewSlug() => "test-" + Guid.NewGuid().ToString("N")[..10];

    private static object Page(string title = "文明祭扫须知", string body = "## 预约\n请提前预约。", bool published = true, int? baseVersion = 0) =>
        new { title, body, published, baseVersion };

    [Fact]
    public async Task Create_ThenEdit_KeepsEveryVersion_WithWhoAndWhen()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var slug = NewSlug();

        var created = await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(body: "第一版"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = await created.JsonAsync();
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal($"/standards/{slug}", first.GetProperty("url").GetString());
        Assert.Equal($"/standards/{slug}", created.Headers.Location!.OriginalString);

        var edited = await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(title: "文明祭扫须知（修订）", body: "第二版", baseVersion: 1));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(2, (await edited.JsonAsync()).GetProperty("version").GetInt32());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var page = await db.Set<StandardPage>().SingleAsync(p => p.Slug == slug);
        var versions = await db.Set<StandardVersion>().Where(v => v.PageId == page.Id).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(["第一版", "第二版"], versions.Select(v => v.Body));
        Assert.All(versions, v => Assert.False(string.IsNullOrEmpty(v.SavedBy)));
        Assert.All(versions, v => Assert.True(v.SavedAt > DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.Equal(2, page.CurrentVersion);
        Assert.Equal("文明祭扫须知（修订）", page.Title);

        var read = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/memorial/standards/{slug}");
        Assert.Equal(2, read.GetProperty("version").GetInt32());
        Assert.Equal("第二版", read.GetProperty("markdown").GetString());
        Assert.Equal("<p>第二版</p>", read.GetProperty("html").GetString()!.Trim());
        Assert.False(read.TryGetProperty("savedBy", out _));
    }

    [Fact]
    public async Task SaveOnTopOfAReplacedVersion_Is409_NamingTheWinner_AndWritesNothing()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var slug = NewSlug();
        (await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(body: "原文"))).EnsureSuccessStatusCode();
        (await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(body: "甲的修改", baseVersion: 1))).EnsureSuccessStatusCode();

        var late = await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(body: "乙的修改", baseVersion: 1));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var problem = await late.JsonAsync();
        Assert.Equal("memorial.standards.changed-meanwhile", problem.GetProperty("code").GetString());
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("savedBy").GetString()));
        Assert.Contains("第 2 版", problem.GetProperty("detail").GetString());
        var current = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/memorial/standards/{slug}");
        Assert.Equal("甲的修改", current.GetProperty("markdown").GetString());
        Assert.Equal(2, current.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task ConcurrentSaves_OnTheSameVersion_OneWins_TheOthersGet409()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var slug = NewSlug();
        (await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(body: "原文"))).EnsureSuccessStatusCode();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(body: $"修改 {i}", baseVersion: 1))));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var page = await db.Set<StandardPage>().SingleAsync(p => p.Slug == slug);
        Assert.Equal(2, await db.Set<StandardVersion>().CountAsync(v => v.PageId == page.Id));
        Assert.Equal(2, page.CurrentVersion);
    }

    [Fact]
    public async Task ConcurrentCreations_OfOneAddress_MakeOnePage()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var slug = NewSlug();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(body: $"版本 {i}"))));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        var refused = await answers.First(a => a.StatusCode == HttpStatusCode.BadRequest).JsonAsync();
        Assert.Equal("memorial.standards.slug.taken", refused.GetProperty("errorCodes").GetProperty("slug")[0].GetString());
    }

    [Theory]
    [InlineData("Wenming-Jisao", "memorial.standards.slug.upper-case", "wenming-jisao")]
    [InlineData("wenming_jisao", "memorial.standards.slug.invalid-character", "“_”")]
    [InlineData("wenming--jisao", "memorial.standards.slug.double-hyphen", "--")]
    [InlineData("-jisao", "memorial.standards.slug.edge-hyphen", "-")]
    [InlineData("manage", "memorial.standards.slug.reserved", "manage")]
    [InlineData("%E6%96%87%E6%98%8E", "memorial.standards.slug.invalid-character", "“文”")]
    public async Task BadAddresses_AreRefused_WithTheirOwnMessage(string slug, string code, string shown)
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var answer = await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page());
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.JsonAsync();
        Assert.Equal(code, problem.GetProperty("errorCodes").GetProperty("slug")[0].GetString());
        Assert.Contains(shown, problem.GetProperty("errors").GetProperty("slug")[0].GetString());
    }

    [Fact]
    public async Task EmptyTitleAndBody_AndATooLongBody_AreFieldErrors_AndNothingIsSaved()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var slug = NewSlug();

        var empty = await (await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(title: "  ", body: "\n  \n"))).JsonAsync();
        Assert.Equal("memorial.standards.title.required", empty.GetProperty("errorCodes").GetProperty("title")[0].GetString());
        Assert.Equal("memorial.standards.body.required", empty.GetProperty("errorCodes").GetProperty("body")[0].GetString());

        var tooLong = await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(body: new string('字', StandardLimits.BodyLength + 1)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var problem = await tooLong.JsonAsync();
        Assert.Equal("memorial.standards.body.too-long", problem.GetProperty("errorCodes").GetProperty("body")[0].GetString());
        Assert.Contains("50001", problem.GetProperty("errors").GetProperty("body")[0].GetString());

        var title = await (await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(title: "第一行\n第二行"))).JsonAsync();
        Assert.Equal("memorial.standards.title.forbidden-character", title.GetProperty("errorCodes").GetProperty("title")[0].GetString());

        var control = await (await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(body: "第一段\u0007\n\t第二段"))).JsonAsync();
        Assert.Equal("memorial.standards.body.forbidden-character", control.GetProperty("errorCodes").GetProperty("body")[0].GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/v1/memorial/standards/{slug}")).StatusCode);
        var tabsAndLines = await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{NewSlug()}", Page(body: "第一段\r\n\t第二段\n"));
        Assert.Equal(HttpStatusCode.Created, tabsAndLines.StatusCode);
        var atTheLimit = await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(body: new string('字', StandardLimits.BodyLength)));
        Assert.Equal(HttpStatusCode.Created, atTheLimit.StatusCode);
    }

    [Fact]
    public async Task AnExistingAddress_CannotBeCreatedAgain_AndAnUnknownPageCannotBeEdited()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var slug = NewSlug();
        (await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(title: "节地生态安葬奖补"))).EnsureSuccessStatusCode();

        var again = await (await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page())).JsonAsync();
        Assert.Equal("memorial.standards.slug.taken", again.GetProperty("errorCodes").GetProperty("slug")[0].GetString());
        Assert.Contains("节地生态安葬奖补", again.GetProperty("errors").GetProperty("slug")[0].GetString());

        var unknown = await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{NewSlug()}", Page(baseVersion: 3));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("memorial.standards.not-found", (await unknown.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task OnlyCivilAffairs_Saves()
    {
        var slug = NewSlug();
        var cemetery = await factory.ClientForAsync("demo-cemetery");
        var refused = await cemetery.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("memorial.standards.bureau-only", (await refused.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/v1/memorial/standards/{slug}")).StatusCode);
    }

    [Fact]
    public async Task AnUnpublishedPage_IsNotPublic_UntilAVersionPublishesIt()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var slug = NewSlug();
        (await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(title: "草稿中的页面", published: false))).EnsureSuccessStatusCode();
        var anyone = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/v1/memorial/standards/{slug}")).StatusCode);
        Assert.DoesNotContain(slug, await anyone.GetStringAsync("/api/v1/memorial/standards"));

        (await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", Page(title: "草稿中的页面", published: true, baseVersion: 1))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync($"/api/v1/memorial/standards/{slug}")).StatusCode);
        var list = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/memorial/standards");
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("slug").GetString() == slug && p.GetProperty("version").GetInt32() == 2);
    }

    [Fact]
    public async Task TheDemoPages_ArePublished()
    {
        var list = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/memorial/standards");
        var slugs = list.EnumerateArray().Select(p => p.GetProperty("slug").GetString()).ToList();
        Assert.Contains("sangshi-jianban", slugs);
        Assert.Contains("wenming-jisao", slugs);
        Assert.Contains("jiedi-shengtai-anzang", slugs);
        var sweeping = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/memorial/standards/wenming-jisao");
        Assert.Equal(2, sweeping.GetProperty("version").GetInt32());
        Assert.Contains("<table>", sweeping.GetProperty("html").GetString());
    }
}
