using Hereafter.Web.Platform.Signing;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Platform.Data;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hereafter.Web.Tests.Signing;

public sealed class CertificateTokensTests(HereafterFactory factory) : IClassFixture<HereafterFactory>, IDisposable
{
    private readonly List<string> _folders = [];

    private readonly SigningDatabase _database = new();

    /// <summary>A key store on the shared test database with its own key folder, like one web node.</summary>
    private SigningKeyStore NewStore(string? folder = null, IServiceProvider? on = null)
    {
        folder ??= NewFolder();
        var services = on ?? _database.Services;
        return new SigningKeyStore(folder, null, services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<SigningKeyStore>.Instance);
    }

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hereafter-tests", "keys-" + Guid.NewGuid().ToString("n"));
        _folders.Add(folder);
        return folder;
    }

    private static CertificateTokenPayload Payload() =>
        new(Guid.NewGuid(), CertificateTokens.Digest("{\"name\":\"张三\"}"), DateTimeOffset.FromUnixTimeSeconds(1_795_000_000));

    [Fact]
    public async Task Token_RoundTrips()
    {
        var tokens = new CertificateTokens(NewStore());
        var payload = Payload();
        var token = await tokens.SignAsync(payload);

        Assert.Equal(151, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        var check = await tokens.VerifyAsync(token);
        Assert.True(check.Valid, check.Reason);
        Assert.Null(check.Reason);
        Assert.Equal(payload.VersionId, check.Payload!.VersionId);
        Assert.Equal(payload.ContentDigest, check.Payload.ContentDigest);
        Assert.Equal(payload.SignedAt, check.Payload.SignedAt);
        Assert.Equal(16, check.KeyId!.Length);
    }

    [Fact]
    public async Task Format1_IsUnchanged_AndFormat2_NamesACremationCertificate_UnderTheSameSignature()
    {
        var tokens = new CertificateTokens(NewStore());
        var payload = Payload();
        var certificate = Convert.FromBase64String(Pad(await tokens.SignAsync(payload)));
        Assert.Equal(CertificateTokens.Format, certificate[0]);
        Assert.Equal(113, certificate.Length);
        Assert.Equal(payload.VersionId, new Guid(certificate.AsSpan(1, 16), bigEndian: true));
        Assert.Equal(payload.ContentDigest, certificate[25..41]);

        var cremation = await tokens.SignAsync(payload with { Format = CertificateTokens.CremationFormat });
        Assert.Equal(151, cremation.Length);
        var check = await tokens.VerifyAsync(cremation);
        Assert.True(check.Valid, check.Reason);
        Assert.Equal(CertificateTokens.CremationFormat, check.Payload!.Format);
        Assert.Equal(CertificateTokens.Format, (await tokens.VerifyAsync(Base64(certificate))).Payload!.Format);

        // The format byte is signed: turning a 火化证明's token into a certificate's breaks it.
        var bytes = Convert.FromBase64String(Pad(cremation));
        bytes[0] = CertificateTokens.Format;
        Assert.False((await tokens.VerifyAsync(Base64(bytes))).Valid);
        // A booking pass (format 3) is signed as such; a 火化证明 changed into one does not verify either.
        bytes[0] = CertificateTokens.BookingPassFormat;
        Assert.Equal("bad signature", (await tokens.VerifyAsync(Base64(bytes))).Reason);
        var pass = await tokens.VerifyAsync(await tokens.SignAsync(payload with { Format = CertificateTokens.BookingPassFormat }));
        Assert.Equal(CertificateTokens.BookingPassFormat, pass.Payload!.Format);
        bytes[0] = 4;
        Assert.Equal("unknown format 4", (await tokens.VerifyAsync(Base64(bytes))).Reason);
        await Assert.ThrowsAsync<ArgumentException>(() => tokens.SignAsync(payload with { Format = 4 }));
    }

    private static string Base64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public void Digest_IsFirst16BytesOfSm3()
    {
        // SM3("abc") = 66c7f0f4 62eeedd9 d1f2d46b dc10e4e2 4167c487 5cf2f7a2 297da02b 8f4ba8e0 (GB/T 32905 example)
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e2", Convert.ToHexStringLower(CertificateTokens.Digest("abc")));
    }

    [Fact]
    public void Signature_UsesTheStandardDefaultUserId()
    {
        // A verifier that knows nothing of ours (BouncyCastle's defaults: SM3, user id 1234567812345678) accepts it.
        var key = Sm2.NewPrivateKey();
        var message = "居民死亡医学证明"u8.ToArray();
        var signature = Sm2.Sign(key, message);
        var verifier = new Org.BouncyCastle.Crypto.Signers.SM2Signer(Org.BouncyCastle.Crypto.Signers.PlainDsaEncoding.Instance, new Org.BouncyCastle.Crypto.Digests.SM3Digest());
        verifier.Init(false, Sm2.PublicKeyOf(key));
        verifier.BlockUpdate(message, 0, message.Length);
        Assert.True(verifier.VerifySignature(signature));
        Assert.Equal(64, signature.Length);
    }

    [Fact]
    public async Task AlteredToken_IsInvalid_AtEveryPosition()
    {
        var tokens = new CertificateTokens(NewStore());
        var token = await tokens.SignAsync(Payload());
        for (var i = 0; i < token.Length; i++)
        {
            foreach (var replacement in new[] { token[i] == 'A' ? 'B' : 'A', token[i] == '_' ? '-' : '_', (char)(token[i] ^ 1) })
            {
                if (replacement == token[i]) continue;
                var altered = token[..i] + replacement + token[(i + 1)..];
                var check = await tokens.VerifyAsync(altered);
                Assert.False(check.Valid, $"position {i} '{token[i]}'→'{replacement}' still verifies");
                Assert.NotNull(check.Reason);
                Assert.Null(check.Payload);
            }
        }
    }

    [Fact]
    public async Task TokenOfAnotherKey_IsInvalid()
    {
        // A second store in another folder on another database: its key is unknown here.
        using var other = new SigningDatabase();
        var foreign = new CertificateTokens(NewStore(on: other.Services));
        var token = await foreign.SignAsync(Payload());

        var check = await new CertificateTokens(NewStore()).VerifyAsync(token);
        Assert.False(check.Valid);
        Assert.Equal("unknown signing key", check.Reason);
    }

    [Fact]
    public async Task TokenSignedByAnotherKey_WithThisKeyId_IsInvalid()
    {
        // Forgery: a valid signature by a foreign key, relabelled with the key id of a known key.
        var store = NewStore();
        var tokens = new CertificateTokens(store);
        var known = await store.GetSigningKeyAsync();
        using var other = new SigningDatabase();
        var forged = Convert.FromBase64String(Pad(await new CertificateTokens(NewStore(on: other.Services)).SignAsync(Payload())));
        Convert.FromHexString(known.KeyId).CopyTo(forged, 17);

        var check = await tokens.VerifyAsync(Convert.ToBase64String(forged).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
        Assert.False(check.Valid);
        Assert.Equal("bad signature", check.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("!!!!####")]
    [InlineData("AQ")]
    [InlineData("A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("5Lit5paH5Lit5paH")]
    public async Task GarbageToken_IsInvalid(string token)
    {
        var check = await new CertificateTokens(NewStore()).VerifyAsync(token);
        Assert.False(check.Valid);
        Assert.False(string.IsNullOrEmpty(check.Reason));
    }

    [Fact]
    public async Task TruncatedOrExtendedToken_IsInvalid()
    {
        var tokens = new CertificateTokens(NewStore());
        var token = await tokens.SignAsync(Payload());
        foreach (var length in new[] { 0, 1, 2, 10, 50, 100, 140, 148, 149, 150 })
        {
            Assert.False((await tokens.VerifyAsync(token[..length])).Valid, $"truncated to {length}");
        }
        Assert.False((await tokens.VerifyAsync(token + "A")).Valid);
        Assert.False((await tokens.VerifyAsync(token + "AAAA")).Valid);
        Assert.False((await tokens.VerifyAsync(null)).Valid);
        Assert.False((await tokens.VerifyAsync(new string('A', 5000))).Valid);
    }

    [Fact]
    public async Task AfterRotation_OldTokensVerify_AndNewTokensUseTheNewKey()
    {
        var store = NewStore();
        var tokens = new CertificateTokens(store);
        var oldToken = await tokens.SignAsync(Payload());
        var oldKeyId = (await tokens.VerifyAsync(oldToken)).KeyId;

        var newKeyId = await store.RotateAsync();
        Assert.NotEqual(oldKeyId, newKeyId);

        var oldCheck = await tokens.VerifyAsync(oldToken);
        Assert.True(oldCheck.Valid, oldCheck.Reason);
        Assert.Equal(oldKeyId, oldCheck.KeyId);
        var newCheck = await tokens.VerifyAsync(await tokens.SignAsync(Payload()));
        Assert.True(newCheck.Valid, newCheck.Reason);
        Assert.Equal(newKeyId, newCheck.KeyId);

        // A restarted node (fresh store, same folder) signs with the newest key and verifies both.
        var restarted = new CertificateTokens(NewStore(store.KeyDirectory));
        Assert.True((await restarted.VerifyAsync(oldToken)).Valid);
        Assert.Equal(newKeyId, (await restarted.VerifyAsync(await restarted.SignAsync(Payload()))).KeyId);

        using var scope = _database.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var rows = db.Set<SigningKeyRecord>().Where(k => k.KeyId == oldKeyId || k.KeyId == newKeyId).ToList();
        Assert.Equal(2, rows.Count);
        Assert.NotNull(rows.Single(r => r.KeyId == oldKeyId).RetiredAt);
        Assert.Null(rows.Single(r => r.KeyId == newKeyId).RetiredAt);
        Assert.All(rows, r => Assert.Equal(TimeSpan.Zero, r.CreatedAt.Offset));
    }

    [Fact]
    public async Task AnotherNode_OnTheSameDatabase_WithAnEmptyFolder_VerifiesTokensOfTheFirst()
    {
        var first = new CertificateTokens(NewStore());
        var token = await first.SignAsync(Payload());

        var secondStore = NewStore();
        var second = new CertificateTokens(secondStore);
        var check = await second.VerifyAsync(token);
        Assert.True(check.Valid, check.Reason);
        // …and it has a key of its own, which the first node verifies in turn.
        var back = await second.SignAsync(Payload());
        Assert.NotEqual(check.KeyId, (await secondStore.GetSigningKeyAsync()).KeyId);
        Assert.True((await first.VerifyAsync(back)).Valid);
    }

    [Fact]
    public async Task KeyFile_IsCreatedPrivate_InTheKeysFolder()
    {
        var store = NewStore();
        var key = await store.GetSigningKeyAsync();
        var file = Path.Combine(store.KeyDirectory, $"sm2-{key.KeyId}.key");
        Assert.True(File.Exists(file));
        Assert.Contains("private: ", await File.ReadAllTextAsync(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task AddPlatformSigning_RegistersTheServices_InTheDataFolder()
    {
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddPlatformSigning()));
        var tokens = app.Services.GetRequiredService<CertificateTokens>();
        var store = app.Services.GetRequiredService<SigningKeyStore>();
        Assert.Same(store, app.Services.GetRequiredService<SigningKeyStore>());
        Assert.Equal(Path.Combine(factory.DataDirectory, "keys"), store.KeyDirectory);
        Assert.True((await tokens.VerifyAsync(await tokens.SignAsync(Payload()))).Valid);
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - s.Length % 4) % 4);
    }

    public void Dispose()
    {
        _database.Dispose();
        foreach (var folder in _folders)
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
