using System.Text.Json.Nodes;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>
/// Records a department's outcome on its case task: the task, its history entry, the <c>case.task-updated</c> event to
/// civil affairs and the <see cref="CaseTaskAnswered"/> integration event (ordered by case: the caller holds the case row).
/// Shared by the worklist/API report and by the reaction to other modules' events (a benefit stop), which must not call
/// each other's handlers.
/// </summary>
public sealed class CaseTaskOutcomes(HereafterDbContext db, SharingEvents events, Outbox outbox, TimeProvider clock)
{
    public async Task RecordAsync(DeathCase deathCase, CaseTask task, CaseTaskStatus status, string? effectiveDate, string? note, decimal? amount,
        string actorName, string organisationName, CancellationToken ct, BankReport? bank = null)
    {
        var now = clock.GetUtcNow();
        task.Status = status;
        task.UpdatedAt = now;
        if (status != CaseTaskStatus.Pending) task.FirstAnsweredAt ??= now;
        task.EffectiveDate = effectiveDate is { Length: > 0 } date ? date : task.EffectiveDate;
        task.Note = note is { Length: > 0 } n ? n : task.Note;
        task.Amount = amount ?? task.Amount;
        if (bank is not null) await RecordBankAsync(task, bank, ct);
        db.Add(new CaseTaskEntry
        {
            TaskId = task.Id, Status = task.Status, At = now, ActorName = actorName, OrganisationName = organisationName,
            EffectiveDate = effectiveDate, Note = note, Amount = amount,
        });
        var data = new JsonObject
        {
            ["department"] = task.Department.ToCode(), ["item"] = task.Item.ToCode(), ["status"] = task.Status.ToCode(),
            ["organisation"] = organisationName, ["effectiveDate"] = task.EffectiveDate, ["note"] = task.Note, ["amount"] = task.Amount,
        };
        events.Add(SharingEventTypes.TaskUpdated, deathCase, Department.CivilAffairs, data);
        outbox.Add(CaseTaskAnswered.EventType,
            new CaseTaskAnswered(deathCase.Id, task.Id, task.Item, task.Department, organisationName, task.Status, now),
            CaseTaskAnswered.OrderingKey(deathCase.Id));
    }

    /// <summary>A bank's accounts replace those it reported before; its release offer stays unless it says otherwise.</summary>
    private async Task RecordBankAsync(CaseTask task, BankReport bank, CancellationToken ct)
    {
        task.ReleaseOffered = bank.ReleaseOffered ?? task.ReleaseOffered;
        if (bank.Accounts is null) return;
        db.RemoveRange(await db.Set<CaseTaskAccount>().Where(a => a.TaskId == task.Id).ToListAsync(ct));
        db.AddRange(bank.Accounts.Select(a => new CaseTaskAccount { TaskId = task.Id, Type = a.Type, AccountMasked = a.AccountMasked, Balance = a.Balance }));
    }
}

/// <summary>What a bank reports on a deposit query, accounts already masked and checked; null parts leave the earlier answer.</summary>
public sealed record BankReport(IReadOnlyList<DepositAccount>? Accounts, bool? ReleaseOffered);
