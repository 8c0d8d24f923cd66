namespace Hereafter.Web.Modules.Sharing.Features.DeliverWebhooks;

/// <summary>Configuration section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";
    /// <summary>How often a node looks for due subscriptions when nothing wakes it.</summary>
    public int PollMilliseconds { get; set; } = 250;
    /// <summary>First retry delay; doubles with each failure of the same event.</summary>
    public int RetryBaseMilliseconds { get; set; } = 1000;
    /// <summary>Longest delay between retries; retries never stop.</summary>
    public int RetryCapSeconds { get; set; } = 600;
    public int TimeoutSeconds { get; set; } = 10;
    /// <summary>Subscriptions delivered at once by one node.</summary>
    public int MaxConcurrency { get; set; } = 8;
    /// <summary>How long a claimed subscription stays with a node without renewal; must exceed the timeout.</summary>
    public int LeaseSeconds { get; set; } = 60;
    /// <summary>Events read at once for one subscription.</summary>
    public int BatchSize { get; set; } = 100;
    /// <summary>
    /// Deliveries recorded (cursor, attempt rows, audit entries) in one transaction once this many are accepted, or
    /// <see cref="SaveEveryMilliseconds"/> after the last save, whichever comes first. A node that stops in between
    /// delivers those events again (same ids), so this bounds the repeats, not what is lost.
    /// </summary>
    public int SaveEveryEvents { get; set; } = 500;
    public int SaveEveryMilliseconds { get; set; } = 1000;

    public TimeSpan RetryDelay(int failedAttempts) =>
        TimeSpan.FromMilliseconds(Math.Min(RetryCapSeconds * 1000.0, RetryBaseMilliseconds * Math.Pow(2, Math.Min(30, failedAttempts - 1))));
}
