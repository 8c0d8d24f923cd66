using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Certificates.Features.VerifyCertificate;
using Hereafter.Web.Platform.Caching;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Certificates;

/// <summary>A small verification cache with a long lifetime, so expiry never plays a part however slow the run.</summary>
public sealed class SmallVerificationCacheFactory : HereafterFactory
{
    public const int MaxEntries = 20;
    public const int MaxInvalidEntries = 10;

    protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Certificates:VerificationCache:MaxEntries"] = MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Certificates:VerificationCache:MaxInvalidEntries"] = MaxInvalidEntries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Certificates:VerificationCache:TimeToLiveSeconds"] = "3600",
        ["RateLimits:Verify:PermitLimit"] = "0",
    };
}

public sealed class VerificationCacheTests(SmallVerificationCacheFactory factory) : IClassFixture<SmallVerificationCacheFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task RandomAndForgedTokens_DoNotPushOutAKnownCertificate()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var issued = await (await hospital.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(People.Next()), Web)).JsonAsync();
        var number = issued.GetProperty("number").GetString()!;
        var token = new Uri(issued.GetProperty("verificationUrl").GetString()!).AbsolutePath.Split('/')[^1];
        var visitor = factory.CreateClient();
        Assert.Equal("valid", (await (await visitor.GetAsync("/api/v1/verify/" + token)).JsonAsync()).GetProperty("status").GetString());
        var cache = factory.Services.GetRequiredService<VerificationCache>();

        // Ten times the cache: forged tokens (the real key id and signature, another version id: each costs a signature
        // check) and made-up ones of every shape.
        var bytes = Base64UrlDecode(token);
        var junk = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            var forged = (byte[])bytes.Clone();
            BitConverter.GetBytes(i + 1).CopyTo(forged, 1);
            junk.Add(Base64UrlEncode(forged));
            junk.Add(Base64UrlEncode(Guid.NewGuid().ToByteArray().Concat(bytes[16..]).ToArray()));
        }
        foreach (var t in junk)
        {
            var answer = await visitor.GetAsync("/api/v1/verify/" + t);
            Assert.Equal("invalid", (await answer.JsonAsync()).GetProperty("status").GetString());
        }
        var (verified, invalid) = cache.Count;
        Assert.InRange(invalid, 1, SmallVerificationCacheFactory.MaxInvalidEntries);
        Assert.InRange(verified, 1, SmallVerificationCacheFactory.MaxEntries);

        // Revoked behind the cache's back (as on another node): this node still answers from its cached entry,
        // without verifying again, so the entry survived the flood.
        var before = cache.Verifications;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            await db.Set<Certificate>().Where(c => c.Number == number)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CertificateStatus.Revoked).SetProperty(c => c.ActiveNumber, (string?)null));
        }
        Assert.Equal("valid", (await (await visitor.GetAsync("/api/v1/verify/" + token)).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(before, cache.Verifications);
    }

    [Fact]
    public async Task AnInvalidTokenAskedAgain_IsAnsweredFromTheCache()
    {
        var visitor = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<VerificationCache>();
        var made = Base64UrlEncode(new byte[113]);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/api/v1/verify/" + made)).StatusCode);
        var before = cache.Verifications;
        var again = await visitor.GetAsync("/api/v1/verify/" + made);
        Assert.Equal("invalid", (await again.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(before, cache.Verifications);
    }

    [Fact]
    public void BoundedLru_DropsTheLeastRecentlyUsed_AndKeepsWhatIsRead()
    {
        var lru = new BoundedLru<string, int>(3);
        lru.Set("hot", 1);
        for (var i = 0; i < 1000; i++)
        {
            lru.Set("junk-" + i, i);
            Assert.True(lru.TryGet("hot", out var value));
            Assert.Equal(1, value);
        }
        Assert.Equal(3, lru.Count);
        Assert.False(lru.TryGet("junk-0", out _));
        Assert.True(lru.TryGet("junk-999", out _));
        Assert.Equal(998, lru.Evictions);
    }

    private static byte[] Base64UrlDecode(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
