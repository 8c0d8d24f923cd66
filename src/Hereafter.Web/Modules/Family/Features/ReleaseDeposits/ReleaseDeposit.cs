using System.Globalization;
using System.Text.Json.Nodes;
using Hereafter.Domain.Family;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Family.Features.ReleaseDeposits;

/// <param name="Undertaking">The applicant's written undertaking (承诺书): must be true.</param>
/// <param name="PayoutAccount">Where the bank pays the money; when absent, the bank pays to the account of the family's
/// application or at its counter.</param>
public sealed record ReleaseDepositRequest(Guid? BankId, decimal? Amount, bool? Undertaking, PayoutAccountRequest? PayoutAccount = null);

/// <param name="Bank">The payee's bank, as the citizen names it.</param>
public sealed record PayoutAccountRequest(string? Bank, string? AccountNumber, string? HolderName);

/// <param name="ReleasedTotal">The bank's total released for this deceased, this release included (yuan).</param>
/// <param name="Remaining">What may still be released at this bank (yuan).</param>
/// <param name="AccountsClosed">This release took the last of the balance: all the deceased's accounts at the bank are closed.</param>
public sealed record DepositReleaseDto(Guid Id, Guid BankId, decimal Amount, decimal ReleasedTotal, decimal Remaining, bool AccountsClosed, Guid TaskId);

/// <summary>
/// A family member admitted to the case releases a small sum of the deceased's deposits at a bank that answered their
/// deposit query and offered release (金规〔2024〕6号, ADR 0026): at most 50,000 yuan per bank per deceased, enforced in
/// the database; the release opens the bank's deposit-release task, records the undertaking and notifies the citizen.
/// </summary>
public sealed class ReleaseDepositHandler(
    HereafterDbContext db, FamilyCaseAccess access, DepositReleaseStates states, ICaseTaskRequests tasks,
    FamilyNotifications notifications, AuditLog audit, TimeProvider clock)
{
    public async Task<DepositReleaseDto> HandleAsync(Citizen citizen, Guid caseId, ReleaseDepositRequest request, CancellationToken ct)
    {
        var admission = await access.RequireAdmittedAsync(citizen, caseId, ct);
        var errors = new FieldErrors();
        if (request.BankId is null) errors.Add("bankId", new Message("family.deposit-release.bank-required"));
        if (SmallDepositRelease.CheckAmount(request.Amount) is { } amountProblem) errors.Add("amount", amountProblem);
        if (request.Undertaking != true) errors.Add("undertaking", new Message("family.deposit-release.undertaking-required"));
        if (request.PayoutAccount is { } payout)
        {
            if (string.IsNullOrWhiteSpace(payout.Bank) || payout.Bank.Trim().Length > 100)
                errors.Add("payoutAccount.bank", new Message("family.deposit-release.payout-bank-invalid"));
            if (payout.AccountNumber?.Replace(" ", "", StringComparison.Ordinal) is not { Length: >= 8 and <= 32 } number || !number.All(char.IsAsciiDigit))
                errors.Add("payoutAccount.accountNumber", new Message("family.deposit-release.payout-account-invalid"));
            if (string.IsNullOrWhiteSpace(payout.HolderName) || payout.HolderName.Trim().Length > 50)
                errors.Add("payoutAccount.holderName", new Message("family.deposit-release.payout-holder-invalid"));
        }
        errors.ThrowIfAny();
        var bankId = request.BankId!.Value;
        var amount = request.Amount!.Value;

        var state = await states.ForBankAsync(caseId, bankId, ct)
            ?? throw ProblemException.Conflict(new Message("family.deposit-release.not-asked"));
        if (state.Answer is null) throw ProblemException.Conflict(new Message("family.deposit-release.not-answered").With("bank", state.BankName));
        if (!state.Offered) throw ProblemException.Conflict(new Message("family.deposit-release.not-offered").With("bank", state.BankName));
        if (state.Closed) throw Closed(state.BankName);
        // Checked here for a clear answer; the conditional UPDATE below is what holds under concurrency.
        if (amount > state.LimitRemaining) throw OverLimit(state.BankName, state.LimitRemaining, state.Remaining);
        if (amount > state.ReleasableBalance - state.ReleasedTotal) throw AboveBalance(state.BankName, state.ReleasableBalance, state.Remaining);

        await EnsureLedgerAsync(caseId, bankId, ct);
        var fen = SmallDepositRelease.ToFen(amount);
        var balanceFen = SmallDepositRelease.ToFen(state.ReleasableBalance);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One statement: PostgreSQL re-checks the WHERE on the row a concurrent release just committed, SQLite has one writer.
        var moved = await db.Set<DepositLedger>()
            .Where(l => l.CaseId == caseId && l.BankId == bankId && l.ClosedAt == null
                        && l.ReleasedFen + fen <= SmallDepositRelease.LimitPerBankFen && l.ReleasedFen + fen <= balanceFen)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.ReleasedFen, l => l.ReleasedFen + fen)
                .SetProperty(l => l.Releases, l => l.Releases + 1).SetProperty(l => l.UpdatedAt, now), ct);
        var ledger = await db.Set<DepositLedger>().AsNoTracking().FirstAsync(l => l.CaseId == caseId && l.BankId == bankId, ct);
        var releasedYuan = SmallDepositRelease.ToYuan(ledger.ReleasedFen);
        if (moved == 0)
        {
            var remaining = ledger.ClosedAt is null ? SmallDepositRelease.Remaining(state.ReleasableBalance, releasedYuan) : 0m;
            if (ledger.ClosedAt is not null) throw Closed(state.BankName);
            if (ledger.ReleasedFen + fen > SmallDepositRelease.LimitPerBankFen)
                throw OverLimit(state.BankName, SmallDepositRelease.ToYuan(SmallDepositRelease.LimitPerBankFen - ledger.ReleasedFen), remaining);
            throw AboveBalance(state.BankName, state.ReleasableBalance, remaining);
        }
        var closes = ledger.ReleasedFen >= balanceFen;
        if (closes)
            await db.Set<DepositLedger>().Where(l => l.CaseId == caseId && l.BankId == bankId)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.ClosedAt, now), ct);

        var release = new DepositRelease
        {
            Id = Guid.NewGuid(), CaseId = caseId, BankId = bankId, BankName = state.BankName, Amount = amount, ReleasedTotal = releasedYuan,
            ReleasableBalance = state.ReleasableBalance, ClosesAccounts = closes, CitizenSubject = citizen.Subject, CitizenName = citizen.Name,
            UndertakingVersion = SmallDepositRelease.UndertakingVersion, UndertakingAt = now, CreatedAt = now,
        };
        var opened = await tasks.OpenAsync(caseId, [new TaskRequest(CaseTaskItem.DepositRelease, bankId, Details(release, state, admission, citizen, request.PayoutAccount))], citizen.Name, ct);
        release.TaskId = opened.Count > 0 ? opened[0].TaskId : Guid.Empty;
        db.Add(release);
        notifications.Add(citizen.Subject, citizen.Phone, caseId, new Message("family.notification.deposit-release-requested")
            .With("bank", state.BankName).With("amount", Yuan(amount)));
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(citizen.ToActor(), "family.deposit-release", $"case:{caseId}", "deposit-release",
            $"bank {bankId}: {Yuan(amount)} yuan released, {Yuan(releasedYuan)} in total; undertaking {release.UndertakingVersion}; accounts closed: {closes}", ct);
        await tx.CommitAsync(ct);
        await notifications.SendPendingAsync(ct);
        var left = closes ? 0m : SmallDepositRelease.Remaining(state.ReleasableBalance, releasedYuan);
        return new DepositReleaseDto(release.Id, bankId, amount, releasedYuan, left, closes, release.TaskId);
    }

    /// <summary>The ledger row of the bank exists before the transaction that moves it (0 released); a concurrent first release may have made it.</summary>
    private async Task EnsureLedgerAsync(Guid caseId, Guid bankId, CancellationToken ct)
    {
        if (await db.Set<DepositLedger>().AnyAsync(l => l.CaseId == caseId && l.BankId == bankId, ct)) return;
        var row = new DepositLedger { CaseId = caseId, BankId = bankId, UpdatedAt = clock.GetUtcNow() };
        db.Add(row);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { }
        finally { db.Entry(row).State = EntityState.Detached; }
    }

    /// <summary>What the bank needs to pay out and close the accounts; nothing else of the case.</summary>
    private static JsonObject Details(DepositRelease release, DepositReleaseState state, FamilyAdmission admission, Citizen citizen,
        PayoutAccountRequest? payout) => new()
    {
        ["releaseId"] = release.Id.ToString(),
        ["amount"] = release.Amount,
        ["releasedTotal"] = release.ReleasedTotal,
        ["closeAccounts"] = release.ClosesAccounts,
        ["outsideLimit"] = new JsonArray([.. state.OutsideLimit.Select(a => (JsonNode)new JsonObject
        {
            ["type"] = a.Type, ["accountMasked"] = a.AccountMasked, ["balance"] = a.Balance,
        })]),
        ["applicant"] = new JsonObject
        {
            ["name"] = citizen.Name, ["phone"] = citizen.Phone, ["relationship"] = admission.Relationship.ToCode(),
        },
        ["payoutAccount"] = payout is null ? null : new JsonObject
        {
            ["bank"] = payout.Bank!.Trim(), ["accountNumber"] = payout.AccountNumber!.Replace(" ", "", StringComparison.Ordinal),
            ["holderName"] = payout.HolderName!.Trim(),
        },
        ["undertaking"] = new JsonObject
        {
            ["version"] = release.UndertakingVersion, ["text"] = SmallDepositRelease.UndertakingText,
            ["at"] = release.UndertakingAt.ToString("O", CultureInfo.InvariantCulture),
        },
    };

    private static string Yuan(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static ProblemException Closed(string bank) =>
        ProblemException.Conflict(new Message("family.deposit-release.accounts-closed").With("bank", bank));

    private static ProblemException OverLimit(string bank, decimal limitRemaining, decimal remaining) =>
        new(StatusCodes.Status422UnprocessableEntity, "Over the small-deposit limit",
            new Message("family.deposit-release.over-limit").With("bank", bank).With("limit", Yuan(SmallDepositRelease.LimitPerBank))
                .With("remaining", Yuan(Math.Min(limitRemaining, remaining))))
        { Extensions = new Dictionary<string, object?> { ["remaining"] = Math.Min(limitRemaining, remaining) } };

    private static ProblemException AboveBalance(string bank, decimal balance, decimal remaining) =>
        new(StatusCodes.Status422UnprocessableEntity, "Above the balance",
            new Message("family.deposit-release.above-balance").With("bank", bank).With("balance", Yuan(balance)).With("remaining", Yuan(remaining)))
        { Extensions = new Dictionary<string, object?> { ["remaining"] = remaining } };
}
