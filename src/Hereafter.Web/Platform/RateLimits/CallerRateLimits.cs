using Microsoft.Extensions.Options;

namespace Hereafter.Web.Platform.RateLimits;

/// <summary>
/// Limits counted per signed-in caller rather than per address, for use cases where the caller is known only after
/// authentication (the path-keyed limiter of <see cref="RateLimitsModule"/> runs before it) and where one person, not one
/// network, must not guess: a citizen claiming cases. Handlers call it, so a page and its API share one count. Counted per
/// node with the same fixed windows as the other limits; <see cref="RateLimitOptions.Enabled"/> false turns them off.
/// </summary>
public sealed class CallerRateLimits(IOptions<RateLimitOptions> options, TimeProvider clock)
{
    private readonly FixedWindowCounters<string> _counters = new(clock, StringComparer.Ordinal);

    /// <summary>Takes one permit of a citizen's case claims; null when allowed, else how long until the next one.</summary>
    public TimeSpan? FamilyClaim(string citizenSubject) => Acquire("family-claim:" + citizenSubject, options.Value.FamilyClaim);

    private TimeSpan? Acquire(string key, RateLimitRule rule) =>
        options.Value.Enabled ? _counters.TryAcquire(key, rule) : null;
}
