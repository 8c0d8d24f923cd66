using Hereafter.Domain.Family;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Modules.Family.Data;

/// <summary>
/// How much has been released at one bank for one deceased (小额存款提取, ADR 0026). The 50,000-yuan limit lives here, in
/// the database: every release moves <see cref="ReleasedFen"/> with one conditional UPDATE that matches no row when the
/// sum would pass the limit, and a CHECK constraint refuses any value above it. Integer fen, because EF Core stores
/// decimals as TEXT on SQLite, where comparisons in SQL would be textual.
/// </summary>
public sealed class DepositLedger
{
    public Guid CaseId { get; set; }
    /// <summary>The bank (an organisation of type bank).</summary>
    public Guid BankId { get; set; }
    /// <summary>Total released at this bank for this deceased, in fen (分); never above <see cref="SmallDepositRelease.LimitPerBankFen"/>.</summary>
    public long ReleasedFen { get; set; }
    public int Releases { get; set; }
    /// <summary>When the release that took the last of the balance closed all the deceased's accounts at this bank.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One release a family confirmed at a bank: the amount, the undertaking given, and the bank's task it opened.</summary>
public sealed class DepositRelease
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid BankId { get; set; }
    public string BankName { get; set; } = "";
    /// <summary>Yuan, two decimals.</summary>
    public decimal Amount { get; set; }
    /// <summary>The bank's total released for this deceased after this release (yuan).</summary>
    public decimal ReleasedTotal { get; set; }
    /// <summary>The bank's releasable balance (accounts other than 丧葬费 and 抚恤金) when the family confirmed.</summary>
    public decimal ReleasableBalance { get; set; }
    /// <summary>This release took the last of the balance: every account of the deceased at the bank is closed.</summary>
    public bool ClosesAccounts { get; set; }
    public string CitizenSubject { get; set; } = "";
    public string CitizenName { get; set; } = "";
    /// <summary>The version of the undertaking text (承诺书, <see cref="SmallDepositRelease.UndertakingVersion"/>) the citizen accepted.</summary>
    public string UndertakingVersion { get; set; } = "";
    public DateTimeOffset UndertakingAt { get; set; }
    /// <summary>The bank's deposit-release task.</summary>
    public Guid TaskId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class DepositReleaseConfiguration : IEntityTypeConfiguration<DepositLedger>, IEntityTypeConfiguration<DepositRelease>
{
    public void Configure(EntityTypeBuilder<DepositLedger> b)
    {
        b.ToTable("family_deposit_ledgers", t => t.HasCheckConstraint("ck_family_deposit_ledgers_limit",
            $"\"ReleasedFen\" >= 0 AND \"ReleasedFen\" <= {SmallDepositRelease.LimitPerBankFen}"));
        b.HasKey(x => new { x.CaseId, x.BankId });
    }

    public void Configure(EntityTypeBuilder<DepositRelease> b)
    {
        b.ToTable("family_deposit_releases");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.CaseId, x.BankId, x.CreatedAt });
        b.Property(x => x.BankName).HasMaxLength(100);
        b.Property(x => x.Amount).HasPrecision(14, 2);
        b.Property(x => x.ReleasedTotal).HasPrecision(14, 2);
        b.Property(x => x.ReleasableBalance).HasPrecision(14, 2);
        b.Property(x => x.CitizenSubject).HasMaxLength(128);
        b.Property(x => x.CitizenName).HasMaxLength(50);
        b.Property(x => x.UndertakingVersion).HasMaxLength(20);
    }
}
