using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Family.Features.ReadCaseProgress;

/// <summary>The case as its family follows it: the deceased, every task with its history and answer, and the bills.</summary>
/// <param name="CertificateStatus">The death certificate's status code (issued, corrected, revoked).</param>
public sealed record CaseProgressDto(Guid CaseId, string DecedentName, string? DeathDate, string CertificateStatus, CaseStatus CaseStatus,
    IReadOnlyList<TaskProgressDto> Tasks, IReadOnlyList<BillDto> Bills);

/// <summary>
/// One task as the family sees it. <c>NextStep</c> says what the family does now (text in the request's language,
/// <c>NextStepCode</c> its catalogue key); <c>RejectionReason</c> is the department's note on a rejection;
/// <c>DepositReleaseUrl</c> is the page that accepts a bank's small-deposit release offer.
/// </summary>
public sealed record TaskProgressDto(Guid TaskId, CaseTaskItem Item, string ItemName, Department Department, Guid? OrganisationId,
    string OrganisationName, CaseTaskStatus Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset AcknowledgeBy,
    bool Overdue, string? EffectiveDate, decimal? Amount, string? Note, string? RejectionReason, BankAnswer? Bank,
    string? DepositReleaseUrl, bool AppliedByMe, string NextStepCode, string NextStep, IReadOnlyList<TaskHistoryDto> History);

/// <summary>Reads a case's progress for a citizen admitted to it (404 otherwise); audited.</summary>
public sealed class ReadCaseProgressHandler(
    HereafterDbContext db, FamilyCaseAccess access, FamilyCaseFacts facts, ICaseTaskProgress progress, ICaseBills bills, AuditLog audit)
{
    public async Task<CaseProgressDto> HandleAsync(Citizen citizen, Guid caseId, CancellationToken ct)
    {
        await access.RequireAdmittedAsync(citizen, caseId, ct);
        var caseFacts = await facts.ReadAsync(caseId, ct);
        var tasks = await progress.ForCaseAsync(caseId, ct);
        var mine = (await db.Set<FamilyApplicationTask>().AsNoTracking()
            .Where(t => t.CaseId == caseId && t.CitizenSubject == citizen.Subject).Select(t => t.TaskId).ToListAsync(ct)).ToHashSet();
        var caseBills = await bills.ForCaseAsync(caseId, ct);
        await audit.RecordAsync(citizen.ToActor(), "family.case.read", $"case:{caseId}", "family-progress",
            $"{tasks.Count} tasks, {caseBills.Count} bills", ct);
        var english = Texts.IsEnglish;
        return new CaseProgressDto(caseId, caseFacts.DecedentName, caseFacts.DeathDate, caseFacts.CertificateStatus, caseFacts.CaseStatus,
            tasks.OrderBy(t => t.Item == CaseTaskItem.Notification).ThenBy(t => t.CreatedAt).Select(t =>
            {
                var next = NextSteps.For(t);
                return new TaskProgressDto(t.TaskId, t.Item, english ? t.Item.EnglishName() : t.Item.ChineseName(), t.Department, t.OrganisationId,
                    OrganisationOf(t), t.Status, t.CreatedAt, t.UpdatedAt, t.AcknowledgeBy, t.Overdue,
                    t.EffectiveDate, t.Amount, t.Note, t.Status == CaseTaskStatus.Rejected ? t.Note : null, t.Bank,
                    ReleaseUrl(caseId, t), mine.Contains(t.TaskId), next.Key, next.In(english), t.History);
            }).ToList(),
            caseBills);
    }

    /// <summary>The bank asked, else the organisation that last answered, else the department's name.</summary>
    private static string OrganisationOf(TaskProgress t) =>
        t.OrganisationName ?? t.History.LastOrDefault(h => h.Status != CaseTaskStatus.Pending && h.Organisation.Length > 0)?.Organisation ?? t.Department.ChineseName();

    /// <summary>Where the family accepts a bank's offer to release small deposits (the deposit-release page).</summary>
    public static string? ReleaseUrl(Guid caseId, TaskProgress task) =>
        task is { Item: CaseTaskItem.BankDeposits, Bank.ReleaseOffered: true, OrganisationId: { } bank }
            ? $"/family/cases/{caseId}/deposit-release?bank={bank}" : null;
}

/// <summary>What the family does next on a task, as a catalogue message (<c>family.next.*</c>).</summary>
public static class NextSteps
{
    public static Message For(TaskProgress task) => task.Status switch
    {
        CaseTaskStatus.Pending => new Message("family.next.pending"),
        CaseTaskStatus.Received => new Message("family.next.received"),
        CaseTaskStatus.Rejected => new Message("family.next.rejected"),
        CaseTaskStatus.NotApplicable => new Message("family.next.not-applicable"),
        _ when task.Bank is { ReleaseOffered: true } => new Message("family.next.deposit-release-offered"),
        _ when task.Item == CaseTaskItem.BankDeposits => new Message("family.next.deposits-answered"),
        _ when task.Amount is { } amount && amount > 0 => new Message("family.next.paid").With("amount", FamilyAmounts.Yuan(amount)),
        _ => new Message("family.next.done"),
    };
}
