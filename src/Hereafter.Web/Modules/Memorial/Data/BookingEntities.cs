using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Modules.Memorial.Data;

/// <summary>
/// A booking day a cemetery or columbarium publishes (预约祭扫): its slots, the party-size limit and the moment
/// booking opens (e.g. 7 days ahead at 08:00 China time). One day per site and date.
/// </summary>
public sealed class MemorialDay
{
    public Guid Id { get; set; }
    /// <summary>The cemetery or columbarium (an organisation).</summary>
    public Guid InstitutionId { get; set; }
    /// <summary>The China calendar date of the visits.</summary>
    public DateOnly Date { get; set; }
    /// <summary>When booking opens (UTC instant); refused before.</summary>
    public DateTimeOffset OpensAt { get; set; }
    /// <summary>Most people in one booking (the citizen included).</summary>
    public int PartyLimit { get; set; }
    /// <summary>Places of each slot held for visitors to graves of the last three years (0: none).</summary>
    public int RecentGraveQuota { get; set; }
    public string PublishedBy { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    public List<MemorialSlot> Slots { get; set; } = [];
}

/// <summary>
/// One slot of a day with its capacity in people and cars and what is booked. The counters are changed only by
/// one conditional UPDATE per booking or cancellation, in the booking's transaction; the check constraints make an
/// overbooking impossible whatever the code does (ADR 0032).
/// </summary>
public sealed class MemorialSlot
{
    public Guid Id { get; set; }
    public Guid DayId { get; set; }
    /// <summary>Copied from the day so that a booking needs this row only.</summary>
    public Guid InstitutionId { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>China local start and end times.</summary>
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public int People { get; set; }
    public int Cars { get; set; }
    /// <summary>Of <see cref="People"/>, places that only bookings for a recent grave may take (the day's quota).</summary>
    public int RecentQuota { get; set; }
    /// <summary>People booked without a recent grave; at most <see cref="People"/> − <see cref="RecentQuota"/>.</summary>
    public int GeneralBooked { get; set; }
    /// <summary>People booked for a recent grave; they may take any place.</summary>
    public int RecentBooked { get; set; }
    public int CarsBooked { get; set; }
}

/// <summary>A citizen's booking: one per citizen per site per China date while not cancelled.</summary>
public sealed class MemorialBooking
{
    public Guid Id { get; set; }
    public Guid SlotId { get; set; }
    public Guid InstitutionId { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The date again while the booking stands, null once cancelled: the unique index over
    /// (<see cref="InstitutionId"/>, <see cref="CitizenIdNumber"/>, <see cref="ActiveDate"/>) lets a cancelled booking be booked again.</summary>
    public DateOnly? ActiveDate { get; set; }
    /// <summary>The identity provider's subject of the citizen who booked (owner of the booking).</summary>
    public string CitizenSubject { get; set; } = "";
    /// <summary>Real name as verified by the sign-in (实名预约).</summary>
    public string CitizenName { get; set; } = "";
    public string CitizenIdNumber { get; set; } = "";
    public string Phone { get; set; } = "";
    public int PartySize { get; set; }
    /// <summary>Upper-case plate when coming by car (one car per booking).</summary>
    public string? CarPlate { get; set; }
    /// <summary>Booked against the recent-grave quota: the grave's death certificate number.</summary>
    public string? RecentGraveCertificate { get; set; }
    /// <summary>The client's <c>Idempotency-Key</c>: a retried request returns this booking.</summary>
    public string? IdempotencyKey { get; set; }
    public DateTimeOffset BookedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? CheckedInAt { get; set; }
    public string? CheckedInBy { get; set; }
    /// <summary>The signed pass token (QR code content), written once after the booking commits.</summary>
    public string? PassToken { get; set; }
}

internal sealed class BookingConfiguration :
    IEntityTypeConfiguration<MemorialDay>, IEntityTypeConfiguration<MemorialSlot>, IEntityTypeConfiguration<MemorialBooking>
{
    public void Configure(EntityTypeBuilder<MemorialDay> b)
    {
        b.ToTable("memorial_days", t =>
        {
            t.HasCheckConstraint("ck_memorial_days_party_limit", "\"PartyLimit\" >= 1");
            t.HasCheckConstraint("ck_memorial_days_recent_quota", "\"RecentGraveQuota\" >= 0");
        });
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.InstitutionId, x.Date }).IsUnique();
        b.HasIndex(x => x.Date);
        b.Property(x => x.PublishedBy).HasMaxLength(100);
        b.HasMany(x => x.Slots).WithOne().HasForeignKey(s => s.DayId);
        b.HasOne<Platform.Organisations.Organisation>().WithMany().HasForeignKey(x => x.InstitutionId);
    }

    public void Configure(EntityTypeBuilder<MemorialSlot> b)
    {
        // No overbooking, whatever writes the row: people and cars within capacity, the recent-grave quota kept free
        // for recent graves, never a negative count.
        b.ToTable("memorial_slots", t =>
        {
            t.HasCheckConstraint("ck_memorial_slots_capacity", "\"People\" >= 1 AND \"Cars\" >= 0 AND \"RecentQuota\" >= 0 AND \"RecentQuota\" <= \"People\"");
            t.HasCheckConstraint("ck_memorial_slots_people", "\"GeneralBooked\" >= 0 AND \"RecentBooked\" >= 0 AND \"GeneralBooked\" + \"RecentBooked\" <= \"People\" AND \"GeneralBooked\" <= \"People\" - \"RecentQuota\"");
            t.HasCheckConstraint("ck_memorial_slots_cars", "\"CarsBooked\" >= 0 AND \"CarsBooked\" <= \"Cars\"");
        });
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.InstitutionId, x.Date, x.Start });
    }

    public void Configure(EntityTypeBuilder<MemorialBooking> b)
    {
        b.ToTable("memorial_bookings", t => t.HasCheckConstraint("ck_memorial_bookings_active_date",
            "(\"CancelledAt\" IS NULL AND \"ActiveDate\" = \"Date\") OR (\"CancelledAt\" IS NOT NULL AND \"ActiveDate\" IS NULL)"));
        b.HasKey(x => x.Id);
        // one booking per citizen per site per day, by the database (cancelled bookings have no ActiveDate)
        b.HasIndex(x => new { x.InstitutionId, x.CitizenIdNumber, x.ActiveDate }).IsUnique();
        // a retried request finds its booking; two racing retries cannot both insert
        b.HasIndex(x => new { x.CitizenSubject, x.IdempotencyKey }).IsUnique();
        b.HasIndex(x => new { x.SlotId, x.CancelledAt });
        b.HasIndex(x => new { x.InstitutionId, x.Date });
        b.HasIndex(x => x.PassToken);
        b.Property(x => x.CitizenSubject).HasMaxLength(128);
        b.Property(x => x.CitizenName).HasMaxLength(50);
        b.Property(x => x.CitizenIdNumber).HasMaxLength(18);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.CarPlate).HasMaxLength(10);
        b.Property(x => x.RecentGraveCertificate).HasMaxLength(32);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.Property(x => x.CheckedInBy).HasMaxLength(100);
        b.Property(x => x.PassToken).HasMaxLength(200);
        b.HasOne<MemorialSlot>().WithMany().HasForeignKey(x => x.SlotId);
    }
}
