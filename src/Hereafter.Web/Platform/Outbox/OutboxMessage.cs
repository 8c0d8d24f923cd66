using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Platform.Outbox;

/// <summary>
/// An integration event between modules, written in the same transaction as the change that caused it
/// and handed to the handlers of other modules by <see cref="OutboxProcessor"/>.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    /// <summary>Assigned by the database at insert; processing follows it.</summary>
    public long Sequence { get; set; }
    public string Type { get; set; } = "";
    /// <summary>
    /// Messages with the same key (e.g. <c>certificate:{id}</c>) are handled one after the other in
    /// <see cref="Sequence"/> order: a later one waits while an earlier one is unprocessed, locked or failing.
    /// Null: no order with any other message.
    /// </summary>
    public string? OrderingKey { get; set; }
    public string PayloadJson { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(x => x.Sequence);
        b.Property(x => x.Sequence).ValueGeneratedOnAdd();
        b.HasIndex(x => x.Id).IsUnique();
        b.Property(x => x.Type).HasMaxLength(64);
        b.Property(x => x.OrderingKey).HasMaxLength(80);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.HasIndex(x => new { x.ProcessedAt, x.Sequence });
        // The "no earlier unprocessed message of this key" check of every claim.
        b.HasIndex(x => new { x.OrderingKey, x.ProcessedAt, x.Sequence });
    }
}
