using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Modules.Family.Data;

/// <summary>
/// A file a citizen uploaded to prove their relationship to the deceased (户口簿、结婚证、出生医学证明…), checked by
/// its bytes (<c>Hereafter.Domain.Family.ProofFile</c>). Each upload is kept (a rejected proof stays with the clerk's
/// reason); the clerk reviews the latest. No file name is stored: the file is served under a neutral name.
/// </summary>
public sealed class FamilyProof
{
    public Guid Id { get; set; }
    public Guid AdmissionId { get; set; }
    /// <summary>From the file's bytes (application/pdf, image/jpeg, image/png), never from what the browser said.</summary>
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class FamilyProofConfiguration : IEntityTypeConfiguration<FamilyProof>
{
    public void Configure(EntityTypeBuilder<FamilyProof> b)
    {
        b.ToTable("family_proofs");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.AdmissionId, x.UploadedAt });
        b.Property(x => x.ContentType).HasMaxLength(32);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<FamilyAdmission>().WithMany().HasForeignKey(x => x.AdmissionId);
    }
}
