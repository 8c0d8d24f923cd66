using Hereafter.Domain.Time;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Modules.Certificates.Data;

/// <summary>One death certificate (居民死亡医学证明). Its content lives in versions.</summary>
public sealed class Certificate
{
    private DateTimeOffset certifiedAt;

    public Guid Id { get; set; }
    /// <summary>The certificate number: citizen ID, passport/other ID, or credit code + yearly serial.</summary>
    public string Number { get; set; } = "";
    /// <summary>
    /// Equals <see cref="Number"/> while the certificate is issued or held for review, null otherwise.
    /// A unique index on it is what makes "one active certificate per person" hold across nodes.
    /// </summary>
    public string? ActiveNumber { get; set; }
    public CertificateNumberKind NumberKind { get; set; }
    public CertificateStatus Status { get; set; } = CertificateStatus.Issued;
    public int CurrentVersion { get; set; }
    public Guid IssuerOrganisationId { get; set; }
    public string DecedentName { get; set; } = "";
    /// <summary>Name without spaces and middle dots, lower-case Latin: the possible-duplicate key.</summary>
    public string NameKey { get; set; } = "";
    public DateOnly? BirthDate { get; set; }
    public string Sex { get; set; } = "";
    /// <summary>Moment of death, UTC (the local time with its offset is in the version data).</summary>
    public DateTimeOffset DeathAt { get; set; }
    public DateTimeOffset CertifiedAt
    {
        get => certifiedAt;
        set { certifiedAt = value; CertifiedMonth = ChinaTime.MonthNumber(value); }
    }
    /// <summary>
    /// The China month of <see cref="CertifiedAt"/> as yyyyMM, kept with it: the figures' period is whole China months, and
    /// a year of a city's certificates is counted by month and issuer in the order of an index on this column rather than
    /// sorted first (SQLite groups by sorting).
    /// </summary>
    public int CertifiedMonth { get; private set; }
    /// <summary>When it became issued and was reported on; null while held for review.</summary>
    public DateTimeOffset? ReportedAt { get; set; }
    /// <summary>Certified more than one day after death.</summary>
    public bool CertifiedLate { get; set; }
    /// <summary>Reported more than five working days after death.</summary>
    public bool ReportedLate { get; set; }
    public int WarningCount { get; set; }
    public int ReissueCount { get; set; }
    public bool Corrected { get; set; }
    public Guid? PossibleDuplicateOfId { get; set; }
    public string? ReviewNote { get; set; }
    public string? RevocationReason { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>
    /// Raised by every change after issue (correct, reissue, revoke, review) through a conditional update
    /// (<c>CertificateClaims.ClaimAsync</c>); also EF's concurrency token. Of two racing changes one wins,
    /// the other gets 409.
    /// </summary>
    public int Revision { get; set; }
}

/// <summary>A version of the certificate's content. A correction adds one; the old one is superseded.</summary>
public sealed class CertificateVersion
{
    /// <summary>The opaque identifier carried in the signed QR token.</summary>
    public Guid Id { get; set; }
    public Guid CertificateId { get; set; }
    public int Version { get; set; }
    public string DataJson { get; set; } = "";
    public string WarningsJson { get; set; } = "[]";
    public int? AgeYears { get; set; }
    /// <summary>SM3 digest (16 bytes, hex) of the canonical content, signed into the token.</summary>
    public string ContentDigest { get; set; } = "";
    public string? Token { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public string? Reason { get; set; }
}

/// <summary>The history: every action on a certificate, in order.</summary>
public sealed class CertificateAction
{
    public long Id { get; set; }
    public Guid CertificateId { get; set; }
    public int Version { get; set; }
    public CertificateActionKind Action { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorName { get; set; } = "";
    public string OrganisationName { get; set; } = "";
    public string? Reason { get; set; }
}

/// <summary>Yearly serial of unidentified-person certificates per issuer (credit code + 4 digits).</summary>
public sealed class UnidentifiedSerial
{
    public string IssuerCreditCode { get; set; } = "";
    public int Year { get; set; }
    public int LastSerial { get; set; }
}

/// <summary>
/// A row per (name, birth date) that issuing locks for the length of its transaction, so two
/// possible duplicates issued at the same instant are checked one after the other.
/// </summary>
public sealed class DuplicateCheckLock
{
    public string Key { get; set; } = "";
}

internal sealed class CertificateConfiguration :
    IEntityTypeConfiguration<Certificate>, IEntityTypeConfiguration<CertificateVersion>,
    IEntityTypeConfiguration<CertificateAction>, IEntityTypeConfiguration<UnidentifiedSerial>,
    IEntityTypeConfiguration<DuplicateCheckLock>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        // A revoked or rejected certificate never keeps the person's number reserved.
        b.ToTable("certificates", t => t.HasCheckConstraint("ck_certificates_inactive_frees_number",
            "\"Status\" NOT IN ('revoked', 'rejected') OR \"ActiveNumber\" IS NULL"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.Property(x => x.Number).HasMaxLength(32);
        b.Property(x => x.ActiveNumber).HasMaxLength(32);
        b.HasIndex(x => x.ActiveNumber).IsUnique();
        b.HasIndex(x => x.Number);
        b.HasIndex(x => new { x.NameKey, x.BirthDate });
        b.HasIndex(x => new { x.Status, x.CertifiedAt });
        // The figures' period (dashboard): certificates by the China month they were certified in and their issuer, in the
        // order the figures group them, with every other column the issued certificates' figures read, so a year of a
        // city's certificates is counted from the index alone and without a sort.
        b.HasIndex(x => new { x.CertifiedMonth, x.IssuerOrganisationId, x.ReportedAt, x.CertifiedLate, x.ReportedLate, x.WarningCount });
        b.Property(x => x.CertifiedAt).HasField("certifiedAt");
        b.HasIndex(x => x.IssuerOrganisationId);
        b.Property(x => x.NumberKind).HasMaxLength(16);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.DecedentName).HasMaxLength(50);
        b.Property(x => x.NameKey).HasMaxLength(50);
        b.Property(x => x.Sex).HasMaxLength(1);
        b.Property(x => x.ReviewNote).HasMaxLength(500);
        b.Property(x => x.RevocationReason).HasMaxLength(500);
        b.HasOne<Platform.Organisations.Organisation>().WithMany().HasForeignKey(x => x.IssuerOrganisationId);
    }

    public void Configure(EntityTypeBuilder<CertificateVersion> b)
    {
        b.ToTable("certificate_versions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.CertificateId, x.Version }).IsUnique();
        b.Property(x => x.ContentDigest).HasMaxLength(32);
        b.Property(x => x.Token).HasMaxLength(256);
        b.Property(x => x.CreatedBy).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId);
    }

    public void Configure(EntityTypeBuilder<CertificateAction> b)
    {
        b.ToTable("certificate_actions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CertificateId);
        // The figures' review decisions of a period.
        b.HasIndex(x => new { x.Action, x.At });
        b.Property(x => x.Action).HasMaxLength(32);
        b.Property(x => x.ActorName).HasMaxLength(64);
        b.Property(x => x.OrganisationName).HasMaxLength(128);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId);
    }

    public void Configure(EntityTypeBuilder<UnidentifiedSerial> b)
    {
        b.ToTable("certificate_unidentified_serials");
        b.HasKey(x => new { x.IssuerCreditCode, x.Year });
        b.Property(x => x.IssuerCreditCode).HasMaxLength(18);
    }

    public void Configure(EntityTypeBuilder<DuplicateCheckLock> b)
    {
        b.ToTable("certificate_duplicate_locks");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(80);
    }
}
