using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Memorial.Features.StandardsReading;

/// <summary>A page in a list: its current version's title, number and time (who saved it only for the bureau).</summary>
public sealed record StandardSummary(string Slug, string Title, bool Published, int Version, DateTimeOffset UpdatedAt, string? UpdatedBy);

/// <summary>One version of a page with its Markdown; <paramref name="CurrentVersion"/> tells whether it is the current one.</summary>
public sealed record StandardView(string Slug, string Title, bool Published, int Version, int CurrentVersion, DateTimeOffset SavedAt, string SavedBy, string Body)
{
    public bool IsCurrent => Version == CurrentVersion;
}

/// <summary>A line of a page's history.</summary>
public sealed record StandardHistoryEntry(int Version, string Title, bool Published, DateTimeOffset SavedAt, string SavedBy);

/// <summary>
/// Reads of the standards pages: the public sees published pages' current versions; the bureau sees every page, every
/// version and who saved it. Reads hold no personal data, so they are not audited.
/// </summary>
public sealed class StandardQueries(HereafterDbContext db)
{
    /// <summary>Published pages, in the order they were first created.</summary>
    public async Task<IReadOnlyList<StandardSummary>> PublishedAsync(CancellationToken ct) =>
        await db.Set<StandardPage>().AsNoTracking().Where(p => p.Published).OrderBy(p => p.CreatedAt).ThenBy(p => p.Slug)
            .Select(p => new StandardSummary(p.Slug, p.Title, p.Published, p.CurrentVersion, p.UpdatedAt, null)).ToListAsync(ct);

    /// <summary>A published page's current version, or null (unknown, or not published).</summary>
    public async Task<StandardView?> PublishedAsync(string slug, CancellationToken ct)
    {
        var view = await CurrentAsync(slug, ct);
        return view is { Published: true } ? view with { SavedBy = "" } : null;
    }

    /// <summary>Every page, published or not, for the bureau.</summary>
    public async Task<IReadOnlyList<StandardSummary>> AllAsync(Actor actor, CancellationToken ct)
    {
        RequireBureau(actor);
        return await db.Set<StandardPage>().AsNoTracking().OrderBy(p => p.CreatedAt).ThenBy(p => p.Slug)
            .Select(p => new StandardSummary(p.Slug, p.Title, p.Published, p.CurrentVersion, p.UpdatedAt, p.UpdatedBy)).ToListAsync(ct);
    }

    /// <summary>The current version of a page, published or not, for the bureau; 404 when there is no such page.</summary>
    public async Task<StandardView> CurrentAsync(Actor actor, string slug, CancellationToken ct)
    {
        RequireBureau(actor);
        return await CurrentAsync(slug, ct) ?? throw NotFound(slug);
    }

    /// <summary>Version <paramref name="version"/> of a page, for the bureau; 404 for an unknown page or version.</summary>
    public async Task<StandardView> VersionAsync(Actor actor, string slug, int version, CancellationToken ct)
    {
        RequireBureau(actor);
        var page = await db.Set<StandardPage>().AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct) ?? throw NotFound(slug);
        return await db.Set<StandardVersion>().AsNoTracking().Where(v => v.PageId == page.Id && v.Number == version)
                   .Select(v => new StandardView(page.Slug, v.Title, v.Published, v.Number, page.CurrentVersion, v.SavedAt, v.SavedBy, v.Body))
                   .SingleOrDefaultAsync(ct)
               ?? throw ProblemException.NotFound(new Message("memorial.standards.version-not-found").With("slug", slug).With("version", version));
    }

    /// <summary>Every version of a page, newest first, for the bureau.</summary>
    public async Task<IReadOnlyList<StandardHistoryEntry>> HistoryAsync(Actor actor, string slug, CancellationToken ct)
    {
        RequireBureau(actor);
        var page = await db.Set<StandardPage>().AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct) ?? throw NotFound(slug);
        return await db.Set<StandardVersion>().AsNoTracking().Where(v => v.PageId == page.Id).OrderByDescending(v => v.Number)
            .Select(v => new StandardHistoryEntry(v.Number, v.Title, v.Published, v.SavedAt, v.SavedBy)).ToListAsync(ct);
    }

    private async Task<StandardView?> CurrentAsync(string slug, CancellationToken ct) =>
        await (from p in db.Set<StandardPage>().AsNoTracking()
               join v in db.Set<StandardVersion>().AsNoTracking() on new { PageId = p.Id, Number = p.CurrentVersion } equals new { v.PageId, v.Number }
               where p.Slug == slug
               select new StandardView(p.Slug, v.Title, v.Published, v.Number, p.CurrentVersion, v.SavedAt, v.SavedBy, v.Body))
            .SingleOrDefaultAsync(ct);

    private static void RequireBureau(Actor actor)
    {
        if (!MemorialAccess.Supervises(actor)) throw ProblemException.Forbidden(new Message("memorial.standards.bureau-only"));
    }

    private static ProblemException NotFound(string slug) => ProblemException.NotFound(new Message("memorial.standards.not-found").With("slug", slug));
}
