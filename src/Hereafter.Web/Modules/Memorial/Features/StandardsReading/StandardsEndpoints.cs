using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Features.Standards;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Memorial.Features.StandardsReading;

/// <summary>A published page as the API gives it: the Markdown as written and the same safe HTML the public page shows.</summary>
public sealed record StandardPageAnswer(string Slug, string Title, int Version, DateTimeOffset UpdatedAt, string Url, string Markdown, string Html);

/// <summary>A published page in the API's list.</summary>
public sealed record StandardListItem(string Slug, string Title, int Version, DateTimeOffset UpdatedAt, string Url);

public static class StandardsEndpoints
{
    public static RouteGroupBuilder MapReadStandards(this RouteGroupBuilder api)
    {
        api.MapGet("/standards", async (StandardQueries queries, CancellationToken ct) =>
                TypedResults.Ok((await queries.PublishedAsync(ct))
                    .Select(p => new StandardListItem(p.Slug, p.Title, p.Version, p.UpdatedAt, MemorialPages.Standard(p.Slug))).ToList()))
            .WithSummary("The published simplified-funeral standards pages (丧事简办), no sign-in")
            .AllowAnonymous();

        api.MapGet("/standards/{slug}", async (string slug, StandardQueries queries, StandardsMarkdown markdown, CancellationToken ct) =>
                await queries.PublishedAsync(slug, ct) is { } page
                    ? TypedResults.Ok(new StandardPageAnswer(page.Slug, page.Title, page.Version, page.SavedAt, MemorialPages.Standard(page.Slug), page.Body, markdown.ToHtml(page.Body)))
                    : throw ProblemException.NotFound(new Message("memorial.standards.not-found").With("slug", slug)))
            .WithSummary("A published standards page's current version: its Markdown and the sanitised HTML shown at /standards/{slug}")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
