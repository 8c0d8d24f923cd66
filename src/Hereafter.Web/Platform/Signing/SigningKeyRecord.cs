using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Platform.Signing;

/// <summary>
/// The public half of an SM2 signing key, shared through the database so that every web node
/// verifies tokens signed by any node, and old certificates still verify after rotation.
/// Private keys never leave the node's data folder.
/// </summary>
public sealed class SigningKeyRecord
{
    /// <summary>First 16 hex characters (8 bytes) of SM3 over the uncompressed public key.</summary>
    public string KeyId { get; set; } = "";
    /// <summary>Uncompressed SEC1 point (04 || X || Y), 130 lowercase hex characters.</summary>
    public string PublicKeyHex { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the key stopped signing; it keeps verifying.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

internal sealed class SigningKeyRecordConfiguration : IEntityTypeConfiguration<SigningKeyRecord>
{
    public void Configure(EntityTypeBuilder<SigningKeyRecord> b)
    {
        b.ToTable("signing_keys");
        b.HasKey(x => x.KeyId);
        b.Property(x => x.KeyId).HasMaxLength(16);
        b.Property(x => x.PublicKeyHex).HasMaxLength(130);
    }
}
