using AngleSharp.Css.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Microsoft.AspNetCore.Components;

namespace Hereafter.Web.Modules.Memorial.Features.Standards;

/// <summary>
/// A standards page's Markdown as HTML a public page may show (ADR 0034): Markdig renders it with raw HTML switched off
/// (typed tags show as text), then HtmlSanitizer keeps only the elements, attributes, URL schemes and CSS that Markdown
/// itself produces. The sanitiser works on Markdig's output, never on the Markdown, so nothing the parser makes of the
/// text (links, autolinks, tables) escapes it. Headings keep their order but start at <c>h2</c>, whether the author began
/// with <c>#</c> or <c>##</c>: the page's title is its only <c>h1</c>.
/// </summary>
/// <remarks>One instance for the application: the pipeline and the sanitiser are only read once built.</remarks>
public sealed class StandardsMarkdown
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoLinks()
        // Chinese text: **强调**。 must work next to full-width punctuation, and a typed line break is a line break
        // (a soft break between Chinese characters would otherwise show as a stray space).
        .UseCjkFriendlyEmphasis()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly HtmlSanitizer _sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code",
            "strong", "em", "b", "i", "del", "s", "ins", "mark", "sub", "sup",
            "ul", "ol", "li", "dl", "dt", "dd", "a",
            "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "start", "colspan", "rowspan", "style" },
        // Pipe tables align their cells with an inline style; nothing else may be styled.
        AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "text-align" },
        AllowedAtRules = new HashSet<CssRuleType>(),
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
    })
    {
        AllowDataAttributes = false,
    };

    /// <summary>The page's body as safe HTML.</summary>
    public MarkupString Render(string markdown) => new(ToHtml(markdown));

    public string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Count > 0)
        {
            var shift = 2 - headings.Min(h => h.Level);
            foreach (var heading in headings) heading.Level = Math.Clamp(heading.Level + shift, 2, 6);
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return Sanitize(writer.ToString());
    }

    /// <summary>The sanitiser alone, for HTML from Markdig (public for tests that feed it what a parser might emit).</summary>
    public string Sanitize(string html) => _sanitizer.Sanitize(html);
}
