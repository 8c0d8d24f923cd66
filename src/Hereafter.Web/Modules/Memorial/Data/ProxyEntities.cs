using Hereafter.Web.Modules.Memorial.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Modules.Memorial.Data;

/// <summary>
/// A family's proxy-sweeping order (代祭扫) at a cemetery or columbarium: the grave, the day wanted and the options at
/// the prices of the institution's published list when ordered (the lines keep them, so a later price change leaves the
/// order as it was). Paid offline, directly to the institution; the institution's staff complete it once, with photos.
/// </summary>
public sealed class ProxyOrder
{
    public Guid Id { get; set; }
    /// <summary>The cemetery or columbarium (an organisation).</summary>
    public Guid InstitutionId { get; set; }
    /// <summary>The institution's phone on its published list when ordered: whom the family pays and calls.</summary>
    public string InstitutionPhone { get; set; } = "";
    /// <summary>The identity provider's subject of the citizen who ordered (owner of the order).</summary>
    public string CitizenSubject { get; set; } = "";
    /// <summary>Real name as verified by the sign-in.</summary>
    public string CitizenName { get; set; } = "";
    public string DeceasedName { get; set; } = "";
    /// <summary>Section, row and plot (or niche) as the family knows them, e.g. 松园 3 排 12 号.</summary>
    public string GraveLocation { get; set; } = "";
    /// <summary>The China date the family would like it done on.</summary>
    public DateOnly WantedDate { get; set; }
    public string ContactPhone { get; set; } = "";
    /// <summary>The family's words: the eulogy to read, what to write on the card, a wish.</summary>
    public string? Message { get; set; }
    /// <summary>Sum of the lines' prices, yuan.</summary>
    public decimal Total { get; set; }
    public ProxyOrderStatus Status { get; set; }
    public DateTimeOffset OrderedAt { get; set; }
    /// <summary>The client's <c>Idempotency-Key</c> (or the order form's key): a repeated request returns this order.</summary>
    public string? IdempotencyKey { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public string? CompletionNote { get; set; }
    public List<ProxyOrderLine> Lines { get; set; } = [];
}

/// <summary>One option of an order, priced as the institution's published list priced it when ordered.</summary>
public sealed class ProxyOrderLine
{
    public long Id { get; set; }
    public Guid OrderId { get; set; }
    public int LineNo { get; set; }
    /// <summary>The pricing item (no foreign key across modules: the line is a snapshot).</summary>
    public Guid ItemId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public decimal Price { get; set; }
    public DateOnly PriceEffectiveFrom { get; set; }
}

/// <summary>
/// A completion photo as stored: decoded and re-encoded by the platform (no metadata, nothing appended), at most
/// <c>ProxyPhotos.MaxSide</c> pixels on its longer side. In the database, so every node serves it.
/// </summary>
public sealed class ProxyPhoto
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    /// <summary>1, 2, … in upload order.</summary>
    public int Number { get; set; }
    /// <summary>image/jpeg or image/png, of the stored bytes.</summary>
    public string ContentType { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public int Size { get; set; }
    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class ProxyConfiguration :
    IEntityTypeConfiguration<ProxyOrder>, IEntityTypeConfiguration<ProxyOrderLine>, IEntityTypeConfiguration<ProxyPhoto>
{
    public void Configure(EntityTypeBuilder<ProxyOrder> b)
    {
        // Completed exactly when it has a completion time; the one conditional UPDATE that completes sets both.
        b.ToTable("memorial_proxy_orders", t =>
        {
            t.HasCheckConstraint("ck_memorial_proxy_orders_completion",
                "(\"Status\" = 'ordered' AND \"CompletedAt\" IS NULL) OR (\"Status\" = 'completed' AND \"CompletedAt\" IS NOT NULL)");
            t.HasCheckConstraint("ck_memorial_proxy_orders_total", "\"Total\" >= 0");
        });
        b.HasKey(x => x.Id);
        b.Property(x => x.InstitutionPhone).HasMaxLength(32);
        b.Property(x => x.CitizenSubject).HasMaxLength(128);
        b.Property(x => x.CitizenName).HasMaxLength(50);
        b.Property(x => x.DeceasedName).HasMaxLength(50);
        b.Property(x => x.GraveLocation).HasMaxLength(100);
        b.Property(x => x.ContactPhone).HasMaxLength(20);
        b.Property(x => x.Message).HasMaxLength(2000);
        b.Property(x => x.Total).HasPrecision(14, 2);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.Property(x => x.CompletedBy).HasMaxLength(100);
        b.Property(x => x.CompletionNote).HasMaxLength(500);
        b.HasIndex(x => new { x.InstitutionId, x.Status, x.WantedDate });
        b.HasIndex(x => new { x.CitizenSubject, x.OrderedAt });
        // A retried request finds its order; two racing retries cannot both insert.
        b.HasIndex(x => new { x.CitizenSubject, x.IdempotencyKey }).IsUnique();
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.OrderId);
        b.HasOne<Platform.Organisations.Organisation>().WithMany().HasForeignKey(x => x.InstitutionId);
    }

    public void Configure(EntityTypeBuilder<ProxyOrderLine> b)
    {
        b.ToTable("memorial_proxy_order_lines", t => t.HasCheckConstraint("ck_memorial_proxy_order_lines_price", "\"Price\" >= 0"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Unit).HasMaxLength(20);
        b.Property(x => x.Price).HasPrecision(14, 2);
        b.HasIndex(x => new { x.OrderId, x.LineNo }).IsUnique();
        // Each option once per order.
        b.HasIndex(x => new { x.OrderId, x.Code }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ProxyPhoto> b)
    {
        b.ToTable("memorial_proxy_photos", t =>
        {
            t.HasCheckConstraint("ck_memorial_proxy_photos_type", "\"ContentType\" IN ('image/jpeg', 'image/png')");
            t.HasCheckConstraint("ck_memorial_proxy_photos_size", "\"Size\" > 0 AND \"Width\" > 0 AND \"Height\" > 0");
        });
        b.HasKey(x => x.Id);
        b.Property(x => x.ContentType).HasMaxLength(16);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => new { x.OrderId, x.Number }).IsUnique();
        b.HasOne<ProxyOrder>().WithMany().HasForeignKey(x => x.OrderId);
    }
}
