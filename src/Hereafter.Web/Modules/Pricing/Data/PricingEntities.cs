using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Modules.Pricing.Data;

/// <summary>
/// The pricing profile of an organisation that publishes a price list. Its id is the organisation's id,
/// so "the institution's own staff" are simply the staff of that organisation.
/// </summary>
public sealed class PricingInstitution
{
    public Guid Id { get; set; }
    /// <summary>funeral-home | cemetery | columbarium | service-shop.</summary>
    public InstitutionType Type { get; set; }
    /// <summary>public-welfare | commercial for cemeteries.</summary>
    public CemeteryKind? CemeteryKind { get; set; }
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    /// <summary>Pricing basis of the whole list (定价依据), e.g. the city's price document.</summary>
    public string PricingBasis { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One item of an institution's list. Its price lives in <see cref="PriceHistoryRow"/>.</summary>
public sealed class PriceItem
{
    public Guid Id { get; set; }
    public Guid InstitutionId { get; set; }
    /// <summary>Standard item code shared across institutions, e.g. basic.cremation.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public PriceCategory Category { get; set; }
    public string Unit { get; set; } = "";
    public PricingMode PricingMode { get; set; }
    public decimal? Cap { get; set; }
    public decimal? RangeMin { get; set; }
    public decimal? RangeMax { get; set; }
    public bool FreeForResidents { get; set; }
    public decimal? SubsidyCap { get; set; }
    public string LegalBasis { get; set; } = "";
    public string PricingBasis { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>A price of an item from a date on; the price in force on a date is the latest row not after it.</summary>
public sealed class PriceHistoryRow
{
    public long Id { get; set; }
    public Guid ItemId { get; set; }
    public decimal Price { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public Guid? PriceChangeId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Plot details of a <c>plot</c> item (same id as the item).</summary>
public sealed class Plot
{
    public Guid ItemId { get; set; }
    public PlotType PlotType { get; set; }
    public decimal AreaM2 { get; set; }
    public decimal MaintenanceFeePerYear { get; set; }
    public int TermYears { get; set; }
    public bool PublicWelfare { get; set; }
}

public sealed class PriceChange
{
    public Guid Id { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid ItemId { get; set; }
    public decimal? OldPrice { get; set; }
    public decimal NewPrice { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public string? Reason { get; set; }
    public bool OutsideReferenceRange { get; set; }
    public PriceChangeStatus Status { get; set; } = PriceChangeStatus.Proposed;
    public DateTimeOffset ProposedAt { get; set; }
    public string ProposedBy { get; set; } = "";
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionReason { get; set; }
}

public sealed class PriceWarning
{
    public Guid Id { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid ItemId { get; set; }
    public WarningRule Rule { get; set; }
    public string Evidence { get; set; } = "";
    public decimal Observed { get; set; }
    public decimal Threshold { get; set; }
    /// <summary>The price the warning is about; a closed warning is not raised again for the same price.</summary>
    public decimal PriceAtWarning { get; set; }
    public Guid? PriceChangeId { get; set; }
    public WarningStatus Status { get; set; } = WarningStatus.Open;
    /// <summary>"{itemId}:{rule}" while open, null when closed: a unique index keeps one open warning per item and rule across nodes.</summary>
    public string? OpenKey { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public string? CloseNote { get; set; }
}

/// <summary>The bureau's thresholds and baseline: one row (id 1).</summary>
public sealed class PricingSettings
{
    public int Id { get; set; }
    public decimal MedianFactor { get; set; }
    public int MedianMinimumPlots { get; set; }
    public decimal RisePercent { get; set; }
    public int RiseWindowMonths { get; set; }
    public decimal AshesGraveMaxArea { get; set; }
    public decimal SingleGraveMaxArea { get; set; }
    public decimal DoubleGraveMaxArea { get; set; }
    public decimal ResidentSubsidyCapPerFuneral { get; set; }
    public decimal BaselineAveragePerFuneral { get; set; }
    public string BaselineLabel { get; set; } = "";
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>
/// The city subsidy granted to one death case across all its bills: one row per case (its key), so the
/// per-funeral cap is spent once however many institutions bill the case, even at the same moment.
/// </summary>
public sealed class SubsidyGrant
{
    public Guid CaseId { get; set; }
    public decimal Granted { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>结算单.</summary>
public sealed class Bill
{
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    /// <summary>The Sharing death case (no foreign key across modules).</summary>
    public Guid CaseId { get; set; }
    public Guid InstitutionId { get; set; }
    public DateOnly ServiceDate { get; set; }
    public bool Resident { get; set; }
    public decimal Total { get; set; }
    public decimal Subsidy { get; set; }
    public decimal Payable { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public string IssuedBy { get; set; } = "";
    /// <summary>Lowercase hex SHA-256 of the family access code (the code itself is shown once, when the bill is issued).</summary>
    public string FamilyCodeHash { get; set; } = "";
}

public sealed class BillLine
{
    public long Id { get; set; }
    public Guid BillId { get; set; }
    public int LineNo { get; set; }
    public Guid ItemId { get; set; }
    public string Name { get; set; } = "";
    public PriceCategory Category { get; set; }
    public string Unit { get; set; } = "";
    public decimal UnitPrice { get; set; }
    public int Quantity { get; set; }
    public decimal Amount { get; set; }
    public decimal Subsidy { get; set; }
    public decimal Payable { get; set; }
    public DateOnly PriceEffectiveFrom { get; set; }
}

internal sealed class PricingConfiguration :
    IEntityTypeConfiguration<PricingInstitution>, IEntityTypeConfiguration<PriceItem>, IEntityTypeConfiguration<PriceHistoryRow>,
    IEntityTypeConfiguration<Plot>, IEntityTypeConfiguration<PriceChange>, IEntityTypeConfiguration<PriceWarning>,
    IEntityTypeConfiguration<PricingSettings>, IEntityTypeConfiguration<Bill>, IEntityTypeConfiguration<BillLine>,
    IEntityTypeConfiguration<SubsidyGrant>
{
    private static void Money<T>(PropertyBuilder<T> p) => p.HasPrecision(14, 2);

    public void Configure(EntityTypeBuilder<SubsidyGrant> b)
    {
        b.ToTable("pricing_subsidy_grants");
        b.HasKey(x => x.CaseId);
        b.Property(x => x.CaseId).ValueGeneratedNever();
        Money(b.Property(x => x.Granted));
    }

    public void Configure(EntityTypeBuilder<PricingInstitution> b)
    {
        b.ToTable("pricing_institutions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Type).HasMaxLength(20);
        b.Property(x => x.CemeteryKind).HasMaxLength(20);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(32);
        b.Property(x => x.PricingBasis).HasMaxLength(500);
        b.HasOne<Organisation>().WithOne().HasForeignKey<PricingInstitution>(x => x.Id);
        b.HasIndex(x => x.Type);
    }

    public void Configure(EntityTypeBuilder<PriceItem> b)
    {
        b.ToTable("pricing_items");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Category).HasMaxLength(16);
        b.Property(x => x.Unit).HasMaxLength(20);
        b.Property(x => x.PricingMode).HasMaxLength(20);
        Money(b.Property(x => x.Cap));
        Money(b.Property(x => x.RangeMin));
        Money(b.Property(x => x.RangeMax));
        Money(b.Property(x => x.SubsidyCap));
        b.Property(x => x.LegalBasis).HasMaxLength(300);
        b.Property(x => x.PricingBasis).HasMaxLength(300);
        b.HasIndex(x => new { x.InstitutionId, x.Code }).IsUnique();
        b.HasIndex(x => x.Code);
        b.HasOne<PricingInstitution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }

    public void Configure(EntityTypeBuilder<PriceHistoryRow> b)
    {
        b.ToTable("pricing_price_history");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        Money(b.Property(x => x.Price));
        b.HasIndex(x => new { x.ItemId, x.EffectiveFrom }).IsUnique();
        b.HasOne<PriceItem>().WithMany().HasForeignKey(x => x.ItemId);
    }

    public void Configure(EntityTypeBuilder<Plot> b)
    {
        b.ToTable("pricing_plots");
        b.HasKey(x => x.ItemId);
        b.Property(x => x.PlotType).HasMaxLength(20);
        b.Property(x => x.AreaM2).HasPrecision(8, 2);
        Money(b.Property(x => x.MaintenanceFeePerYear));
        b.HasIndex(x => x.PlotType);
        b.HasOne<PriceItem>().WithOne().HasForeignKey<Plot>(x => x.ItemId);
    }

    public void Configure(EntityTypeBuilder<PriceChange> b)
    {
        b.ToTable("pricing_price_changes");
        b.HasKey(x => x.Id);
        Money(b.Property(x => x.OldPrice));
        Money(b.Property(x => x.NewPrice));
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.ProposedBy).HasMaxLength(64);
        b.Property(x => x.DecidedBy).HasMaxLength(64);
        b.Property(x => x.DecisionReason).HasMaxLength(1000);
        b.HasIndex(x => new { x.Status, x.ProposedAt });
        b.HasIndex(x => x.InstitutionId);
        b.HasOne<PriceItem>().WithMany().HasForeignKey(x => x.ItemId);
        b.HasOne<PricingInstitution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }

    public void Configure(EntityTypeBuilder<PriceWarning> b)
    {
        b.ToTable("pricing_warnings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Rule).HasMaxLength(40);
        b.Property(x => x.Evidence).HasMaxLength(500);
        b.Property(x => x.Observed).HasPrecision(14, 2);
        b.Property(x => x.Threshold).HasPrecision(14, 2);
        Money(b.Property(x => x.PriceAtWarning));
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.OpenKey).HasMaxLength(100);
        b.HasIndex(x => x.OpenKey).IsUnique();
        b.HasIndex(x => new { x.Status, x.RaisedAt });
        b.HasIndex(x => x.ItemId);
        b.Property(x => x.ClosedBy).HasMaxLength(64);
        b.Property(x => x.CloseNote).HasMaxLength(1000);
        b.HasOne<PriceItem>().WithMany().HasForeignKey(x => x.ItemId);
        b.HasOne<PricingInstitution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }

    public void Configure(EntityTypeBuilder<PricingSettings> b)
    {
        b.ToTable("pricing_settings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.MedianFactor).HasPrecision(6, 2);
        b.Property(x => x.RisePercent).HasPrecision(6, 2);
        b.Property(x => x.AshesGraveMaxArea).HasPrecision(8, 2);
        b.Property(x => x.SingleGraveMaxArea).HasPrecision(8, 2);
        b.Property(x => x.DoubleGraveMaxArea).HasPrecision(8, 2);
        Money(b.Property(x => x.ResidentSubsidyCapPerFuneral));
        Money(b.Property(x => x.BaselineAveragePerFuneral));
        b.Property(x => x.BaselineLabel).HasMaxLength(100);
        b.Property(x => x.UpdatedBy).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<Bill> b)
    {
        b.ToTable("pricing_bills");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(32);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => new { x.InstitutionId, x.ServiceDate });
        // The dashboard's funerals: the period's bills with the columns their figures read, from the index alone.
        b.HasIndex(x => new { x.ServiceDate, x.InstitutionId, x.CaseId, x.Total });
        Money(b.Property(x => x.Total));
        Money(b.Property(x => x.Subsidy));
        Money(b.Property(x => x.Payable));
        b.Property(x => x.IssuedBy).HasMaxLength(64);
        b.Property(x => x.FamilyCodeHash).HasMaxLength(64);
        b.HasIndex(x => x.FamilyCodeHash).IsUnique();
        b.HasOne<PricingInstitution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }

    public void Configure(EntityTypeBuilder<BillLine> b)
    {
        b.ToTable("pricing_bill_lines");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Category).HasMaxLength(16);
        b.Property(x => x.Unit).HasMaxLength(20);
        Money(b.Property(x => x.UnitPrice));
        Money(b.Property(x => x.Amount));
        Money(b.Property(x => x.Subsidy));
        Money(b.Property(x => x.Payable));
        b.HasIndex(x => x.BillId);
        b.HasOne<Bill>().WithMany().HasForeignKey(x => x.BillId);
        b.HasOne<PriceItem>().WithMany().HasForeignKey(x => x.ItemId);
    }
}
