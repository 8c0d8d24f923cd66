using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Hereafter.Web.Tests.Pricing;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>
/// The standards pages as people use them: the public list and page (anonymous, briefly cacheable, Chinese or English
/// chrome), and the bureau's editor (new page, field errors in the summary, preview, save as a version, history, an old
/// version, restoring it, and the edit conflict that keeps the typed text).
/// </summary>
public sealed partial class StandardsPagesTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static string NewSlug() => "test-" + Guid.NewGuid().ToString("N")[..10];

    private async Task<string> CreateAsync(string title, string body, bool published = true)
    {
        var slug = NewSlug();
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        (await bureau.PutAsJsonAsync($"/api/v1/memorial/standards/{slug}", new { title, body, published, baseVersion = 0 })).EnsureSuccessStatusCode();
        return slug;
    }

    private static Dictionary<string, string> Form(string? title, string? body, string action = "save", bool published = true, string? slug = null)
    {
        var fields = new Dictionary<string, string> { ["Edit.Action"] = action };
        if (title is not null) fields["Edit.Title"] = title;
        if (body is not null) fields["Edit.Body"] = body;
        if (published) fields["Edit.Published"] = "true";
        if (slug is not null) fields["Edit.Slug"] = slug;
        return fields;
    }

    [Fact]
    public async Task PublicList_ShowsThePublishedPages_ToAnyone_CacheableForAMinute()
    {
        var anyone = factory.CreateClient();
        var response = await anyone.GetAsync(MemorialPages.Standards);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>丧事简办</h1>", html);
        Assert.Contains("href=\"/standards/wenming-jisao\"", html);
        Assert.Contains("<strong lang=\"zh-CN\">文明祭扫须知</strong>", html);
        Assert.Contains("<strong lang=\"zh-CN\">节地生态安葬奖补</strong>", html);
        Assert.Matches("更新于 \\d{4}-\\d{2}-\\d{2}", html);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());
        Assert.Contains("Cookie", response.Headers.Vary);
        Assert.DoesNotContain("/standards/manage", html);
        PageLanguage.AssertIn(html, "zh-CN", MemorialPages.Standards);

        (await anyone.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        var english = await anyone.GetStringAsync(MemorialPages.Standards);
        Assert.Contains("<h1>Simple funerals</h1>", english);
        Assert.Matches("Updated \\d{4}-\\d{2}-\\d{2}", english);
        PageLanguage.AssertIn(english, "en", MemorialPages.Standards);
    }

    [Fact]
    public async Task PublicPage_ShowsTheCurrentVersion_RenderedAndSanitised()
    {
        var slug = await CreateAsync("文明祭扫须知", "## 预约\n- 提前预约\n\n<script>alert('x')</script>\n\n[点我](javascript:alert(1)) 和 [价格公示](/prices)\n\n| 时段 | 建议 |\n| --- | --- |\n| 上午 | 人少 |");
        var anyone = factory.CreateClient();

        var response = await anyone.GetAsync(MemorialPages.Standard(slug));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 lang=\"zh-CN\">文明祭扫须知</h1>", html);
        Assert.Contains($"更新于 {ChinaTime.Date(DateTimeOffset.UtcNow)}", html);
        var article = Regex.Match(html, "<article class=\"standard-body\" lang=\"zh-CN\">(.*?)</article>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<h2>预约</h2>", article);
        Assert.Contains("<li>提前预约</li>", article);
        Assert.Contains("<table>", article);
        Assert.Contains("<a href=\"/prices\">价格公示</a>", article);
        Assert.DoesNotContain("<script", article);
        Assert.DoesNotContain("javascript:alert", article.Replace("&lt;script&gt;alert('x')&lt;/script&gt;", ""));
        Assert.Contains("&lt;script&gt;", article);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());

        (await anyone.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        var english = await anyone.GetStringAsync(MemorialPages.Standard(slug));
        Assert.Contains("Updated ", english);
        PageLanguage.AssertIn(english, "en", MemorialPages.Standard(slug));
    }

    [Fact]
    public async Task UnknownAndUnpublishedPages_Answer404_WithAMessage()
    {
        var draft = await CreateAsync("草稿", "尚未公开", published: false);
        var anyone = factory.CreateClient();
        foreach (var slug in new[] { "no-such-page", draft })
        {
            var response = await anyone.GetAsync(MemorialPages.Standard(slug));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("没有这个标准页面", html);
            Assert.DoesNotContain("尚未公开", html);
        }
        Assert.DoesNotContain(draft, await anyone.GetStringAsync(MemorialPages.Standards));
    }

    [Fact]
    public async Task SignedInStaff_AreNotCachedByProxies_AndTheBureauGetsAnEditLink()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var response = await supervisor.GetAsync(MemorialPages.Standard("wenming-jisao"));
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.False(response.Headers.CacheControl.Public);
        Assert.Contains($"href=\"{MemorialPages.EditStandard("wenming-jisao")}\"", await response.Content.ReadAsStringAsync());
        var cemetery = await SignedIn.AsAsync(factory, "cemetery.sun");
        Assert.DoesNotContain("/standards/manage", await cemetery.GetStringAsync(MemorialPages.Standard("wenming-jisao")));
    }

    [Theory]
    [InlineData("cemetery.sun")]
    [InlineData("funeral.liu")]
    public async Task TheEditor_IsForCivilAffairsOnly(string user)
    {
        var client = await SignedIn.AsAsync(factory, user);
        foreach (var page in new[] { MemorialPages.EditStandards, MemorialPages.NewStandard, MemorialPages.EditStandard("wenming-jisao"), MemorialPages.StandardVersion("wenming-jisao", 1) })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("丧事简办标准页面由民政部门编辑。", html);
            Assert.DoesNotContain("文明祭扫须知", html);
        }
        Assert.DoesNotContain($"href=\"{MemorialPages.EditStandards}\"", await client.GetStringAsync("/"));
        var anonymous = await factory.CreateClient().GetAsync(MemorialPages.EditStandards);
        Assert.Contains("/signin", anonymous.RequestMessage!.RequestUri!.ToString());
    }

    [Fact]
    public async Task Menu_LinksTheBureauToItsPages_AndEveryoneToThePublicPages()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var home = await supervisor.GetStringAsync("/");
        Assert.Contains($"href=\"{MemorialPages.EditStandards}\"", home);
        Assert.Contains($"href=\"{MemorialPages.Supervision}\"", home);
        Assert.Contains("纪念服务", home);
        var clerk = await SignedIn.AsAsync(factory, "clerk.civil");
        Assert.Contains($"href=\"{MemorialPages.EditStandards}\"", await clerk.GetStringAsync("/"));

        var anonymous = await factory.CreateClient().GetStringAsync("/");
        var menu = anonymous[anonymous.IndexOf("menu-anonymous", StringComparison.Ordinal)..];
        Assert.Contains($"href=\"{MemorialPages.Standards}\"", menu[..menu.IndexOf("</nav>", StringComparison.Ordinal)]);
        Assert.Contains($"href=\"{MemorialPages.Standards}\"", anonymous[anonymous.IndexOf("<main", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task ManagePage_ListsEveryPage_WithItsVersionAndWhoSavedIt()
    {
        var draft = await CreateAsync("未公开的草稿", "草稿正文", published: false);
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = await supervisor.GetStringAsync(MemorialPages.EditStandards);

        var sweeping = Regex.Match(html, "<li data-slug=\"wenming-jisao\">.*?</li>", RegexOptions.Singleline).Value;
        Assert.Contains("文明祭扫须知", sweeping);
        Assert.Contains("第 2 版", sweeping);
        Assert.Contains("周文静（监管）", sweeping);
        Assert.Contains("status-published", sweeping);
        var unpublished = Regex.Match(html, $"<li data-slug=\"{draft}\">.*?</li>", RegexOptions.Singleline).Value;
        Assert.Contains("status-unpublished", unpublished);
        Assert.Contains("未公开", unpublished);
        Assert.Contains($"href=\"{MemorialPages.NewStandard}\"", html);
    }

    [Fact]
    public async Task NewPage_WithMistakes_ListsThemAtTheTop_LinkedToTheFields_AndKeepsTheText()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var response = await HtmlForms.SubmitAsync(supervisor, MemorialPages.NewStandard, "standard", Form(title: "", body: "## 正文保留", slug: "Wenming Jisao"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("有 2 处需要修改", html);
        Assert.Contains($"href=\"{MemorialPages.NewStandard}#Edit-Slug\"", html);
        Assert.Contains($"href=\"{MemorialPages.NewStandard}#Edit-Title\"", html);
        Assert.Contains("页面地址只能包含小写英文字母、数字和连字符（-），不能包含“ ”", html);
        Assert.Matches("id=\"Edit-Title-error\"[^>]*>请填写标题<", html);
        Assert.Contains("## 正文保留</textarea>", html);
        Assert.Contains("value=\"Wenming Jisao\"", html);

        var reserved = await (await HtmlForms.SubmitAsync(supervisor, MemorialPages.NewStandard, "standard", Form("标题", "正文", slug: "manage"))).Content.ReadAsStringAsync();
        Assert.Contains("“manage”是平台自用的地址，请换一个", reserved);
        var taken = await (await HtmlForms.SubmitAsync(supervisor, MemorialPages.NewStandard, "standard", Form("标题", "正文", slug: "wenming-jisao"))).Content.ReadAsStringAsync();
        Assert.Contains("地址“wenming-jisao”已被页面“文明祭扫须知”使用，请换一个", taken);
    }

    [Fact]
    public async Task Preview_ShowsTheRenderedPage_AndSavesNothing()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var slug = NewSlug();
        var html = await (await HtmlForms.SubmitAsync(supervisor, MemorialPages.NewStandard, "standard",
            Form("预览测试", "## 小标题\n**加粗**<img src=x onerror=alert(1)>", action: "preview", slug: slug))).Content.ReadAsStringAsync();

        var preview = Regex.Match(html, "<section class=\"standard-preview\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("预览（尚未保存）", preview);
        Assert.Contains("<h2>小标题</h2>", preview);
        Assert.Contains("<strong>加粗</strong>", preview);
        Assert.DoesNotContain("<img", preview);
        Assert.DoesNotContain("error-summary", html);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/v1/memorial/standards/{slug}")).StatusCode);
        Assert.DoesNotContain(slug, await supervisor.GetStringAsync(MemorialPages.EditStandards));
    }

    [Fact]
    public async Task NewPage_Saved_OpensItsEditor_WithTheNotice_AndItsHistory()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var slug = NewSlug();
        var response = await HtmlForms.SubmitAsync(supervisor, MemorialPages.NewStandard, "standard", Form("  骨灰撒散须知  ", "## 时间\n每月第一个周六。", slug: slug));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal($"{MemorialPages.EditStandard(slug)}?saved=1", response.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("已保存为第 1 版。", html);
        Assert.Contains("name=\"Edit.BaseVersion\" value=\"1\"", html);
        var history = Regex.Match(html, "<li data-version=\"1\">.*?</li>", RegexOptions.Singleline).Value;
        Assert.Contains("周文静（监管）", history);
        Assert.Contains("当前版本", history);
        Assert.Contains(ChinaTime.Date(DateTimeOffset.UtcNow), history);
        Assert.Contains("骨灰撒散须知", await factory.CreateClient().GetStringAsync(MemorialPages.Standard(slug)));
    }

    [Fact]
    public async Task EditConflict_KeepsTheTypedText_ShowsTheirVersionAndTime_AndTheNextSaveGoesOnTopOfIt()
    {
        var slug = await CreateAsync("殡葬服务指南", "原文");
        var zhou = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var wu = await SignedIn.AsAsync(factory, "clerk.civil");
        var url = MemorialPages.EditStandard(slug);
        var wusPage = await wu.GetStringAsync(url);

        (await HtmlForms.SubmitAsync(zhou, url, "standard", Form("殡葬服务指南", "周的修改"))).EnsureSuccessStatusCode();
        var refused = await HtmlForms.SubmitAsync(wu, url, wusPage, "standard", Form("殡葬服务指南", "吴的修改，写了很久"));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Contains("error-summary", html);
        Assert.Matches("您编辑期间，周文静（监管）已于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 保存了第 2 版，您的修改尚未保存。", html);
        Assert.Contains("吴的修改，写了很久</textarea>", html);
        var theirs = Regex.Match(html, "<section class=\"standard-preview standard-theirs\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("当前的第 2 版", theirs);
        Assert.Contains("周的修改", theirs);
        Assert.Contains("name=\"Edit.BaseVersion\" value=\"2\"", html);
        var current = await factory.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/memorial/standards/{slug}");
        Assert.Equal("周的修改", current.GetProperty("markdown").GetString());

        var again = await HtmlForms.SubmitAsync(wu, url, html, "standard", Form("殡葬服务指南", "吴的修改，写了很久"));
        Assert.Contains("已保存为第 3 版。", await again.Content.ReadAsStringAsync());
        var history = await wu.GetStringAsync(url);
        Assert.Contains("吴婷（社会救助）", Regex.Match(history, "<li data-version=\"3\">.*?</li>", RegexOptions.Singleline).Value);
        Assert.Contains("周文静（监管）", Regex.Match(history, "<li data-version=\"2\">.*?</li>", RegexOptions.Singleline).Value);
    }

    [Fact]
    public async Task AnOldVersion_CanBeViewed_AndRestoredAsANewVersion()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = await supervisor.GetStringAsync(MemorialPages.StandardVersion("wenming-jisao", 1));

        Assert.Contains("<h1>第 1 版</h1>", html);
        Assert.Contains("吴婷（社会救助）", html);
        Assert.Contains("当前为第 2 版", html);
        Assert.DoesNotContain("代祭扫", Regex.Match(html, "<article.*?</article>", RegexOptions.Singleline).Value);
        Assert.Contains("<pre class=\"standard-source\" lang=\"zh-CN\">清明、冬至", html);
        var restore = $"{MemorialPages.EditStandard("wenming-jisao")}?from=1";
        Assert.Contains($"href=\"{restore.Replace("&", "&amp;")}\"", html);

        var editor = await supervisor.GetStringAsync(restore);
        Assert.Contains("下面的内容取自第 1 版", editor);
        Assert.Contains("name=\"Edit.BaseVersion\" value=\"2\"", editor);
        Assert.DoesNotContain("## 代祭扫", Regex.Match(editor, "<textarea.*?</textarea>", RegexOptions.Singleline).Value);

        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync(MemorialPages.StandardVersion("wenming-jisao", 9))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync(MemorialPages.EditStandard("no-such-page"))).StatusCode);
    }

    [Fact]
    public async Task TheBureausPages_InEnglish_HaveNoChineseOutsideWhatWasWritten()
    {
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        (await supervisor.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        foreach (var page in new[] { MemorialPages.EditStandards, MemorialPages.NewStandard, MemorialPages.EditStandard("wenming-jisao"), MemorialPages.StandardVersion("wenming-jisao", 1) })
        {
            var html = await supervisor.GetStringAsync(page);
            PageLanguage.AssertIn(html, "en", page);
        }
        Assert.Contains("Standards pages", await supervisor.GetStringAsync(MemorialPages.EditStandards));
    }
}
