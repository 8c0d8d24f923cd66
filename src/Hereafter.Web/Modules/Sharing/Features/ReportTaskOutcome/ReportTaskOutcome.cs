using System.Globalization;
using Hereafter.Domain.Input;
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
/// month a pension stops), <c>rejected</c> (with a reason) or <c>not-applicable</c>. Only that department
/// may report its task. Civil affairs is told by a <c>case.task-updated</c> event.
/// </summary>
public sealed class ReportTaskOutcomeHandler(HereafterDbContext db, CaseTaskOutcomes outcomes, AuditLog audit, TimeProvider clock)
{
    public async Task<CaseTaskDto> HandleAsync(Actor actor, Guid caseId, string department, TaskOutcomeRequest request, CancellationToken ct)
    {
        if (!EnumCodes<Department>.TryParse(department, out var target))
            throw ProblemException.NotFound(new Message("sharing.department.unknown").With("department", department)
                .With("known", string.Join(", ", EnumCodes<Department>.All.Select(d => d.ToCode()))));
        if (SharingAccess.DepartmentOf(actor) != target)
            throw ProblemException.Forbidden(new Message("sharing.task.other-department").With("department", department));
        Validate(request, out var status).ThrowIfAny();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var deathCase = await db.Set<DeathCase>().FirstOrDefaultAsync(c => c.Id == caseId, ct)
                        ?? throw ProblemException.NotFound(new Message("sharing.case.not-found"));
        var task = await db.Set<CaseTask>().FirstOrDefaultAsync(t => t.CaseId == caseId && t.Department == target, ct)
                   ?? throw ProblemException.NotFound(new Message("sharing.task.not-found").With("department", department));
        if (!SharingAccess.Addresses(actor, task.Department, task.OrganisationId))
            throw ProblemException.Forbidden(new Message("sharing.task.other-organisation"));
        outcomes.Record(deathCase, task, status, request.EffectiveDate?.Trim(), request.Note?.Trim(), request.Amount,
            actor.Name, actor.OrganisationName);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "case.task-outcome", $"case:{caseId}", "death-case", $"{department}: {task.Status.ToCode()}", ct);
        await tx.CommitAsync(ct);
        return (await CaseTaskReads.DtosAsync(db, [task], clock.GetUtcNow(), ct)).Single();
    }

    /// <summary>The request's problems: a field's later problem replaces its earlier one, so each field answers one message.</summary>
    private static FieldErrors Validate(TaskOutcomeRequest r, out CaseTaskStatus status)
    {
        var found = new Dictionary<string, Message>();
        if (!EnumCodes<CaseTaskStatus>.TryParse(r.Status, out status) || !CaseTaskStatuses.Reportable.Contains(status))
            found["status"] = new Message("sharing.task.status-invalid").With("statuses", string.Join(" / ", CaseTaskStatuses.Reportable.Select(s => s.ToCode())));
        if (status == CaseTaskStatus.Done && string.IsNullOrWhiteSpace(r.EffectiveDate))
            found["effectiveDate"] = new Message("sharing.task.effective-date-required");
        if (!string.IsNullOrWhiteSpace(r.EffectiveDate)
            && !DateOnly.TryParseExact(r.EffectiveDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && !DateOnly.TryParseExact(r.EffectiveDate.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            found["effectiveDate"] = new Message("sharing.task.effective-date-invalid");
        if (status == CaseTaskStatus.Rejected && string.IsNullOrWhiteSpace(r.Note))
            found["note"] = new Message("sharing.task.rejection-reason-required");
        var noteProblems = FreeText.Check(r.Note, 500, required: false);
        if (noteProblems.HasFlag(FreeTextProblems.TooLong)) found["note"] = new Message("sharing.task.note-too-long").With("max", 500);
        if (noteProblems.HasFlag(FreeTextProblems.ForbiddenCharacter))
            found["note"] = new Message("sharing.task.note-forbidden-characters");
        if (r.Amount is < 0 or > 100_000_000m || (r.Amount is { } a && decimal.Round(a, 2) != a))
            found["amount"] = new Message("sharing.task.amount-invalid");
        var errors = new FieldErrors();
        errors.AddRange(found.Select(f => new FieldMessage(f.Key, f.Value)));
        return errors;
    }
}
