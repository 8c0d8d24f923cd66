using Hereafter.Web.Modules.Sharing.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Modules.Sharing.Data;

/// <summary>
/// A department system's webhook: its department's events of the chosen types are POSTed to
/// <see cref="CallbackUrl"/> one at a time in feed order. <see cref="DeliveredThrough"/> is the feed position of
/// the last event delivered (or skipped as not subscribed); the head event is the next one after it.
/// </summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Department Department { get; set; }
    public string CallbackUrl { get; set; } = "";
    /// <summary>The HMAC secret, protected with ASP.NET Core Data Protection (keys in the database).</summary>
    public string ProtectedSecret { get; set; } = "";
    /// <summary>Comma-separated event types.</summary>
    public string EventTypes { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public long DeliveredThrough { get; set; }
    /// <summary>Failed attempts at the head event; 0 after a success.</summary>
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>The node delivering now, until <see cref="LeaseUntil"/>; another node may take over after it.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }

    public string[] Types => EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One delivery attempt (successful or not) of one event to one subscription.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid EventId { get; set; }
    public string EventType { get; set; } = "";
    public long FeedPosition { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset At { get; set; }
    public int? HttpStatus { get; set; }
    public string? Error { get; set; }
    public bool Delivered { get; set; }
    public DateTimeOffset? NextRetryAt { get; set; }
    public int DurationMs { get; set; }
}

/// <summary>An event a department asked to receive again; delivered before the head event.</summary>
public sealed class WebhookRedelivery
{
    public long Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid EventId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
}

internal sealed class WebhookConfiguration :
    IEntityTypeConfiguration<WebhookSubscription>, IEntityTypeConfiguration<WebhookDelivery>, IEntityTypeConfiguration<WebhookRedelivery>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("webhook_subscriptions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => x.NextAttemptAt);
        b.Property(x => x.Department).HasMaxLength(40);
        b.Property(x => x.CallbackUrl).HasMaxLength(2000);
        b.Property(x => x.ProtectedSecret).HasMaxLength(2000);
        b.Property(x => x.EventTypes).HasMaxLength(400);
        b.Property(x => x.CreatedBy).HasMaxLength(64);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.Property(x => x.LeaseOwner).HasMaxLength(64);
        b.Ignore(x => x.Types);
    }

    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("webhook_deliveries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.HasIndex(x => new { x.SubscriptionId, x.Id });
        b.Property(x => x.EventType).HasMaxLength(40);
        b.Property(x => x.Error).HasMaxLength(1000);
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<WebhookRedelivery> b)
    {
        b.ToTable("webhook_redeliveries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.HasIndex(x => new { x.SubscriptionId, x.Id });
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
