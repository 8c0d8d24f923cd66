using System.Globalization;
using Hereafter.Domain.Input;
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
        if (!Departments.All.Contains(department))
            throw ProblemException.NotFound($"Unknown department '{department}'. Use one of: {string.Join(", ", Departments.All)}.");
        if (SharingAccess.DepartmentOf(actor) != department)
            throw ProblemException.Forbidden($"Only the {department} department may report this task.");
        var errors = Validate(request, out var status);
        if (errors.Count > 0) throw new FieldValidationException(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var deathCase = await db.Set<DeathCase>().FirstOrDefaultAsync(c => c.Id == caseId, ct)
                        ?? throw ProblemException.NotFound("No such case.");
        var task = await db.Set<CaseTask>().FirstOrDefaultAsync(t => t.CaseId == caseId && t.Department == department, ct)
                   ?? throw ProblemException.NotFound($"This case has no {department} task.");
        if (!SharingAccess.Addresses(actor, task.Department, task.OrganisationId))
            throw ProblemException.Forbidden("This task belongs to another organisation of the department.");
        outcomes.Record(deathCase, task, status, request.EffectiveDate?.Trim(), request.Note?.Trim(), request.Amount,
            actor.Name, actor.OrganisationName);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "case.task-outcome", $"case:{caseId}", "death-case", $"{department}: {task.Status.ToCode()}", ct);
        await tx.CommitAsync(ct);
        return (await CaseTaskReads.DtosAsync(db, [task], clock.GetUtcNow(), ct)).Single();
    }

    private static Dictionary<string, string[]> Validate(TaskOutcomeRequest r, out CaseTaskStatus status)
    {
        var errors = new Dictionary<string, string[]>();
        if (!EnumCodes<CaseTaskStatus>.TryParse(r.Status, out status) || !CaseTaskStatuses.Reportable.Contains(status))
            errors["status"] = [$"状态须为 {string.Join(" / ", CaseTaskStatuses.Reportable.Select(s => s.ToCode()))}"];
        if (status == CaseTaskStatus.Done && string.IsNullOrWhiteSpace(r.EffectiveDate))
            errors["effectiveDate"] = ["办结时须填写生效日期（如停发月份 2026-12）"];
        if (!string.IsNullOrWhiteSpace(r.EffectiveDate)
            && !DateOnly.TryParseExact(r.EffectiveDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && !DateOnly.TryParseExact(r.EffectiveDate.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            errors["effectiveDate"] = ["生效日期格式须为 YYYY-MM-DD 或 YYYY-MM"];
        if (status == CaseTaskStatus.Rejected && string.IsNullOrWhiteSpace(r.Note))
            errors["note"] = ["退回时须填写原因"];
        var noteProblems = FreeText.Check(r.Note, 500, required: false);
        if (noteProblems.HasFlag(FreeTextProblems.TooLong)) errors["note"] = ["说明不能超过500字"];
        if (noteProblems.HasFlag(FreeTextProblems.ForbiddenCharacter))
            errors["note"] = ["说明含有不允许的字符"];
        if (r.Amount is < 0 or > 100_000_000m || (r.Amount is { } a && decimal.Round(a, 2) != a))
            errors["amount"] = ["金额须为非负数，最多两位小数"];
        return errors;
    }
}
