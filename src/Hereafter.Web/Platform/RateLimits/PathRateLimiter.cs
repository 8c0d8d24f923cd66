using System.Net;
using System.Threading.RateLimiting;

namespace Hereafter.Web.Platform.RateLimits;

/// <summary>
/// The global limiter of <see cref="RateLimitsModule"/>: picks the request's limits from its method and path and takes a
/// permit of each from <see cref="FixedWindowCounters{TKey}"/>. A request no rule limits costs a few path comparisons; a
/// limited one a map lookup and a compare-and-swap, keyed on the address itself rather than a string built from it.
/// </summary>
internal sealed class PathRateLimiter(RateLimitOptions settings, TimeProvider clock) : PartitionedRateLimiter<HttpContext>
{
    internal const string ClientIdItem = "Hereafter.RateLimits.ClientId";

    private readonly FixedWindowCounters<Key> _counters = new(clock);

    /// <summary>Keys held, for tests.</summary>
    internal int Count => _counters.Count;

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        Acquire(resource, permitCount) is { } retryAfter ? new Rejected(retryAfter) : Granted.Instance;

    // No queue (the framework's limiters had QueueLimit 0): waiting answers at once, like an attempt.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    private TimeSpan? Acquire(HttpContext http, int permits)
    {
        var request = http.Request;
        var path = request.Path;
        var address = http.Connection.RemoteIpAddress;
        if (HttpMethods.IsPost(request.Method) && path.Equals("/signin", StringComparison.OrdinalIgnoreCase))
            return Take(new Key(Limit.SignIn, address, null), settings.SignIn, permits);
        if (RateLimitsModule.IsToken(request))
        {
            // Per client id, or per address without one; and per address whatever the client id, so rotating made-up
            // client ids gains nothing.
            var first = http.Items[ClientIdItem] is string { Length: > 0 } clientId
                ? Take(new Key(Limit.TokenClient, null, clientId), settings.Token, permits)
                : Take(new Key(Limit.TokenAddress, address, null), settings.Token, permits);
            return first ?? Take(new Key(Limit.TokenPerAddress, address, null), settings.TokenPerAddress, permits);
        }
        if (HttpMethods.IsPost(request.Method) && path.Equals("/verify", StringComparison.OrdinalIgnoreCase))
            return Take(new Key(Limit.VerifyLookup, address, null), settings.VerifyLookup, permits);
        if (path.StartsWithSegments("/verify") || path.StartsWithSegments("/api/v1/verify"))
            return Take(new Key(Limit.Verify, address, null), settings.Verify, permits);
        if (path.StartsWithSegments("/prices/calculator") || path.StartsWithSegments("/api/v1/price-calculations"))
            return Take(new Key(Limit.PriceCalculator, address, null), settings.PriceCalculator, permits);
        return null;
    }

    private TimeSpan? Take(Key key, RateLimitRule rule, int permits) => _counters.TryAcquire(key, rule, permits);

    private enum Limit { SignIn, TokenClient, TokenAddress, TokenPerAddress, VerifyLookup, Verify, PriceCalculator }

    /// <summary>A limit and whom it counts: an address (null when the server has none, counted as one) or a client id.</summary>
    private readonly record struct Key(Limit Limit, IPAddress? Address, string? ClientId);

    private sealed class Granted : RateLimitLease
    {
        public static readonly Granted Instance = new();
        public override bool IsAcquired => true;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private sealed class Rejected(TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;
        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
