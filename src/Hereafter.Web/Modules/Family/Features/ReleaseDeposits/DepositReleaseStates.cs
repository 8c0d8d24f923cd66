using Hereafter.Domain.Family;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Family.Features.ReleaseDeposits;

/// <summary>
/// Where small-deposit release stands at one bank for one case: the bank's answer to the family's deposit query
/// (accounts, balances, whether it offers release) and what has been released there so far.
/// </summary>
/// <param name="Answer">The bank's answer; null while the bank has not answered the deposit query.</param>
/// <param name="ReleasableBalance">The balances the limit applies to: every account except 丧葬费 and 抚恤金.</param>
/// <param name="Remaining">What may still be released: the lesser of the limit's and the balance's remainders.</param>
public sealed record DepositReleaseState(Guid CaseId, Guid BankId, string BankName, BankAnswer? Answer, decimal AccountsTotal,
    decimal ReleasableBalance, decimal ReleasedTotal, decimal Remaining, DateTimeOffset? ClosedAt)
{
    public bool Offered => Answer?.ReleaseOffered == true;
    public bool Closed => ClosedAt is not null;
    public decimal Limit => SmallDepositRelease.LimitPerBank;
    public decimal LimitRemaining => Math.Max(0m, SmallDepositRelease.LimitPerBank - ReleasedTotal);

    /// <summary>The accounts outside the limit (丧葬费, 抚恤金), paid in full by the bank when it closes the accounts.</summary>
    public IReadOnlyList<DepositAccount> OutsideLimit => Answer?.Accounts.Where(a => SmallDepositRelease.IsOutsideLimit(a.Type)).ToList() ?? [];
}

public sealed class DepositReleaseStates(HereafterDbContext db, ICaseTaskProgress progress)
{
    /// <summary>The state at <paramref name="bankId"/>; null when the family never asked that bank about deposits on this case.</summary>
    public async Task<DepositReleaseState?> ForBankAsync(Guid caseId, Guid bankId, CancellationToken ct)
    {
        var tasks = await progress.ForCaseAsync(caseId, ct);
        var query = tasks.FirstOrDefault(t => t.Item == CaseTaskItem.BankDeposits && t.OrganisationId == bankId);
        if (query is null) return null;
        var ledger = await db.Set<DepositLedger>().AsNoTracking().FirstOrDefaultAsync(l => l.CaseId == caseId && l.BankId == bankId, ct);
        var answer = query.Bank;
        var accounts = answer?.Accounts ?? [];
        var releasable = SmallDepositRelease.ReleasableBalance(accounts.Select(a => (a.Type, a.Balance)));
        var released = SmallDepositRelease.ToYuan(ledger?.ReleasedFen ?? 0);
        return new DepositReleaseState(caseId, bankId, query.OrganisationName ?? "", answer, accounts.Sum(a => a.Balance), releasable, released,
            ledger?.ClosedAt is null ? SmallDepositRelease.Remaining(releasable, released) : 0m, ledger?.ClosedAt);
    }
}
