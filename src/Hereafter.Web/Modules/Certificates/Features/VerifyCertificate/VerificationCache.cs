using System.Collections.Concurrent;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Platform.Caching;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Signing;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Certificates.Features.VerifyCertificate;

/// <summary>A verification result with its JSON as served, so a cache hit writes bytes and nothing else.</summary>
public sealed record CachedVerification(VerificationResult Result, byte[] Json);

/// <summary>Settings of section <c>Certificates:VerificationCache</c>.</summary>
public sealed class VerificationCacheOptions
{
    public const string Section = "Certificates:VerificationCache";
    /// <summary>Answers for tokens that verified (valid, superseded, revoked) kept per node.</summary>
    public int MaxEntries { get; set; } = 100_000;
    /// <summary>Answers "invalid" kept per node, apart from the others: made-up tokens only ever push out each other.</summary>
    public int MaxInvalidEntries { get; set; } = 10_000;
    /// <summary>How long an answer is kept; other nodes see a correction or revocation within this (plus up to 2 s).</summary>
    public int TimeToLiveSeconds { get; set; } = 10;
}

/// <summary>
/// QR scans are the hottest public read. Results are kept for a few seconds per node and dropped at once
/// on this node when a certificate is corrected or revoked; other nodes see the change within the TTL.
/// Every store is a bounded LRU, and anything a caller can make up (an unknown, forged or malformed token) is kept
/// only in its own small one: a stream of random tokens neither grows memory nor pushes real certificates out.
/// </summary>
public sealed class VerificationCache
{
    private sealed record Entry(CachedVerification Answer, DateTimeOffset Expires, long Generation);
    private sealed record Flight(Lazy<Task<CachedVerification>> Result, long Generation);

    private readonly BoundedLru<string, Entry> _verified;
    private readonly BoundedLru<string, Entry> _invalid;
    // Signatures of tokens that verified: a signature never changes its verdict, so it outlives the status.
    private readonly BoundedLru<string, TokenCheck> _signatures;
    // One verification per token at a time however many ask (no stampede when an entry expires); entries leave when done.
    private readonly ConcurrentDictionary<string, Flight> _inFlight = new(StringComparer.Ordinal);
    private long _generation;
    private long _verifications;

    public VerificationCache(IOptions<VerificationCacheOptions> options)
    {
        var o = options.Value;
        _verified = new BoundedLru<string, Entry>(Math.Max(1, o.MaxEntries), StringComparer.Ordinal);
        _signatures = new BoundedLru<string, TokenCheck>(Math.Max(1, o.MaxEntries), StringComparer.Ordinal);
        _invalid = new BoundedLru<string, Entry>(Math.Max(1, o.MaxInvalidEntries), StringComparer.Ordinal);
        TimeToLive = TimeSpan.FromSeconds(Math.Max(0, o.TimeToLiveSeconds));
    }

    public TimeSpan TimeToLive { get; }

    /// <summary>Verifications that went past the cache to the signature check and the database, since start.</summary>
    public long Verifications => Interlocked.Read(ref _verifications);

    /// <summary>Answers held for tokens that verified / for invalid tokens.</summary>
    public (int Verified, int Invalid) Count => (_verified.Count, _invalid.Count);

    public async Task<TokenCheck> CheckSignatureAsync(string token, Func<Task<TokenCheck>> check)
    {
        if (_signatures.TryGet(token, out var known)) return known;
        var result = await check();
        if (result.Valid) _signatures.Set(token, result);
        return result;
    }

    public bool TryGet(string token, DateTimeOffset now, out CachedVerification result)
    {
        var generation = Interlocked.Read(ref _generation);
        if ((_verified.TryGet(token, out var e) || _invalid.TryGet(token, out e)) && e.Expires > now && e.Generation == generation)
        {
            result = e.Answer;
            return true;
        }
        result = null!;
        return false;
    }

    /// <summary>
    /// Answers from the cache, or verifies once however many requests ask for the same token at the
    /// same moment. Expiry is spread by up to two seconds.
    /// </summary>
    public async Task<CachedVerification> GetOrVerifyAsync(string token, DateTimeOffset now, Func<Task<CachedVerification>> verify)
    {
        if (TryGet(token, now, out var cached)) return cached;
        var generation = Interlocked.Read(ref _generation);
        var mine = new Flight(new Lazy<Task<CachedVerification>>(() =>
        {
            Interlocked.Increment(ref _verifications);
            return verify();
        }), generation);
        // Joins a verification of this generation already running; one started before an invalidation is not joined.
        var flight = _inFlight.AddOrUpdate(token, mine, (_, running) => running.Generation == generation ? running : mine);
        if (!ReferenceEquals(flight, mine)) return await flight.Result.Value;
        try
        {
            var answer = await mine.Result.Value;
            if (generation == Interlocked.Read(ref _generation))
            {
                var entry = new Entry(answer, now + TimeToLive + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 2000)), generation);
                if (EnumCodes<VerificationStatus>.Parse(answer.Result.Status) == VerificationStatus.Invalid) _invalid.Set(token, entry);
                else _verified.Set(token, entry);
            }
            return answer;
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Flight>(token, mine));
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _verified.Clear();
        _invalid.Clear();
    }
}
