namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>Subscribe to your department's events. Without a secret the platform generates one (returned once).</summary>
public sealed record CreateSubscriptionRequest(string? CallbackUrl, string? Secret, string[]? EventTypes);

public sealed record SubscriptionCreated(Guid Id, string Secret);

public sealed record SubscriptionDto(Guid Id, string Department, string CallbackUrl, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt,
    string DeliveredThrough, int FailedAttempts, DateTimeOffset? NextAttemptAt, string? LastError);

public sealed record DeliveryAttemptDto(Guid EventId, string EventType, int Attempt, DateTimeOffset At, int? HttpStatus, string? Error,
    bool Delivered, DateTimeOffset? NextRetryAt);

public sealed record DeliveriesDto(Guid SubscriptionId, string? LastError, int FailedAttempts, DateTimeOffset? NextAttemptAt,
    IReadOnlyList<DeliveryAttemptDto> Attempts);

/// <summary>Header names of a webhook delivery.</summary>
public static class WebhookHeaders
{
    public const string EventId = "X-Hereafter-Event-Id";
    public const string Timestamp = "X-Hereafter-Timestamp";
    /// <summary><c>sha256=</c> + lowercase hex HMAC-SHA256 of the raw body with the subscription secret.</summary>
    public const string Signature = "X-Hereafter-Signature";
}
