using System.Text.Json.Nodes;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>Case tasks as departments and civil affairs see them, with their status histories.</summary>
public static class CaseTaskReads
{
    public static async Task<IReadOnlyList<CaseTaskDto>> DtosAsync(HereafterDbContext db, IReadOnlyList<CaseTask> tasks, DateTimeOffset now, CancellationToken ct)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var entries = (await db.Set<CaseTaskEntry>().AsNoTracking().Where(e => ids.Contains(e.TaskId)).ToListAsync(ct))
            .OrderBy(e => e.Id).ToLookup(e => e.TaskId);
        var banks = await BankAnswersAsync(db, tasks, ct);
        return tasks.Select(t => new CaseTaskDto(t.Department, t.Department.ChineseName(), t.Status, t.UpdatedAt, t.AcknowledgeBy,
            Overdue(t, now), t.EffectiveDate, t.Note, t.Amount, History(entries[t.Id]), t.Item, DetailsOf(t),
            t.OrganisationId, banks.GetValueOrDefault(t.Id)))
            .ToList();
    }

    public static bool Overdue(CaseTask task, DateTimeOffset now) => task.Status == CaseTaskStatus.Pending && task.AcknowledgeBy < now;

    public static IReadOnlyList<TaskHistoryDto> History(IEnumerable<CaseTaskEntry> entries) =>
        entries.Select(e => new TaskHistoryDto(e.Status, e.At, e.ActorName, e.OrganisationName, e.EffectiveDate, e.Note, e.Amount)).ToList();

    public static JsonObject? DetailsOf(CaseTask task) => task.Details is { Length: > 0 } json ? JsonNode.Parse(json) as JsonObject : null;

    /// <summary>The answers of the bank-deposits tasks among <paramref name="tasks"/> that a bank answered, by task id.</summary>
    public static async Task<Dictionary<Guid, BankAnswer>> BankAnswersAsync(HereafterDbContext db, IReadOnlyList<CaseTask> tasks, CancellationToken ct)
    {
        var deposits = tasks.Where(t => t.Item == CaseTaskItem.BankDeposits).ToList();
        if (deposits.Count == 0) return [];
        var ids = deposits.Select(t => t.Id).ToList();
        var accounts = (await db.Set<CaseTaskAccount>().AsNoTracking().Where(a => ids.Contains(a.TaskId)).ToListAsync(ct))
            .OrderBy(a => a.Id).ToLookup(a => a.TaskId);
        return deposits.Where(t => t.ReleaseOffered is not null || accounts[t.Id].Any())
            .ToDictionary(t => t.Id, t => new BankAnswer(t.ReleaseOffered ?? false,
                accounts[t.Id].Select(a => new DepositAccount(a.Type, a.AccountMasked, a.Balance)).ToList()));
    }
}
