namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>
/// Subscribe to your department's events. <paramref name="Secret"/>, when given, is <c>whsec_</c> + base64 of 24 to 64
/// random bytes (Standard Webhooks); without it the platform generates one, returned once.
/// </summary>
public sealed record CreateSubscriptionRequest(string? CallbackUrl, string? Secret, string[]? EventTypes);

public sealed record SubscriptionCreated(Guid Id, string Secret);

public sealed record SubscriptionDto(Guid Id, Department Department, string CallbackUrl, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt,
    string DeliveredThrough, int FailedAttempts, DateTimeOffset? NextAttemptAt, string? LastError);

public sealed record DeliveryAttemptDto(Guid EventId, string EventType, int Attempt, DateTimeOffset At, int? HttpStatus, string? Error,
    bool Delivered, DateTimeOffset? NextRetryAt);

public sealed record DeliveriesDto(Guid SubscriptionId, string? LastError, int FailedAttempts, DateTimeOffset? NextAttemptAt,
    IReadOnlyList<DeliveryAttemptDto> Attempts);

/// <summary>
/// Header names of a webhook delivery: the Standard Webhooks headers (standardwebhooks.com), and the
/// deprecated <c>X-Hereafter-*</c> ones that are still sent for one release.
/// </summary>
public static class WebhookHeaders
{
    /// <summary>The event id; the same on every redelivery of the event (receivers de-duplicate by it).</summary>
    public const string Id = "webhook-id";
    /// <summary>When this attempt was sent, Unix seconds.</summary>
    public const string Timestamp = "webhook-timestamp";
    /// <summary><c>v1,</c> + base64 HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{raw body}</c>, keyed by the secret's base64-decoded part.</summary>
    public const string Signature = "webhook-signature";

    /// <summary>Deprecated: use <see cref="Id"/>. Removed in the next release.</summary>
    public const string LegacyEventId = "X-Hereafter-Event-Id";
    /// <summary>Deprecated: use <see cref="Timestamp"/>. Removed in the next release.</summary>
    public const string LegacyTimestamp = "X-Hereafter-Timestamp";
    /// <summary>
    /// Deprecated: use <see cref="Signature"/>. <c>sha256=</c> + lowercase hex HMAC-SHA256 of the raw body alone with
    /// the secret string's UTF-8 bytes; it does not cover the timestamp, so an old delivery can be replayed.
    /// </summary>
    public const string LegacySignature = "X-Hereafter-Signature";
}
