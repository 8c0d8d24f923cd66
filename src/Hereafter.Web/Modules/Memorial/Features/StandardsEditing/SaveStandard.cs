using Hereafter.Domain.Input;
using Hereafter.Domain.Memorial;
using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Memorial.Features.StandardsEditing;

/// <summary>
/// A new version of a standards page (<c>PUT /api/v1/memorial/standards/{slug}</c>, or the bureau's form).
/// <paramref name="BaseVersion"/> is the version the text was written on: 0 (or absent) creates the page, otherwise it
/// must still be the current version, or the save is refused with 409 and nothing is written.
/// </summary>
/// <param name="Body">Markdown.</param>
/// <param name="Published">Shown at <c>/standards</c> (a page can be kept unpublished while it is drafted, or withdrawn).</param>
public sealed record SaveStandardRequest(string? Title, string? Body, bool Published = true, int? BaseVersion = null);

/// <summary>The version just saved.</summary>
public sealed record StandardSaved(string Slug, int Version, DateTimeOffset SavedAt, string Url);

/// <summary>
/// Saves a page's new version with who and when (ADR 0034). Two editors on top of the same version: the page row's
/// <see cref="StandardPage.CurrentVersion"/> is the concurrency token and (page, number) is unique, so the second save
/// matches no row and is answered 409 <c>memorial.standards.changed-meanwhile</c> with the version that won.
/// </summary>
public sealed class SaveStandardHandler(HereafterDbContext db, TimeProvider clock)
{
    public async Task<StandardSaved> HandleAsync(Actor actor, string? slug, SaveStandardRequest request, CancellationToken ct)
    {
        if (!MemorialAccess.Supervises(actor)) throw ProblemException.Forbidden(new Message("memorial.standards.bureau-only"));
        slug = slug?.Trim() ?? "";
        var title = request.Title?.Trim() ?? "";
        // One line-break convention whatever the browser or system sent; trailing blanks carry nothing.
        var body = (request.Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd();
        var baseVersion = request.BaseVersion ?? 0;

        var errors = new FieldErrors();
        var page = await db.Set<StandardPage>().SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (page is null)
        {
            if (baseVersion > 0) throw ProblemException.NotFound(new Message("memorial.standards.not-found").With("slug", slug));
            if (SlugMessage(slug) is { } problem) errors.Add("slug", problem);
        }
        else if (baseVersion == 0)
            errors.Add("slug", Taken(slug, page.Title));
        if (baseVersion < 0) errors.Add("baseVersion", new Message("memorial.standards.base-version.invalid"));
        AddTextErrors(errors, title, body);
        errors.ThrowIfAny();

        if (page is not null && page.CurrentVersion != baseVersion) throw Changed(page);

        var now = clock.GetUtcNow();
        if (page is null)
        {
            page = new StandardPage { Id = Guid.NewGuid(), Slug = slug, CreatedAt = now };
            db.Add(page);
        }
        page.Title = title;
        page.Published = request.Published;
        page.CurrentVersion = baseVersion + 1;
        page.UpdatedAt = now;
        page.UpdatedBy = actor.Name;
        db.Add(new StandardVersion
        {
            Id = Guid.NewGuid(), PageId = page.Id, Number = page.CurrentVersion, Title = title, Body = body, Published = request.Published,
            SavedBy = actor.Name, SavedById = actor.Id, SavedByOrganisationId = actor.OrganisationId, SavedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            // Another save got there first: the same version number (or, for a new page, the same address).
            db.ChangeTracker.Clear();
            var winner = await db.Set<StandardPage>().AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct);
            if (winner is null) throw;
            if (baseVersion == 0) throw new FieldValidationException("slug", Taken(slug, winner.Title));
            throw Changed(winner);
        }
        return new StandardSaved(slug, page.CurrentVersion, now, MemorialPages.Standard(slug));
    }

    /// <summary>The field errors of a title and a Markdown body (also used by the form's preview).</summary>
    public static void AddTextErrors(FieldErrors errors, string title, string body)
    {
        var titleProblems = FreeText.Check(title, StandardLimits.TitleLength);
        if (titleProblems.HasFlag(FreeTextProblems.Missing)) errors.Add("title", new Message("memorial.standards.title.required"));
        if (titleProblems.HasFlag(FreeTextProblems.TooLong)) errors.Add("title", new Message("memorial.standards.title.too-long").With("max", StandardLimits.TitleLength));
        if (titleProblems.HasFlag(FreeTextProblems.ForbiddenCharacter)) errors.Add("title", new Message("memorial.standards.title.forbidden-character"));

        // Markdown needs line breaks, tabs and angle brackets (autolinks, and typed tags show as text); other control
        // characters are invisible in the editor and have no place on a page.
        var lines = string.IsNullOrWhiteSpace(body) ? "" : body.Replace('\n', ' ').Replace('\t', ' ');
        var bodyProblems = FreeText.Check(lines, StandardLimits.BodyLength, allowAngleBrackets: true);
        if (bodyProblems.HasFlag(FreeTextProblems.Missing)) errors.Add("body", new Message("memorial.standards.body.required"));
        if (bodyProblems.HasFlag(FreeTextProblems.TooLong))
            errors.Add("body", new Message("memorial.standards.body.too-long").With("max", StandardLimits.BodyLength).With("length", body.Length));
        if (bodyProblems.HasFlag(FreeTextProblems.ForbiddenCharacter)) errors.Add("body", new Message("memorial.standards.body.forbidden-character"));
    }

    /// <summary>What is wrong with a new page's address, if anything.</summary>
    public static Message? SlugMessage(string slug)
    {
        var check = StandardSlug.Check(slug);
        return check.Problem switch
        {
            StandardSlugProblem.None => null,
            StandardSlugProblem.Missing => new Message("memorial.standards.slug.required"),
            StandardSlugProblem.TooLong => new Message("memorial.standards.slug.too-long").With("max", StandardSlug.MaxLength),
            StandardSlugProblem.UpperCase => new Message("memorial.standards.slug.upper-case").With("lower", slug.ToLowerInvariant()),
            StandardSlugProblem.InvalidCharacter => new Message("memorial.standards.slug.invalid-character").With("character", check.Character),
            StandardSlugProblem.EdgeHyphen => new Message("memorial.standards.slug.edge-hyphen"),
            StandardSlugProblem.DoubleHyphen => new Message("memorial.standards.slug.double-hyphen"),
            _ => new Message("memorial.standards.slug.reserved").With("slug", slug),
        };
    }

    private static Message Taken(string slug, string title) => new Message("memorial.standards.slug.taken").With("slug", slug).With("title", title);

    /// <summary>409 naming the version that is current now, its author and time.</summary>
    private static StandardChangedException Changed(StandardPage current) => new(current.CurrentVersion, current.UpdatedBy, current.UpdatedAt);
}

/// <summary>The 409 of a save on top of a version someone else replaced; the page shows that version beside the kept text.</summary>
public sealed class StandardChangedException : ProblemException
{
    public StandardChangedException(int currentVersion, string savedBy, DateTimeOffset savedAt) : base(StatusCodes.Status409Conflict, "Conflict",
        new Message("memorial.standards.changed-meanwhile").With("by", savedBy).With("at", ChinaTime.Minutes(savedAt)).With("version", currentVersion))
    {
        CurrentVersion = currentVersion;
        SavedBy = savedBy;
        SavedAt = savedAt;
        Extensions = new Dictionary<string, object?> { ["currentVersion"] = currentVersion, ["savedBy"] = savedBy, ["savedAt"] = savedAt };
    }

    public int CurrentVersion { get; }
    public string SavedBy { get; }
    public DateTimeOffset SavedAt { get; }
}
