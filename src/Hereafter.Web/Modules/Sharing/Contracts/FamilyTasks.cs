using System.Text.Json.Nodes;

namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>
/// Opens the tasks a family's application asks for, on the case's worklists. Idempotent: an item (for banks: an item
/// and bank) that already has a task on the case is answered by that task, never duplicated
/// (<see cref="RequestedTask.Created"/> false). <see cref="CaseTaskItem.HouseholdCancellation"/> is the police's
/// notification task. Runs in the caller's transaction; the caller saves. Two concurrent requests for the same item
/// meet on the database's unique index: the later save fails (<c>UniqueViolation.Is</c>); open again to get the
/// existing task. Throws a validation problem (field <c>banks</c>) for a bank item without a bank's organisation id,
/// and not-found / conflict for a missing or cancelled case.
/// </summary>
public interface ICaseTaskRequests
{
    Task<IReadOnlyList<RequestedTask>> OpenAsync(Guid caseId, IReadOnlyList<TaskRequest> requests, string requestedBy, CancellationToken ct);
}

/// <param name="OrganisationId">The one organisation asked (a bank); null for the department as a whole.</param>
/// <param name="Details">What the department needs to act, shown on its worklist and sent in its events (payout account,
/// relationship, contribution years…); never more than that department may see.</param>
public sealed record TaskRequest(CaseTaskItem Item, Guid? OrganisationId, JsonObject Details);

public sealed record RequestedTask(Guid TaskId, CaseTaskItem Item, Department Department, Guid? OrganisationId, bool Created);

/// <summary>Every task of a case with its history and answer, for the family's progress page.</summary>
public interface ICaseTaskProgress
{
    Task<IReadOnlyList<TaskProgress>> ForCaseAsync(Guid caseId, CancellationToken ct);
}

public sealed record TaskProgress(Guid TaskId, CaseTaskItem Item, Department Department, Guid? OrganisationId, string? OrganisationName,
    CaseTaskStatus Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset AcknowledgeBy, bool Overdue,
    string? EffectiveDate, string? Note, decimal? Amount, BankAnswer? Bank, IReadOnlyList<TaskHistoryDto> History);

/// <summary>A bank's answer to a deposit query: the deceased's accounts at that bank, and whether it offers small-deposit release.</summary>
public sealed record BankAnswer(bool ReleaseOffered, IReadOnlyList<DepositAccount> Accounts);

/// <param name="Type">Account type as the bank names it (活期, 定期, …).</param>
/// <param name="AccountMasked">Account number with all but the last four digits hidden.</param>
public sealed record DepositAccount(string Type, string AccountMasked, decimal Balance);

/// <summary>
/// Integration event published whenever a department or bank reports on any task of a case (ordering key: the case):
/// the family module notifies the citizens admitted to the case who applied for that task's item.
/// </summary>
public sealed record CaseTaskAnswered(Guid CaseId, Guid TaskId, CaseTaskItem Item, Department Department, string OrganisationName,
    CaseTaskStatus Status, DateTimeOffset At)
{
    public const string EventType = "sharing.task-answered";

    /// <summary>The outbox ordering key: one case's answers are handled in the order they were reported.</summary>
    public static string OrderingKey(Guid caseId) => $"case:{caseId}";
}
