using Hereafter.Web.Modules.Sharing.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Modules.Family.Data;

/// <summary>
/// One submission of the family's one application form (个人身后"一件事") on a case: which items the citizen asked
/// for and the shared data the tasks were pre-filled with. The payout account number itself travels only to the
/// departments that pay (in their tasks' details); the application keeps it masked.
/// </summary>
public sealed class FamilyApplication
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>The identity provider's <c>sub</c> of the citizen who applied.</summary>
    public string CitizenSubject { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>缴费年限 for survivor benefits, when asked.</summary>
    public decimal? ContributionYears { get; set; }
    public string? PayoutBank { get; set; }
    /// <summary>All but the last four digits hidden.</summary>
    public string? PayoutAccountMasked { get; set; }
    public string? PayoutHolderName { get; set; }
    public List<FamilyApplicationTask> Tasks { get; set; } = [];
}

/// <summary>A task the application asked for (or found already open: <see cref="Created"/> false).</summary>
public sealed class FamilyApplicationTask
{
    public long Id { get; set; }
    public Guid ApplicationId { get; set; }
    /// <summary>The case, repeated so that "who applied for this task" is one indexed query.</summary>
    public Guid CaseId { get; set; }
    public string CitizenSubject { get; set; } = "";
    public CaseTaskItem Item { get; set; }
    /// <summary>The bank asked, for deposit queries.</summary>
    public Guid? OrganisationId { get; set; }
    public Guid TaskId { get; set; }
    public bool Created { get; set; }
}

internal sealed class FamilyApplicationConfiguration :
    IEntityTypeConfiguration<FamilyApplication>, IEntityTypeConfiguration<FamilyApplicationTask>
{
    public void Configure(EntityTypeBuilder<FamilyApplication> b)
    {
        b.ToTable("family_applications");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.CaseId, x.CitizenSubject });
        b.Property(x => x.CitizenSubject).HasMaxLength(128);
        b.Property(x => x.ContributionYears).HasPrecision(5, 2);
        b.Property(x => x.PayoutBank).HasMaxLength(50);
        b.Property(x => x.PayoutAccountMasked).HasMaxLength(30);
        b.Property(x => x.PayoutHolderName).HasMaxLength(50);
        b.HasMany(x => x.Tasks).WithOne().HasForeignKey(t => t.ApplicationId);
    }

    public void Configure(EntityTypeBuilder<FamilyApplicationTask> b)
    {
        b.ToTable("family_application_tasks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.HasIndex(x => new { x.TaskId, x.CitizenSubject });
        b.HasIndex(x => new { x.CaseId, x.CitizenSubject });
        b.Property(x => x.CitizenSubject).HasMaxLength(128);
        b.Property(x => x.Item).HasMaxLength(40);
    }
}
