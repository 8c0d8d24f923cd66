using Hereafter.Web.Modules.Family.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Modules.Family.Data;

/// <summary>
/// A citizen's claim to act on a death case as family. Admitted at once when the citizen is the certificate's family
/// contact (verified name and phone match); otherwise pending until they upload proof of relationship and a civil-affairs
/// clerk approves it. One admission per citizen and case (unique), so a repeated claim finds the same row.
/// </summary>
public sealed class FamilyAdmission
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>The identity provider's <c>sub</c> of the citizen.</summary>
    public string CitizenSubject { get; set; } = "";
    public string CitizenName { get; set; } = "";
    /// <summary>The citizen's verified ID number (masked wherever it is listed).</summary>
    public string CitizenIdNumber { get; set; } = "";
    public string CitizenPhone { get; set; } = "";
    /// <summary>Relationship to the deceased as stated by the citizen (code of <see cref="Relationship"/>).</summary>
    public Relationship Relationship { get; set; }
    public AdmissionStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>The clerk who approved or rejected, or "family contact" when admitted by the match.</summary>
    public string? DecidedBy { get; set; }
    /// <summary>The clerk's reason for a rejection.</summary>
    public string? Reason { get; set; }
}

/// <summary>An in-app notification to a citizen (the same text is sent by SMS to their verified phone).</summary>
public sealed class FamilyNotification
{
    public long Id { get; set; }
    public string CitizenSubject { get; set; } = "";
    public Guid? CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Message key of the catalogue (<c>family.notification.*</c>) and its arguments as JSON, so each page shows it in its language.</summary>
    public string MessageKey { get; set; } = "";
    public string ArgumentsJson { get; set; } = "{}";
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>What caused it (e.g. the integration event's id), unique per citizen: a redelivered event adds nothing.</summary>
    public string? SourceKey { get; set; }

    /// <summary>The message again, to show in the page's language.</summary>
    public Hereafter.Domain.Messages.Message ToMessage() =>
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(ArgumentsJson)!
            .Aggregate(new Hereafter.Domain.Messages.Message(MessageKey), (m, v) => m.With(v.Key, v.Value));
}

internal sealed class FamilyConfiguration : IEntityTypeConfiguration<FamilyAdmission>, IEntityTypeConfiguration<FamilyNotification>
{
    public void Configure(EntityTypeBuilder<FamilyAdmission> b)
    {
        b.ToTable("family_admissions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.CaseId, x.CitizenSubject }).IsUnique();
        b.HasIndex(x => x.CitizenSubject);
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        b.Property(x => x.CitizenSubject).HasMaxLength(128);
        b.Property(x => x.CitizenName).HasMaxLength(50);
        b.Property(x => x.CitizenIdNumber).HasMaxLength(18);
        b.Property(x => x.CitizenPhone).HasMaxLength(20);
        b.Property(x => x.Relationship).HasMaxLength(24);
        b.Property(x => x.Status).HasMaxLength(24);
        b.Property(x => x.DecidedBy).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(500);
    }

    public void Configure(EntityTypeBuilder<FamilyNotification> b)
    {
        b.ToTable("family_notifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.HasIndex(x => new { x.CitizenSubject, x.Id });
        b.Property(x => x.CitizenSubject).HasMaxLength(128);
        b.Property(x => x.MessageKey).HasMaxLength(80);
        b.Property(x => x.ArgumentsJson).HasMaxLength(2000);
        b.Property(x => x.SourceKey).HasMaxLength(80);
        b.HasIndex(x => new { x.CitizenSubject, x.SourceKey }).IsUnique();
    }
}
