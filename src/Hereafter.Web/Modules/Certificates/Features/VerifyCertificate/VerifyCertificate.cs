using Hereafter.Domain.Time;
using System.Collections.Concurrent;
using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Signing;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.VerifyCertificate;

/// <summary>
/// Public verification of a scanned QR token: the SM2 signature must verify, the version must exist and
/// its content digest must match the signed one; then the status is valid, superseded or revoked.
/// Only masked data is returned. Nothing personal is in the token itself.
/// </summary>
public sealed class VerifyCertificateHandler(HereafterDbContext db, CertificateTokens tokens, VerificationCache cache, TimeProvider clock)
{
    public static readonly VerificationResult Invalid = new("invalid", null, null, null, null);

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
    private static readonly CachedVerification InvalidAnswer = new(Invalid, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Invalid, Json));

    public async Task<VerificationResult> HandleAsync(string token, CancellationToken ct) => (await AnswerAsync(token, ct)).Result;

    private Task<CachedVerification> AnswerAsync(string token, CancellationToken ct)
    {
        _ = ct; // a verification started for one caller is shared with others: it is not cancelled with it
        if (string.IsNullOrWhiteSpace(token) || token.Length > 512) return Task.FromResult(InvalidAnswer);
        return cache.GetOrVerifyAsync(token, clock.GetUtcNow(), async () =>
        {
            var result = await VerifyAsync(token, CancellationToken.None);
            return result == Invalid ? InvalidAnswer : new CachedVerification(result, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(result, Json));
        });
    }

    /// <summary>
    /// The endpoint's path: a cache hit answers with the stored JSON, without a request scope, this handler
    /// (and its DbContext) or serialising again. <paramref name="cache"/> and <paramref name="clock"/> are singletons.
    /// </summary>
    public static async Task<byte[]> AnswerJsonAsync(string token, HttpContext http, VerificationCache cache, TimeProvider clock)
    {
        if (cache.TryGet(token, clock.GetUtcNow(), out var cached)) return cached.Json;
        return (await http.RequestServices.GetRequiredService<VerifyCertificateHandler>().AnswerAsync(token, http.RequestAborted)).Json;
    }

    private async Task<VerificationResult> VerifyAsync(string token, CancellationToken ct)
    {
        // A signature never changes its verdict: it is remembered longer than the status.
        var check = await cache.CheckSignatureAsync(token, () => tokens.VerifyAsync(token));
        if (!check.Valid || check.Payload is null) return Invalid;
        var row = await (from v in db.Set<CertificateVersion>().AsNoTracking()
                         join c in db.Set<Certificate>() on v.CertificateId equals c.Id
                         join o in db.Set<Platform.Organisations.Organisation>() on c.IssuerOrganisationId equals o.Id
                         where v.Id == check.Payload.VersionId
                         select new { v.Version, v.ContentDigest, v.Token, c.CurrentVersion, c.Status, c.DecedentName, c.Number, c.NumberKind, c.DeathAt, Issuer = o.Name })
            .FirstOrDefaultAsync(ct);
        if (row is null || row.Token is null) return Invalid;
        if (!string.Equals(row.ContentDigest, Convert.ToHexStringLower(check.Payload.ContentDigest), StringComparison.Ordinal)) return Invalid;
        var status = row.Status switch
        {
            CertificateStatus.Revoked => "revoked",
            CertificateStatus.Issued when row.Version < row.CurrentVersion => "superseded",
            CertificateStatus.Issued => "valid",
            _ => "invalid",
        };
        if (status == "invalid") return Invalid;
        return new VerificationResult(status,
            PersonalDataMask.Name(row.DecedentName),
            row.NumberKind == "unidentified" ? null : PersonalDataMask.IdNumber(row.Number),
            ChinaTime.Date(row.DeathAt),
            row.Issuer);
    }
}

/// <summary>
/// QR scans are the hottest public read. Results are kept for a few seconds per node and dropped at once
/// on this node when a certificate is corrected or revoked; other nodes see the change within the TTL.
/// </summary>
/// <summary>A verification result with its JSON as served, so a cache hit writes bytes and nothing else.</summary>
public sealed record CachedVerification(VerificationResult Result, byte[] Json);

public sealed class VerificationCache
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(10);
    private const int MaxEntries = 100_000;

    private sealed record Entry(Lazy<Task<CachedVerification>> Result, DateTimeOffset Expires, long Generation)
    {
        public bool UsableAt(DateTimeOffset now, long generation) =>
            Generation == generation && (Expires > now || !Result.IsValueCreated || !Result.Value.IsCompleted);
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<TokenCheck>> _signatures = new(StringComparer.Ordinal);
    private long _generation;

    public Task<TokenCheck> CheckSignatureAsync(string token, Func<Task<TokenCheck>> check)
    {
        if (_signatures.Count >= MaxEntries) _signatures.Clear();
        var task = _signatures.GetOrAdd(token, _ => check());
        if (task.IsFaulted || task.IsCanceled) _signatures.TryRemove(token, out _);
        return task;
    }

    public bool TryGet(string token, DateTimeOffset now, out CachedVerification result)
    {
        if (_entries.TryGetValue(token, out var e) && e.Expires > now && e.Generation == Interlocked.Read(ref _generation)
            && e.Result.IsValueCreated && e.Result.Value.IsCompletedSuccessfully)
        {
            result = e.Result.Value.Result;
            return true;
        }
        result = null!;
        return false;
    }

    /// <summary>
    /// Answers from the cache, or verifies once however many requests ask for the same token at the
    /// same moment (no stampede when an entry expires). Expiry is spread by up to two seconds.
    /// </summary>
    public async Task<CachedVerification> GetOrVerifyAsync(string token, DateTimeOffset now, Func<Task<CachedVerification>> verify)
    {
        var generation = Interlocked.Read(ref _generation);
        if (_entries.Count >= MaxEntries) _entries.Clear();
        var fresh = new Entry(new Lazy<Task<CachedVerification>>(verify),
            now + TimeToLive + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 2000)), generation);
        var entry = _entries.AddOrUpdate(token, fresh, (_, existing) => existing.UsableAt(now, generation) ? existing : fresh);
        try
        {
            return await entry.Result.Value;
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(token, entry));
            throw;
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
