using System.Security.Cryptography;
using Hereafter.Web.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Hereafter.Web.Platform.Auth;

/// <summary>
/// One RSA key of the OpenID Connect server (what signs identity tokens and the JWKS, what encrypts JWTs), its PKCS#8
/// private key protected with the platform's Data Protection key ring. Access tokens themselves use the Data Protection
/// format, so every node that shares the key ring (all nodes over one database) accepts every token.
/// </summary>
public sealed class OidcServerKey
{
    /// <summary><c>signing</c> or <c>encryption</c>.</summary>
    public string Use { get; set; } = "";
    public string ProtectedKey { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class OidcServerKeyConfiguration : IEntityTypeConfiguration<OidcServerKey>
{
    public void Configure(EntityTypeBuilder<OidcServerKey> b)
    {
        b.ToTable("oidc_server_keys");
        b.HasKey(x => x.Use);
        b.Property(x => x.Use).HasMaxLength(16);
    }
}

/// <summary>
/// Gives the OpenIddict server its signing and encryption keys from the database, creating them on first use (the first
/// node to start wins; the others read its keys). No development certificate is ever used, in any environment.
/// </summary>
internal sealed class OidcServerKeySetup(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock)
    : IConfigureOptions<OpenIddictServerOptions>
{
    private const string Purpose = "Hereafter.Auth.OidcServerKey.v1";

    public void Configure(OpenIddictServerOptions options)
    {
        var signing = new RsaSecurityKey(Load("signing"));
        signing.KeyId = KeyId(signing.Rsa);
        var encryption = new RsaSecurityKey(Load("encryption"));
        encryption.KeyId = KeyId(encryption.Rsa);
        options.SigningCredentials.Add(new SigningCredentials(signing, SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(encryption, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private static string KeyId(RSA rsa) =>
        Convert.ToHexStringLower(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];

    private RSA Load(string use)
    {
        var protector = protection.CreateProtector(Purpose);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var stored = db.Set<OidcServerKey>().AsNoTracking().FirstOrDefault(k => k.Use == use);
        if (stored is null)
        {
            using var created = RSA.Create(2048);
            db.Add(new OidcServerKey
            {
                Use = use, CreatedAt = clock.GetUtcNow(),
                ProtectedKey = protector.Protect(Convert.ToBase64String(created.ExportPkcs8PrivateKey())),
            });
            try { db.SaveChanges(); }
            catch (DbUpdateException e) when (UniqueViolation.Is(e)) { db.ChangeTracker.Clear(); } // another node stored its key first: use that one
            stored = db.Set<OidcServerKey>().AsNoTracking().First(k => k.Use == use);
        }
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(protector.Unprotect(stored.ProtectedKey)), out _);
        return rsa;
    }
}
