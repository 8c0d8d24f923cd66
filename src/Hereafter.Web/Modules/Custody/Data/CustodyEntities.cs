using Hereafter.Domain.Custody;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Modules.Custody.Data;

/// <summary>
/// One person's remains and ashes through the loop (ADR 0027). One open record per person: <see cref="OpenPersonKey"/>
/// holds <see cref="PersonKey"/> while the record is open and is unique, so two pickups of one person cannot both
/// commit; every change goes through <see cref="CustodyRecords"/>, which bumps <see cref="Version"/> as a concurrency
/// token, so two operators (or a double scan, or a stale page) never make the same move twice.
/// </summary>
public sealed class CustodyRecord
{
    public Guid Id { get; set; }
    /// <summary>The death certificate presented at pickup.</summary>
    public Guid CertificateId { get; set; }
    /// <summary>Its number when picked up (the citizen ID, or the issuer's number for an unidentified body).</summary>
    public string CertificateNumber { get; set; } = "";
    /// <summary>Who the person is, across certificates: the citizen ID when there is one, else the certificate id.</summary>
    public string PersonKey { get; set; } = "";
    /// <summary><see cref="PersonKey"/> while the record is open (not placed); null after. Unique.</summary>
    public string? OpenPersonKey { get; set; }
    /// <summary>The death case on the platform, when the certificate's case exists.</summary>
    public Guid? CaseId { get; set; }
    public string DecedentName { get; set; } = "";
    /// <summary>性别 as the certificate codes it.</summary>
    public string Sex { get; set; } = "";
    /// <summary>The deceased's citizen ID when there is one (masked wherever listed).</summary>
    public string? DecedentIdNumber { get; set; }
    public DateTimeOffset DeathAt { get; set; }
    /// <summary>户籍地址: the township there receives the 骨灰去向告知函.</summary>
    public string? HouseholdAddress { get; set; }
    /// <summary>The funeral home holding the body (an organisation of type funeral-home).</summary>
    public Guid FuneralHomeId { get; set; }
    public CustodyState State { get; set; }
    /// <summary>The certificate was revoked after pickup (冻结): no cremation, no further step.</summary>
    public bool Frozen { get; set; }
    public string? FrozenReason { get; set; }
    public DateTimeOffset PickedUpAt { get; set; }
    /// <summary>接运地点.</summary>
    public string FromAddress { get; set; } = "";
    public DateTimeOffset? ArrivedAt { get; set; }
    /// <summary>When storage ends without an extension: arrival + the configured days, or the last extension's date.</summary>
    public DateTimeOffset? StorageUntil { get; set; }
    public DateTimeOffset? CrematedAt { get; set; }
    /// <summary>火化炉号.</summary>
    public string? Furnace { get; set; }
    public DateTimeOffset? AshesReleasedAt { get; set; }
    /// <summary>To whom (or where) the ashes were handed over.</summary>
    public string? AshesReleasedTo { get; set; }
    public DateTimeOffset? AshesStoredAt { get; set; }
    public DateTimeOffset? PlacedAt { get; set; }
    /// <summary>The cemetery or columbarium whose burial record closed the loop.</summary>
    public Guid? PlacementInstitutionId { get; set; }
    public string? PlotOrNiche { get; set; }
    public DateTimeOffset? UnclaimedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Concurrency token: every saved change increments it, and a save against an older value fails.</summary>
    public int Version { get; set; }
}

/// <summary>One line of a record's timeline: what was done, by whom, where, when and with which document.</summary>
public sealed class CustodyStepEntry
{
    public long Id { get; set; }
    public Guid CustodyId { get; set; }
    public CustodyStep Step { get; set; }
    /// <summary>When it happened (as recorded: a pickup's time may be earlier than its entry).</summary>
    public DateTimeOffset At { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string ActorName { get; set; } = "";
    public Guid? OrganisationId { get; set; }
    public string OrganisationName { get; set; } = "";
    /// <summary>Where (接运地点, 炉号, 墓位…), when the step has a place.</summary>
    public string? Place { get; set; }
    /// <summary>The document the step rests on or produced (e.g. 火化证明 number), as shown.</summary>
    public string? Document { get; set; }
    /// <summary>A reason (extension, reissue, freeze) or other note.</summary>
    public string? Note { get; set; }
}

/// <summary>遗体火化确认书: signed by the person in charge (丧事承办人) on a phone or at the counter. The latest counts.</summary>
public sealed class CremationConsent
{
    public Guid CustodyId { get; set; }
    public string Name { get; set; } = "";
    public string IdNumber { get; set; } = "";
    /// <summary>Relationship to the deceased (code of the family portal's relationship list).</summary>
    public string Relationship { get; set; } = "";
    public string Phone { get; set; } = "";
    public DateTimeOffset SignedAt { get; set; }
    /// <summary>phone (the person in charge signed on their phone) or counter (staff entered the signed paper).</summary>
    public string Channel { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// 火化证明: number unique per funeral home and year; issued, collected, reissued once (to the first collector) and
/// written off when the ashes are placed. The signed QR token verifies at /verify/{token} like a certificate's.
/// </summary>
public sealed class CremationCertificate
{
    public Guid Id { get; set; }
    public Guid CustodyId { get; set; }
    public Guid FuneralHomeId { get; set; }
    public int Year { get; set; }
    public int Serial { get; set; }
    public string Number { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public string IssuedBy { get; set; } = "";
    /// <summary>Hex of the signed digest of the printed content.</summary>
    public string ContentDigest { get; set; } = "";
    public string? Token { get; set; }
    public string? CollectedByName { get; set; }
    public string? CollectedByIdNumber { get; set; }
    public string? CollectedByRelationship { get; set; }
    public DateTimeOffset? CollectedAt { get; set; }
    public DateTimeOffset? ReissuedAt { get; set; }
    public string? ReissueReason { get; set; }
    /// <summary>注销: the ashes were placed.</summary>
    public DateTimeOffset? WrittenOffAt { get; set; }
}

/// <summary>The last serial of 火化证明 numbers per funeral home and year.</summary>
public sealed class CremationCertificateSerial
{
    public Guid FuneralHomeId { get; set; }
    public int Year { get; set; }
    public int LastSerial { get; set; }
}

/// <summary>骨灰安放（葬）协议 and the declared destination; re-recorded when the family changes it before release.</summary>
public sealed class AshesAgreement
{
    public Guid CustodyId { get; set; }
    public AshesDestination Destination { get; set; }
    /// <summary>The cemetery or columbarium named, when the destination is one.</summary>
    public Guid? InstitutionId { get; set; }
    public string? PlotOrNiche { get; set; }
    /// <summary>The 骨灰去向承诺书 text the family signed (ashes taken home), else null.</summary>
    public string? Undertaking { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A cemetery's or columbarium's burial (安葬/安放) record: one per custody record; it closes the loop.</summary>
public sealed class Burial
{
    public Guid Id { get; set; }
    public Guid CustodyId { get; set; }
    public Guid InstitutionId { get; set; }
    public string PlotOrNiche { get; set; } = "";
    public DateTimeOffset BuriedAt { get; set; }
    /// <summary>death-certificate or cremation-certificate: which document the institution checked.</summary>
    public string DocumentKind { get; set; } = "";
    public string DocumentNumber { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class CustodyConfiguration :
    IEntityTypeConfiguration<CustodyRecord>, IEntityTypeConfiguration<CustodyStepEntry>, IEntityTypeConfiguration<CremationConsent>,
    IEntityTypeConfiguration<CremationCertificate>, IEntityTypeConfiguration<CremationCertificateSerial>,
    IEntityTypeConfiguration<AshesAgreement>, IEntityTypeConfiguration<Burial>
{
    public void Configure(EntityTypeBuilder<CustodyRecord> b)
    {
        b.ToTable("custody_records");
        b.HasKey(x => x.Id);
        b.Property(x => x.CertificateNumber).HasMaxLength(40);
        b.Property(x => x.PersonKey).HasMaxLength(40);
        b.Property(x => x.OpenPersonKey).HasMaxLength(40);
        // Nulls are distinct on both providers: closed records never collide, open ones do.
        b.HasIndex(x => x.OpenPersonKey).IsUnique();
        b.HasIndex(x => x.PersonKey);
        b.HasIndex(x => x.CertificateId);
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => new { x.FuneralHomeId, x.State });
        b.HasIndex(x => new { x.State, x.StorageUntil });
        // The dashboard's figures: each step's month counts and the overdue counts, from the index alone.
        b.HasIndex(x => new { x.PickedUpAt, x.FuneralHomeId });
        b.HasIndex(x => new { x.CrematedAt, x.FuneralHomeId });
        b.HasIndex(x => new { x.PlacedAt, x.FuneralHomeId });
        b.HasIndex(x => new { x.State, x.AshesReleasedAt });
        b.HasIndex(x => new { x.State, x.AshesStoredAt });
        b.Property(x => x.DecedentName).HasMaxLength(100);
        b.Property(x => x.Sex).HasMaxLength(10);
        b.Property(x => x.DecedentIdNumber).HasMaxLength(18);
        b.Property(x => x.HouseholdAddress).HasMaxLength(200);
        b.Property(x => x.State).HasMaxLength(20);
        b.Property(x => x.FrozenReason).HasMaxLength(500);
        b.Property(x => x.FromAddress).HasMaxLength(200);
        b.Property(x => x.Furnace).HasMaxLength(20);
        b.Property(x => x.AshesReleasedTo).HasMaxLength(100);
        b.Property(x => x.PlotOrNiche).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<CustodyStepEntry> b)
    {
        b.ToTable("custody_steps");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.CustodyId, x.Id });
        b.Property(x => x.Step).HasMaxLength(40);
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.OrganisationName).HasMaxLength(100);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Document).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(500);
    }

    public void Configure(EntityTypeBuilder<CremationConsent> b)
    {
        b.ToTable("custody_cremation_consents");
        b.HasKey(x => x.CustodyId);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.Relationship).HasMaxLength(30);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Channel).HasMaxLength(10);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<CremationCertificate> b)
    {
        b.ToTable("custody_cremation_certificates");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CustodyId).IsUnique();
        b.HasIndex(x => new { x.FuneralHomeId, x.Number }).IsUnique();
        b.HasIndex(x => x.Number);
        b.Property(x => x.Number).HasMaxLength(40);
        b.Property(x => x.IssuedBy).HasMaxLength(100);
        b.Property(x => x.ContentDigest).HasMaxLength(64);
        b.Property(x => x.Token).HasMaxLength(400);
        b.Property(x => x.CollectedByName).HasMaxLength(50);
        b.Property(x => x.CollectedByIdNumber).HasMaxLength(18);
        b.Property(x => x.CollectedByRelationship).HasMaxLength(30);
        b.Property(x => x.ReissueReason).HasMaxLength(500);
    }

    public void Configure(EntityTypeBuilder<CremationCertificateSerial> b)
    {
        b.ToTable("custody_cremation_certificate_serials");
        b.HasKey(x => new { x.FuneralHomeId, x.Year });
    }

    public void Configure(EntityTypeBuilder<AshesAgreement> b)
    {
        b.ToTable("custody_ashes_agreements");
        b.HasKey(x => x.CustodyId);
        b.Property(x => x.Destination).HasMaxLength(30);
        b.Property(x => x.PlotOrNiche).HasMaxLength(100);
        b.Property(x => x.Undertaking).HasMaxLength(1000);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<Burial> b)
    {
        b.ToTable("custody_burials");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CustodyId).IsUnique();
        b.HasIndex(x => x.InstitutionId);
        b.Property(x => x.PlotOrNiche).HasMaxLength(100);
        b.Property(x => x.DocumentKind).HasMaxLength(30);
        b.Property(x => x.DocumentNumber).HasMaxLength(40);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
    }
}
