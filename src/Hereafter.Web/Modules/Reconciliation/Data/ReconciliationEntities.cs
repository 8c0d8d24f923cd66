using Hereafter.Domain.Reconciliation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Modules.Reconciliation.Data;

/// <summary>
/// One uploaded roll and its reconciliation run. A worker on any node claims it with a lease
/// (<see cref="LeaseUntil"/>) that it renews while working; a lapsed lease lets another node take over.
/// Result rows carry the <see cref="Attempt"/> that wrote them, and only rows of <see cref="CompletedAttempt"/>
/// are ever shown, so a half-finished attempt is never visible.
/// </summary>
public sealed class RollJob
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public string OrganisationName { get; set; } = "";
    /// <summary>social-security, medical-insurance or civil-affairs: who may see it.</summary>
    public string Department { get; set; } = "";
    public string Programme { get; set; } = "";
    public string FileName { get; set; } = "";
    public long SizeBytes { get; set; }
    public int ChunkCount { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public JobStatus Status { get; set; } = JobStatus.Queued;
    public int Attempt { get; set; }
    public int? CompletedAttempt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public long RowsDone { get; set; }
    public long BytesDone { get; set; }
    /// <summary>The engine's code (<c>empty</c>, <c>missing-columns</c>, …) when the file could not be reconciled.</summary>
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public int DeathsUsed { get; set; }
    public long Rows { get; set; }
    public long ExactStops { get; set; }
    public long ReviewCount { get; set; }
    public long RejectedCount { get; set; }
    public long Unmatched { get; set; }
    public long OverpaidMonths { get; set; }
    public decimal OverpaidAmount { get; set; }
}

/// <summary>The uploaded file in 1 MiB pieces, so any node can stream it back (no shared disk).</summary>
public sealed class UploadChunk
{
    public Guid JobId { get; set; }
    public int Index { get; set; }
    public byte[] Data { get; set; } = [];
}

/// <summary>A payment to stop: found exactly by the engine, or confirmed from the review queue.</summary>
public sealed class StopResult
{
    public long Id { get; set; }
    public Guid JobId { get; set; }
    public int Attempt { get; set; }
    /// <summary>The roll's row number as the clerk sees it (header = 1).</summary>
    public long Row { get; set; }
    /// <summary>Found exactly by the engine, or a confirmed review row.</summary>
    public StopOrigin Origin { get; set; } = StopOrigin.Exact;
    public string IdNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public string Programme { get; set; } = "";
    public string? Account { get; set; }
    public decimal MonthlyAmount { get; set; }
    public string PaidThrough { get; set; } = "";
    public string DeathIdNumber { get; set; } = "";
    public string DeathName { get; set; } = "";
    public DateOnly? DeathBirthDate { get; set; }
    public DateOnly DeathDate { get; set; }
    public string StopFrom { get; set; } = "";
    public int OverpaidMonths { get; set; }
    public decimal OverpaidAmount { get; set; }
    public bool SuspectId { get; set; }
    public DateTimeOffset IdentifiedAt { get; set; }
    /// <summary>The month payments actually stopped (YYYY-MM), once executed.</summary>
    public string? ExecutedMonth { get; set; }
    public DateTimeOffset? ExecutedAt { get; set; }
    public string? ExecutedBy { get; set; }
    public decimal? RecoveredAmount { get; set; }
    public DateOnly? RecoveredOn { get; set; }
    public string? RecoveredBy { get; set; }
}

/// <summary>A row for a person to decide, with the candidate death and what a confirmation would stop.</summary>
public sealed class ReviewResult
{
    public long Id { get; set; }
    public Guid JobId { get; set; }
    public int Attempt { get; set; }
    public long Row { get; set; }
    public ReviewReason Reason { get; set; }
    public string IdNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public string Programme { get; set; } = "";
    public string? Account { get; set; }
    public decimal MonthlyAmount { get; set; }
    public string PaidThrough { get; set; } = "";
    public bool SuspectId { get; set; }
    public string CandidateIdNumber { get; set; } = "";
    public string CandidateName { get; set; } = "";
    public DateOnly? CandidateBirthDate { get; set; }
    public DateOnly CandidateDeathDate { get; set; }
    public string StopFrom { get; set; } = "";
    public int OverpaidMonths { get; set; }
    public decimal OverpaidAmount { get; set; }
    public ReviewDecision Decision { get; set; } = ReviewDecision.Pending;
    public string? DismissReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
}

public sealed class RejectedResult
{
    public long Id { get; set; }
    public Guid JobId { get; set; }
    public int Attempt { get; set; }
    public long Row { get; set; }
    public string Reason { get; set; } = "";
}

internal sealed class ReconciliationConfiguration :
    IEntityTypeConfiguration<RollJob>, IEntityTypeConfiguration<UploadChunk>, IEntityTypeConfiguration<StopResult>,
    IEntityTypeConfiguration<ReviewResult>, IEntityTypeConfiguration<RejectedResult>
{
    public void Configure(EntityTypeBuilder<RollJob> b)
    {
        b.ToTable("reconciliation_jobs");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        b.HasIndex(x => new { x.Department, x.CreatedAt });
        b.Property(x => x.OrganisationName).HasMaxLength(128);
        b.Property(x => x.Department).HasMaxLength(40);
        b.Property(x => x.Programme).HasMaxLength(40);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.UploadedBy).HasMaxLength(64);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.LeaseOwner).HasMaxLength(64);
        b.Property(x => x.ErrorCode).HasMaxLength(40);
        b.Property(x => x.ErrorMessage).HasMaxLength(1000);
        b.Property(x => x.OverpaidAmount).HasPrecision(18, 2);
    }

    public void Configure(EntityTypeBuilder<UploadChunk> b)
    {
        b.ToTable("reconciliation_upload_chunks");
        b.HasKey(x => new { x.JobId, x.Index });
        b.HasOne<RollJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<StopResult> b)
    {
        b.ToTable("reconciliation_stops");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.JobId, x.Attempt, x.Row }).IsUnique();
        b.HasIndex(x => x.IdNumber);
        // A person's earlier stops of the programme (counted once, CountedStops) and the district's deaths are found by it.
        b.HasIndex(x => new { x.DeathIdNumber, x.Programme });
        b.Property(x => x.Origin).HasMaxLength(16);
        b.Property(x => x.IdNumber).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Programme).HasMaxLength(40);
        b.Property(x => x.Account).HasMaxLength(64);
        b.Property(x => x.MonthlyAmount).HasPrecision(14, 2);
        b.Property(x => x.PaidThrough).HasMaxLength(7);
        b.Property(x => x.DeathIdNumber).HasMaxLength(32);
        b.Property(x => x.DeathName).HasMaxLength(100);
        b.Property(x => x.StopFrom).HasMaxLength(7);
        b.Property(x => x.OverpaidAmount).HasPrecision(16, 2);
        b.Property(x => x.ExecutedMonth).HasMaxLength(7);
        b.Property(x => x.ExecutedBy).HasMaxLength(64);
        b.Property(x => x.RecoveredAmount).HasPrecision(16, 2);
        b.Property(x => x.RecoveredBy).HasMaxLength(64);
        b.HasOne<RollJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReviewResult> b)
    {
        b.ToTable("reconciliation_review");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.JobId, x.Attempt, x.Row }).IsUnique();
        b.Property(x => x.Reason).HasMaxLength(40);
        b.Property(x => x.IdNumber).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Programme).HasMaxLength(40);
        b.Property(x => x.Account).HasMaxLength(64);
        b.Property(x => x.MonthlyAmount).HasPrecision(14, 2);
        b.Property(x => x.PaidThrough).HasMaxLength(7);
        b.Property(x => x.CandidateIdNumber).HasMaxLength(32);
        b.Property(x => x.CandidateName).HasMaxLength(100);
        b.Property(x => x.StopFrom).HasMaxLength(7);
        b.Property(x => x.OverpaidAmount).HasPrecision(16, 2);
        b.Property(x => x.Decision).HasMaxLength(16);
        b.Property(x => x.DismissReason).HasMaxLength(500);
        b.Property(x => x.DecidedBy).HasMaxLength(64);
        b.HasOne<RollJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RejectedResult> b)
    {
        b.ToTable("reconciliation_rejected");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.JobId, x.Attempt, x.Row }).IsUnique();
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasOne<RollJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
