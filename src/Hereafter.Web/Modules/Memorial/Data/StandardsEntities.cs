using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Modules.Memorial.Data;

/// <summary>
/// A simplified-funeral standards page (丧事简办, 移风易俗) the bureau publishes at <c>/standards/{slug}</c>. The row holds
/// what the lists need of the current version; the text of every version is in <see cref="StandardVersion"/> (ADR 0034).
/// </summary>
public sealed class StandardPage
{
    public Guid Id { get; set; }
    /// <summary>The address, fixed at creation (<see cref="Hereafter.Domain.Memorial.StandardSlug"/>).</summary>
    public string Slug { get; set; } = "";
    /// <summary>The current version's title and whether it is public.</summary>
    public string Title { get; set; } = "";
    public bool Published { get; set; }
    /// <summary>The current version's number; the concurrency token of a save (a save based on another number is refused).</summary>
    public int CurrentVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When and by whom the current version was saved.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// <summary>One saved version of a page: written once, never changed (the page's history).</summary>
public sealed class StandardVersion
{
    public Guid Id { get; set; }
    public Guid PageId { get; set; }
    /// <summary>1 for the first save, then one more per save; unique per page.</summary>
    public int Number { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The Markdown as written; rendered and sanitised when shown, never stored as HTML.</summary>
    public string Body { get; set; } = "";
    public bool Published { get; set; }
    /// <summary>Who saved it (the staff member's display name, or the system client) and for which organisation.</summary>
    public string SavedBy { get; set; } = "";
    public string SavedById { get; set; } = "";
    public Guid SavedByOrganisationId { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}

internal sealed class StandardsConfiguration : IEntityTypeConfiguration<StandardPage>, IEntityTypeConfiguration<StandardVersion>
{
    public void Configure(EntityTypeBuilder<StandardPage> b)
    {
        b.ToTable("memorial_standard_pages", t => t.HasCheckConstraint("ck_memorial_standard_pages_version", "\"CurrentVersion\" >= 1"));
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Slug).HasMaxLength(Hereafter.Domain.Memorial.StandardSlug.MaxLength);
        b.Property(x => x.Title).HasMaxLength(StandardLimits.TitleLength);
        b.Property(x => x.UpdatedBy).HasMaxLength(100);
        // Two saves on top of the same version: the second UPDATE matches no row (and its version number is taken).
        b.Property(x => x.CurrentVersion).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<StandardVersion> b)
    {
        b.ToTable("memorial_standard_versions", t => t.HasCheckConstraint("ck_memorial_standard_versions_number", "\"Number\" >= 1"));
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.PageId, x.Number }).IsUnique();
        b.Property(x => x.Title).HasMaxLength(StandardLimits.TitleLength);
        b.Property(x => x.SavedBy).HasMaxLength(100);
        b.Property(x => x.SavedById).HasMaxLength(200);
        b.HasOne<StandardPage>().WithMany().HasForeignKey(x => x.PageId);
    }
}

/// <summary>How long a page's title and Markdown body may be.</summary>
public static class StandardLimits
{
    public const int TitleLength = 100;
    /// <summary>Characters of Markdown: a standards page is a notice of a few screens, not a book.</summary>
    public const int BodyLength = 50_000;
}
