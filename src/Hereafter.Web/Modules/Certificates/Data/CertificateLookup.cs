using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Modules.Certificates.Data;

/// <summary>
/// One lookup of a certificate by number by an organisation other than its issuer (found or not), for the
/// per-organisation limit that every node enforces and for the supervisor's list of unusual lookups.
/// </summary>
public sealed class CertificateLookup
{
    public long Id { get; set; }
    public Guid OrganisationId { get; set; }
    public string OrganisationName { get; set; } = "";
    /// <summary>SHA-256 (hex) of the normalised number: distinct numbers are counted without another copy of ID numbers.</summary>
    public string NumberHash { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

internal sealed class CertificateLookupConfiguration : IEntityTypeConfiguration<CertificateLookup>
{
    public void Configure(EntityTypeBuilder<CertificateLookup> b)
    {
        b.ToTable("certificate_lookups");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.OrganisationName).HasMaxLength(128);
        b.Property(x => x.NumberHash).HasMaxLength(64);
        b.HasIndex(x => new { x.OrganisationId, x.At });
        b.HasIndex(x => x.At);
    }
}
