using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Platform.Audit;

/// <summary>
/// One append-only audit record. <see cref="Hash"/> is SHA-256 over the entry's fields and the previous
/// entry's hash, so changing, deleting or reordering any row breaks the chain from that row on.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public Guid? OrganisationId { get; set; }
    public string OrganisationName { get; set; } = "";
    /// <summary>What was done, e.g. <c>certificate.read</c>, <c>certificate.issue</c>.</summary>
    public string Action { get; set; } = "";
    /// <summary>What it was done to, e.g. <c>certificate:5201...</c> (stored, never shown in lists unmasked).</summary>
    public string Subject { get; set; } = "";
    /// <summary>Why: the purpose of processing personal data (PIPL).</summary>
    public string Purpose { get; set; } = "";
    public string Details { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(x => x.Sequence);
        b.Property(x => x.Sequence).ValueGeneratedNever();
        b.Property(x => x.ActorId).HasMaxLength(64);
        b.Property(x => x.ActorName).HasMaxLength(64);
        b.Property(x => x.OrganisationName).HasMaxLength(128);
        b.Property(x => x.Action).HasMaxLength(64);
        b.Property(x => x.Subject).HasMaxLength(128);
        b.Property(x => x.Purpose).HasMaxLength(128);
        b.Property(x => x.Details).HasMaxLength(AuditLog.MaxDetailsLength);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => x.Subject);
    }
}
