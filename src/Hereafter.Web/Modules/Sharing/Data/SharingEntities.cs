using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Modules.Sharing.Data;

/// <summary>身后事档案: opened when a certificate is issued; one task per department that must act.</summary>
public sealed class DeathCase
{
    public Guid Id { get; set; }
    public Guid CertificateId { get; set; }
    public string CertificateNumber { get; set; } = "";
    public string DecedentName { get; set; } = "";
    public DateTimeOffset DeathAt { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public CaseStatus Status { get; set; } = CaseStatus.Open;
}

/// <summary>
/// One thing a department (or one named organisation of it) must do for a case: the <see cref="CaseTaskItem.Notification"/>
/// task every case opens, or an item the family asked for. One task per (case, department, item, organisation), enforced
/// by a unique index over <see cref="OrganisationKey"/> (never NULL, so the index holds for department-wide tasks too).
/// </summary>
public sealed class CaseTask
{
    private Guid? organisationId;
    private DateTimeOffset createdAt;

    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>Department code: police, social-security, medical-insurance, civil-affairs, housing-fund, …</summary>
    public Department Department { get; set; }
    public CaseTaskItem Item { get; set; } = CaseTaskItem.Notification;
    /// <summary>Set when one named organisation of the department serves the case (the chosen funeral home, the bank asked).</summary>
    public Guid? OrganisationId
    {
        get => organisationId;
        set { organisationId = value; OrganisationKey = value ?? Guid.Empty; }
    }
    /// <summary><see cref="OrganisationId"/>, or <see cref="Guid.Empty"/> for the department as a whole: the unique index's column.</summary>
    public Guid OrganisationKey { get; private set; }
    /// <summary>What the family asked, as JSON text (payout account, relationship…); null for notification tasks.</summary>
    public string? Details { get; set; }
    /// <summary>A bank's answer to a deposit query: whether it offers small-deposit release (null until it answers).</summary>
    public bool? ReleaseOffered { get; set; }
    public CaseTaskStatus Status { get; set; } = CaseTaskStatus.Pending;
    public DateTimeOffset CreatedAt
    {
        get => createdAt;
        set { createdAt = value; CreatedMonth = ChinaTime.MonthNumber(value); }
    }
    /// <summary>
    /// The China month of <see cref="CreatedAt"/> as yyyyMM, kept with it: the figures' period is whole China months, and
    /// a year of a city's tasks (some 200,000) is counted by month and department in the order of an index on this column
    /// rather than sorted first (SQLite groups by sorting).
    /// </summary>
    public int CreatedMonth { get; private set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Acknowledge by this time (configurable working days after the case opened).</summary>
    public DateTimeOffset AcknowledgeBy { get; set; }
    /// <summary>
    /// When the department first answered (received, done, refused or not applicable): the time of the task's first
    /// answering history entry, kept on the task so that "answered in time" is a test of two columns of one row
    /// (the dashboard counts some 200,000 tasks a year) rather than a probe into the history. Null while unanswered.
    /// </summary>
    public DateTimeOffset? FirstAnsweredAt { get; set; }
    public string? EffectiveDate { get; set; }
    public string? Note { get; set; }
    public decimal? Amount { get; set; }
}

public sealed class CaseTaskEntry
{
    public long Id { get; set; }
    public Guid TaskId { get; set; }
    public CaseTaskStatus Status { get; set; } = CaseTaskStatus.Pending;
    public DateTimeOffset At { get; set; }
    public string ActorName { get; set; } = "";
    public string OrganisationName { get; set; } = "";
    public string? EffectiveDate { get; set; }
    public string? Note { get; set; }
    public decimal? Amount { get; set; }
}

/// <summary>One of the deceased's accounts a bank reported on a deposit query; the number is stored masked (last four digits).</summary>
public sealed class CaseTaskAccount
{
    public long Id { get; set; }
    public Guid TaskId { get; set; }
    public string Type { get; set; } = "";
    public string AccountMasked { get; set; } = "";
    public decimal Balance { get; set; }
}

/// <summary>
/// An event addressed to one department, holding only what that department may see. <see cref="Position"/>
/// is assigned at insert; <see cref="FeedPosition"/> is assigned after commit by <c>FeedSequencer</c> in one
/// serial step, so readers paging by it never miss a row that committed late.
/// </summary>
public sealed class SharingEvent
{
    public long Position { get; set; }
    public Guid Id { get; set; }
    public long? FeedPosition { get; set; }
    public string Type { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public Guid CaseId { get; set; }
    public string CertificateNumber { get; set; } = "";
    public Department Department { get; set; }
    /// <summary>Only this organisation of the department receives the event, when set.</summary>
    public Guid? OrganisationId { get; set; }
    /// <summary>The complete event JSON as delivered and served by the feed.</summary>
    public string Json { get; set; } = "";
    /// <summary>The integration event (outbox message) this event was written for: a repeat of it writes nothing.</summary>
    public Guid? SourceMessageId { get; set; }
}

/// <summary>
/// An institution civil affairs linked to a case on the family's behalf (a cemetery, columbarium, service shop
/// or funeral home the family chose). Linked institutions may bill the case; no event is shared with them.
/// </summary>
public sealed class CaseInstitution
{
    public Guid CaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
    public string LinkedBy { get; set; } = "";
    public string Reason { get; set; } = "";
}

internal sealed class SharingConfiguration :
    IEntityTypeConfiguration<DeathCase>, IEntityTypeConfiguration<CaseTask>,
    IEntityTypeConfiguration<CaseTaskEntry>, IEntityTypeConfiguration<SharingEvent>, IEntityTypeConfiguration<CaseInstitution>,
    IEntityTypeConfiguration<CaseTaskAccount>
{
    public void Configure(EntityTypeBuilder<CaseTaskAccount> b)
    {
        b.ToTable("sharing_task_accounts");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.TaskId);
        b.Property(x => x.Type).HasMaxLength(40);
        b.Property(x => x.AccountMasked).HasMaxLength(16);
        b.Property(x => x.Balance).HasPrecision(14, 2);
        b.HasOne<CaseTask>().WithMany().HasForeignKey(x => x.TaskId);
    }

    public void Configure(EntityTypeBuilder<CaseInstitution> b)
    {
        b.ToTable("sharing_case_institutions");
        b.HasKey(x => new { x.CaseId, x.OrganisationId });
        b.Property(x => x.LinkedBy).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasOne<DeathCase>().WithMany().HasForeignKey(x => x.CaseId);
    }

    public void Configure(EntityTypeBuilder<DeathCase> b)
    {
        b.ToTable("sharing_cases");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CertificateId).IsUnique();
        b.HasIndex(x => x.OpenedAt);
        b.HasIndex(x => x.CertificateNumber);
        b.Property(x => x.CertificateNumber).HasMaxLength(32);
        b.Property(x => x.DecedentName).HasMaxLength(50);
        b.Property(x => x.Status).HasMaxLength(16);
    }

    public void Configure(EntityTypeBuilder<CaseTask> b)
    {
        b.ToTable("sharing_case_tasks");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.CaseId, x.Department, x.Item, x.OrganisationKey }).IsUnique();
        b.HasIndex(x => new { x.Department, x.Status });
        // The figures' period (dashboard): tasks by the China month they were created in and their department, in the
        // order the figures group them, with every other column the task figures read, so a year of a city's tasks is
        // counted from the index alone and without a sort.
        b.HasIndex(x => new { x.CreatedMonth, x.Department, x.Status, x.AcknowledgeBy, x.FirstAnsweredAt, x.CaseId });
        b.Property(x => x.CreatedAt).HasField("createdAt");
        b.Property(x => x.Department).HasMaxLength(40);
        b.Property(x => x.Item).HasMaxLength(40);
        b.Property(x => x.OrganisationId).HasField("organisationId");
        b.Property(x => x.Details).HasMaxLength(4000);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.EffectiveDate).HasMaxLength(10);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.Amount).HasPrecision(14, 2);
        b.HasOne<DeathCase>().WithMany().HasForeignKey(x => x.CaseId);
    }

    public void Configure(EntityTypeBuilder<CaseTaskEntry> b)
    {
        b.ToTable("sharing_case_task_entries");
        b.HasKey(x => x.Id);
        // A task's history by its id, in order.
        b.HasIndex(x => new { x.TaskId, x.Status, x.At });
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.ActorName).HasMaxLength(64);
        b.Property(x => x.OrganisationName).HasMaxLength(128);
        b.Property(x => x.EffectiveDate).HasMaxLength(10);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.Amount).HasPrecision(14, 2);
        b.HasOne<CaseTask>().WithMany().HasForeignKey(x => x.TaskId);
    }

    public void Configure(EntityTypeBuilder<SharingEvent> b)
    {
        b.ToTable("sharing_events");
        b.HasKey(x => x.Position);
        b.Property(x => x.Position).ValueGeneratedOnAdd();
        b.HasIndex(x => x.Id).IsUnique();
        b.HasIndex(x => x.FeedPosition).IsUnique();
        b.HasIndex(x => new { x.Department, x.FeedPosition });
        b.HasIndex(x => x.SourceMessageId);
        b.Property(x => x.Type).HasMaxLength(40);
        b.Property(x => x.Department).HasMaxLength(40);
        b.Property(x => x.CertificateNumber).HasMaxLength(32);
    }
}
