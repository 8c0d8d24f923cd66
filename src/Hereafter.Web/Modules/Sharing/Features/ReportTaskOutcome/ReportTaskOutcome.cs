using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.ReportTaskOutcome;

/// <summary>
/// A department reports on its task: <c>received</c>, then <c>done</c> (with the effective date, e.g. the
/// month a pension stops), <c>rejected</c> (with a reason) or <c>not-applicable</c>. The task is the department's
/// task for <c>item</c> (default <c>notification</c>; <c>household-cancellation</c> is the police's notification task),
/// and for a bank the one addressed to the caller's bank. Only that department (organisation) may report it.
/// Civil affairs is told by a <c>case.task-updated</c> event; the family module by <see cref="CaseTaskAnswered"/>.
/// </summary>
public sealed class ReportTaskOutcomeHandler(HereafterDbContext db, CaseTaskOutcomes outcomes, AuditLog audit, TimeProvider clock)
{
    public async Task<CaseTaskDto> HandleAsync(Actor actor, Guid caseId, string department, TaskOutcomeRequest request, CancellationToken ct,
        string? item = null)
    {
        if (!EnumCodes<Department>.TryParse(department, out var target))
            throw ProblemException.NotFound(new Message("sharing.department.unknown").With("department", department)
                .With("known", string.Join(", ", EnumCodes<Department>.All.Select(d => d.ToCode()))));
        if (SharingAccess.DepartmentOf(actor) != target)
            throw ProblemException.Forbidden(new Message("sharing.task.other-department").With("department", department));
        var taskItem = TaskOutcomeValidation.ItemOf(item);
        TaskOutcomeValidation.Check(request, taskItem, out var status, out var bank).ThrowIfAny();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Locked: the case's CaseTaskAnswered events enter the outbox in commit order.
        var deathCase = await DeathCaseRows.LockAsync(db, caseId, ct)
                        ?? throw ProblemException.NotFound(new Message("sharing.case.not-found"));
        var candidates = await db.Set<CaseTask>().Where(t => t.CaseId == caseId && t.Department == target && t.Item == taskItem).ToListAsync(ct);
        if (candidates.Count == 0) throw ProblemException.NotFound(new Message("sharing.task.not-found").With("department", department));
        var task = candidates.FirstOrDefault(t => SharingAccess.Addresses(actor, t.Department, t.OrganisationId))
                   ?? throw ProblemException.Forbidden(new Message("sharing.task.other-organisation"));
        await outcomes.RecordAsync(deathCase, task, status, request.EffectiveDate?.Trim(), request.Note?.Trim(), request.Amount,
            actor.Name, actor.OrganisationName, ct, bank);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "case.task-outcome", $"case:{caseId}", "death-case", $"{department} {task.Item.ToCode()}: {task.Status.ToCode()}", ct);
        await tx.CommitAsync(ct);
        return (await CaseTaskReads.DtosAsync(db, [task], clock.GetUtcNow(), ct)).Single();
    }
}
