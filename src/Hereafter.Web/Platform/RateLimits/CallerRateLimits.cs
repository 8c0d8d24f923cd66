using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Platform.RateLimits;

/// <summary>
/// Limits counted per signed-in caller rather than per address, for use cases where the caller is known only after
/// authentication (the path-keyed limiter of <see cref="RateLimitsModule"/> runs before it) and where one person, not one
/// network, must not guess: a citizen claiming cases. Handlers call it, so a page and its API share one count. Counted per
/// node, like the other limits; <see cref="RateLimitOptions.Enabled"/> false turns them off.
/// </summary>
public sealed class CallerRateLimits(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<(string Key, RateLimitRule Rule)> _limiter =
        PartitionedRateLimiter.Create<(string Key, RateLimitRule Rule), string>(resource =>
            RateLimitPartition.GetFixedWindowLimiter(resource.Key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = resource.Rule.PermitLimit,
                Window = TimeSpan.FromSeconds(resource.Rule.WindowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    /// <summary>Takes one permit of a citizen's case claims; null when allowed, else how long until the next one.</summary>
    public TimeSpan? FamilyClaim(string citizenSubject) => Acquire("family-claim:" + citizenSubject, options.Value.FamilyClaim);

    private TimeSpan? Acquire(string key, RateLimitRule rule)
    {
        if (!options.Value.Enabled || !rule.Limits) return null;
        using var lease = _limiter.AttemptAcquire((key, rule));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(rule.WindowSeconds);
    }

    public void Dispose() => _limiter.Dispose();
}
