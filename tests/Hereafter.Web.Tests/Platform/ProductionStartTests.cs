using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Platform;

/// <summary>
/// Production refuses to start without an encrypted key ring and without its public address, with one message that
/// names what is missing; with them it starts, and the key ring in the database is encrypted.
/// </summary>
public sealed class ProductionStartTests
{
    private sealed class Production : HereafterFactory
    {
        private readonly Dictionary<string, string?> _settings;

        public Production(Dictionary<string, string?> settings)
        {
            EnvironmentName = "Production";
            _settings = settings;
        }

        public Production(Production previous, Dictionary<string, string?> settings) : base(previous)
        {
            EnvironmentName = "Production";
            _settings = settings;
        }

        protected override IDictionary<string, string?> ExtraSettings() => _settings;
    }

    [Fact]
    public void WithoutKeyRingProtection_StartUpStops_NamingTheSettings()
    {
        using var app = new Production(new() { ["Platform:DataProtection:Key"] = null });
        var e = Assert.Throws<InvalidOperationException>(() => app.Server);
        Assert.Contains("Platform:DataProtection:Key", e.Message);
        Assert.Contains("Platform:DataProtection:CertificatePath", e.Message);
        Assert.DoesNotContain("Platform:PublicBaseUrl", e.Message);
    }

    [Fact]
    public void WithoutPublicBaseUrl_StartUpStops_NamingIt()
    {
        using var app = new Production(new() { ["Platform:PublicBaseUrl"] = null });
        var e = Assert.Throws<InvalidOperationException>(() => app.Server);
        Assert.Contains("Platform:PublicBaseUrl is not set", e.Message);
        Assert.DoesNotContain("DataProtection", e.Message);
    }

    [Fact]
    public void WithNeither_OneMessageNamesBoth()
    {
        using var app = new Production(new() { ["Platform:PublicBaseUrl"] = null, ["Platform:DataProtection:Key"] = null });
        var e = Assert.Throws<InvalidOperationException>(() => app.Server);
        Assert.Contains("Platform:PublicBaseUrl", e.Message);
        Assert.Contains("Platform:DataProtection:Key", e.Message);
        Assert.StartsWith("Hereafter cannot start in the Production environment", e.Message);
    }

    [Fact]
    public void AKeyThatIsNot32Bytes_IsRefused()
    {
        using var app = new Production(new() { ["Platform:DataProtection:Key"] = Convert.ToBase64String(new byte[16]) });
        var e = Assert.Throws<InvalidOperationException>(() => app.Server);
        Assert.Contains("Platform:DataProtection:Key must be the base64 of 32 random bytes", e.Message);
    }

    [Fact]
    public async Task WithAKey_TheKeyRingIsStoredEncrypted_AndReadsBackAfterARestart()
    {
        var settings = new Dictionary<string, string?> { ["Platform:PublicBaseUrl"] = "https://hereafter.test" };
        var first = new Production(settings) { KeepStorage = true };
        string protectedText;
        try
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("秘密");
            var keys = await KeyXmlAsync(first);
            Assert.NotEmpty(keys);
            Assert.All(keys, AssertEncrypted);
            Assert.All(keys, k => Assert.Contains("aesGcmEncrypted", k));
        }
        finally
        {
            first.Dispose();
        }

        using var restarted = new Production(first, settings);
        Assert.Equal("秘密", restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));

        // Another key cannot read the ring.
        var otherKey = new Dictionary<string, string?>(settings) { ["Platform:DataProtection:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        using var wrong = new Production(restarted, otherKey) { KeepStorage = true };
        Assert.ThrowsAny<CryptographicException>(() =>
            wrong.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    [Fact]
    public async Task WithACertificate_TheKeyRingIsEncryptedToIt_AndThePlatformServesPages()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hereafter-tests", "pfx-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dir);
        try
        {
            var pfx = Path.Combine(dir, "keyring.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=Hereafter key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(pfx, cert.Export(X509ContentType.Pfx, "pfx-password"));
            }
            using var app = new Production(new()
            {
                ["Platform:PublicBaseUrl"] = "https://hereafter.test",
                ["Platform:DataProtection:Key"] = null,
                ["Platform:DataProtection:CertificatePath"] = pfx,
                ["Platform:DataProtection:CertificatePassword"] = "pfx-password",
            });
            var client = app.CreateClient();
            var page = await client.GetAsync("/signin"); // its antiforgery token needs a key
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);

            var keys = await KeyXmlAsync(app);
            Assert.NotEmpty(keys);
            Assert.All(keys, AssertEncrypted);
            Assert.All(keys, k => Assert.Contains("EncryptedData", k));
            var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
            Assert.Equal("秘密", protector.Unprotect(protector.Protect("秘密")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ACertificatePathThatDoesNotExist_IsRefused()
    {
        using var app = new Production(new() { ["Platform:DataProtection:Key"] = null, ["Platform:DataProtection:CertificatePath"] = "/nonexistent/keyring.pfx" });
        var e = Assert.Throws<InvalidOperationException>(() => app.Server);
        Assert.Contains("Platform:DataProtection:CertificatePath names a file that does not exist", e.Message);
    }

    private static void AssertEncrypted(string xml)
    {
        Assert.DoesNotContain("<masterKey", xml);
        Assert.Contains("encryptedSecret", xml);
    }

    private static async Task<List<string>> KeyXmlAsync(HereafterFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        return await db.Set<DataProtectionKeyRecord>().Select(k => k.Xml).ToListAsync();
    }
}
