using System.Net;
using System.Text.RegularExpressions;
using Hereafter.Web.Modules.Memorial.Features.Standards;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>
/// The standards pages' Markdown → HTML (ADR 0034): what a page needs survives (headings, lists, tables, links,
/// emphasis), nothing that runs script or changes the page's look does, whether typed as Markdown, as raw HTML in the
/// Markdown, or fed to the sanitiser directly as HTML a parser might one day emit.
/// </summary>
public sealed class StandardsMarkdownTests
{
    private static readonly StandardsMarkdown Markdown = new();

    [Fact]
    public void Headings_Lists_Tables_Links_AndEmphasis_Survive()
    {
        var html = Markdown.ToHtml("""
            # 倡导文明节俭办丧事

            ## 一、丧事从简
            - 治丧时间一般不超过 3 天
            - 不燃放鞭炮

            1. 第一步
            2. 第二步

            **不举债办丧**，*厚养薄葬*，~~大操大办~~。

            | 安葬方式 | 奖补（元/例） |
            | --- | ---: |
            | 骨灰撒散 | 2000 |

            详见[价格公示](/prices)或 [民政部](https://www.mca.gov.cn/)，来信 <mailto:minzheng@example.cn>。
            """);

        Assert.Contains("<h2>倡导文明节俭办丧事</h2>", html);
        Assert.Contains("<h3>一、丧事从简</h3>", html);
        Assert.Contains("<ul>", html);
        Assert.Contains("<li>治丧时间一般不超过 3 天</li>", html);
        Assert.Contains("<ol>", html);
        Assert.Contains("<strong>不举债办丧</strong>", html);
        Assert.Contains("<em>厚养薄葬</em>", html);
        Assert.Contains("<del>大操大办</del>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<th>安葬方式</th>", html);
        Assert.Contains("<td style=\"text-align: right\">2000</td>", html);
        Assert.Contains("<a href=\"/prices\">价格公示</a>", html);
        Assert.Contains("<a href=\"https://www.mca.gov.cn/\">民政部</a>", html);
        Assert.Contains("href=\"mailto:minzheng@example.cn\"", html);
    }

    [Fact]
    public void Headings_StartAtH2_WhateverLevelTheAuthorBeganWith()
    {
        Assert.Contains("<h2>小标题</h2>", Markdown.ToHtml("## 小标题\n\n### 细目"));
        Assert.Contains("<h3>细目</h3>", Markdown.ToHtml("## 小标题\n\n### 细目"));
        Assert.Contains("<h2>只有三级</h2>", Markdown.ToHtml("### 只有三级"));
        Assert.DoesNotContain("<h1", Markdown.ToHtml("# 一级\n\n## 二级\n\n###### 六级"));
        Assert.Contains("<h6>六级</h6>", Markdown.ToHtml("# 一级\n\n###### 六级"));
    }

    [Fact]
    public void Emphasis_WorksNextToChinesePunctuation_AndALineBreakIsALineBreak()
    {
        var html = Markdown.ToHtml("提倡**鲜花祭扫**。\n不焚烧纸钱");
        Assert.Contains("<strong>鲜花祭扫</strong>。", html);
        Assert.Contains("<br", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>")]
    [InlineData("<style>body{display:none}</style>")]
    [InlineData("<div style=\"position:fixed;top:0;left:0;width:100%;height:100%\">假通知</div>")]
    [InlineData("<a href=\"javascript:alert(1)\">点我</a>")]
    [InlineData("<svg onload=alert(1)>")]
    public void RawHtmlTyped_InTheMarkdown_ShowsAsText_AndNeverAsAnElement(string typed)
    {
        var html = Markdown.ToHtml("通知\n\n" + typed + "\n\n结束");
        AssertNothingActive(html);
        // The bureau sees what it typed, as text.
        Assert.Contains("&lt;", html);
    }

    [Theory]
    [InlineData("[点我](javascript:alert(1))")]
    [InlineData("[点我](JavaScript:alert(1))")]
    [InlineData("[点我](  javascript:alert(1))")]
    [InlineData("[点我](java&#x09;script:alert(1))")]
    [InlineData("[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[点我](vbscript:msgbox(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[点我][x]\n\n[x]: javascript:alert(1)")]
    public void ScriptLinks_LoseTheirTarget_ButKeepTheirText(string markdown)
    {
        var html = Markdown.ToHtml(markdown);
        AssertNothingActive(html);
        Assert.DoesNotContain("href", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ImageMarkdown_AttributeBreakouts_DoNotBecomeAttributes()
    {
        var html = Markdown.ToHtml("![图\" onerror=\"alert(1)](x.png \"标题\" onerror=\"alert(1)\")\n\n[链接](/a\" onmouseover=\"alert(1))");
        AssertNothingActive(html);
        // No image element at all: pages carry no pictures from elsewhere (they would tell a third party who reads them).
        Assert.DoesNotContain("<img", html);
    }

    /// <summary>The sanitiser alone, given HTML directly: the second wall if Markdig ever let HTML through.</summary>
    [Theory]
    [InlineData("<p>正文</p><script>alert(1)</script>")]
    [InlineData("<p>正文<img src=x onerror=\"alert(1)\"></p>")]
    [InlineData("<p onclick=\"alert(1)\" onmouseover=\"alert(1)\">正文</p>")]
    [InlineData("<p>正文</p><iframe src=\"https://evil.example/\"></iframe>")]
    [InlineData("<p>正文</p><object data=\"x.swf\"></object><embed src=\"x.swf\">")]
    [InlineData("<p><a href=\"javascript:alert(1)\">正文</a></p>")]
    [InlineData("<p><a href=\"  jav&#x09;ascript:alert(1)\">正文</a></p>")]
    [InlineData("<p><a href=\"data:text/html,<script>alert(1)</script>\">正文</a></p>")]
    [InlineData("<p>正文</p><form action=\"https://evil.example/\"><input name=\"password\"><button>登录</button></form>")]
    [InlineData("<p>正文</p><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">")]
    [InlineData("<p>正文</p><base href=\"https://evil.example/\">")]
    [InlineData("<p>正文</p><link rel=\"stylesheet\" href=\"https://evil.example/x.css\">")]
    [InlineData("<svg><script>alert(1)</script></svg><math><mtext><script>alert(1)</script></mtext></math><p>正文</p>")]
    public void Sanitiser_RemovesEverythingThatRuns(string html)
    {
        var clean = Markdown.Sanitize(html);
        AssertNothingActive(clean);
        foreach (var tag in new[] { "<iframe", "<object", "<embed", "<form", "<input", "<meta", "<base", "<link", "<svg", "<math" })
            Assert.DoesNotContain(tag, clean, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("正文", clean);
    }

    [Theory]
    [InlineData("<p style=\"position:fixed;top:0;left:0;width:100%;height:100%;background:#fff\">正文</p>")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">正文</p>")]
    [InlineData("<p style=\"width:expression(alert(1))\">正文</p>")]
    [InlineData("<p style=\"behavior:url(x.htc);-moz-binding:url(x.xml#xss)\">正文</p>")]
    [InlineData("<p style=\"display:none\">正文</p>")]
    [InlineData("<style>@import url(https://evil.example/x.css); p{display:none}</style><p>正文</p>")]
    [InlineData("<p class=\"alert alert-success\" id=\"main\">正文</p>")]
    public void Sanitiser_RemovesStyleTricks_KeepingOnlyTableAlignment(string html)
    {
        var clean = Markdown.Sanitize(html);
        Assert.DoesNotContain("<style", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("class=", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("id=", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", clean, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("正文", clean);

        Assert.Contains("<td style=\"text-align: right\">1</td>",
            Markdown.Sanitize("<table><tbody><tr><td style=\"text-align: right; position: fixed\">1</td></tr></tbody></table>"));
    }

    /// <summary>
    /// Every element in <paramref name="html"/> is one Markdown makes, with only its attributes; a link goes to the web,
    /// a mail address, a phone number or this site; a style only aligns a table cell. Text that looks like a tag is
    /// escaped, so it is not an element.
    /// </summary>
    private static void AssertNothingActive(string html)
    {
        foreach (Match tag in Regex.Matches(html, "<(?<name>[a-zA-Z][a-zA-Z0-9]*)(?<attrs>[^>]*)>"))
        {
            Assert.Contains(tag.Groups["name"].Value.ToLowerInvariant(), Allowed);
            foreach (Match attribute in Regex.Matches(tag.Groups["attrs"].Value, "(?<name>[^\\s=\"'/]+)(?:\\s*=\\s*(?:\"(?<value>[^\"]*)\"|'(?<value>[^']*)'|(?<value>[^\\s>]+)))?"))
            {
                var name = attribute.Groups["name"].Value.ToLowerInvariant();
                var value = WebUtility.HtmlDecode(attribute.Groups["value"].Value);
                Assert.Contains(name, AllowedAttributes);
                if (name == "href") Assert.Matches("^(https?://|mailto:|tel:|/|#|[^:]*$)", value.Trim());
                if (name == "style") Assert.Matches("^text-align: (left|right|center)$", value);
            }
        }
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    private static readonly string[] Allowed =
    [
        "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code", "strong", "em", "b", "i", "del", "s", "ins", "mark", "sub", "sup",
        "ul", "ol", "li", "dl", "dt", "dd", "a", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    ];

    private static readonly string[] AllowedAttributes = ["href", "title", "start", "colspan", "rowspan", "style"];
}
