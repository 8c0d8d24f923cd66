using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Modules.Custody.Data;

/// <summary>
/// 墓位（格位）销售: a cemetery or columbarium sold a plot or niche, only against an active death certificate or an
/// unwritten-off 火化证明 (DOMAIN.md §7). A plot is sold once per institution (unique index), so two clerks selling
/// the same plot at once cannot both succeed.
/// </summary>
public sealed class PlotSale
{
    public Guid Id { get; set; }
    public Guid InstitutionId { get; set; }
    public string PlotOrNiche { get; set; } = "";
    public DateTimeOffset SoldAt { get; set; }
    /// <summary>The death certificate the sale rests on (directly or through the 火化证明's record).</summary>
    public Guid CertificateId { get; set; }
    /// <summary>The custody record, when the sale was made against its 火化证明 or the body is in the loop.</summary>
    public Guid? CustodyId { get; set; }
    public string DecedentName { get; set; } = "";
    /// <summary>death-certificate or cremation-certificate: which document the institution checked.</summary>
    public string DocumentKind { get; set; } = "";
    public string DocumentNumber { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Which follow-up letter (placement overdue).</summary>
public enum FollowUpLetterKind
{
    /// <summary>提醒函 to the person in charge (丧事承办人).</summary>
    Reminder,
    /// <summary>骨灰去向告知函 to the township (乡镇、街道) of household registration.</summary>
    TownshipNotice,
}

/// <summary>
/// A letter the follow-up job produced for ashes released without a confirmed placement; the bureau prints it (PDF)
/// and marks it sent. One of each kind per record (unique index), however many nodes run the job.
/// </summary>
public sealed class FollowUpLetter
{
    public Guid Id { get; set; }
    public Guid CustodyId { get; set; }
    public FollowUpLetterKind Kind { get; set; }
    /// <summary>To whom, as printed: the person in charge's name, or the township of the household address.</summary>
    public string Recipient { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? SentBy { get; set; }
}

/// <summary>
/// A periodic job's turn: whichever node first moves <see cref="NextRunAt"/> forward with a conditional UPDATE runs
/// the job for that period; the others see a later time and skip.
/// </summary>
public sealed class CustodyJobLease
{
    public string Name { get; set; } = "";
    public DateTimeOffset NextRunAt { get; set; }
    public string? RunBy { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
}

internal sealed class PlacementConfiguration :
    IEntityTypeConfiguration<PlotSale>, IEntityTypeConfiguration<FollowUpLetter>, IEntityTypeConfiguration<CustodyJobLease>
{
    public void Configure(EntityTypeBuilder<PlotSale> b)
    {
        b.ToTable("custody_plot_sales");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.InstitutionId, x.PlotOrNiche }).IsUnique();
        b.HasIndex(x => x.CertificateId);
        b.Property(x => x.PlotOrNiche).HasMaxLength(100);
        b.Property(x => x.DecedentName).HasMaxLength(100);
        b.Property(x => x.DocumentKind).HasMaxLength(30);
        b.Property(x => x.DocumentNumber).HasMaxLength(40);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<FollowUpLetter> b)
    {
        b.ToTable("custody_follow_up_letters");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.CustodyId, x.Kind }).IsUnique();
        b.HasIndex(x => x.SentAt);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Recipient).HasMaxLength(200);
        b.Property(x => x.SentBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<CustodyJobLease> b)
    {
        b.ToTable("custody_job_leases");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(40);
        b.Property(x => x.RunBy).HasMaxLength(100);
    }
}
