using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.ReadDeathCase;

/// <summary>
/// A death case with its tasks' status histories: civil affairs sees every task, a department only its
/// own. Also the supervisor's list of cases and the worklist of a department.
/// </summary>
public sealed class ReadDeathCaseHandler(HereafterDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<DeathCaseDto> ReadAsync(Actor actor, Guid caseId, CancellationToken ct)
    {
        var department = SharingAccess.DepartmentOf(actor);
        var supervisor = SharingAccess.Supervises(actor);
        if (department is null && !supervisor) throw ProblemException.Forbidden("Your organisation has no part in death cases.");
        var deathCase = await db.Set<DeathCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct)
                        ?? throw ProblemException.NotFound("No such case.");
        var tasks = await db.Set<CaseTask>().AsNoTracking()
            .Where(t => t.CaseId == caseId && (supervisor || (t.Department == department && (t.OrganisationId == null || t.OrganisationId == actor.OrganisationId))))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Department).ToListAsync(ct);
        if (tasks.Count == 0) throw ProblemException.Forbidden("Your department has no task in this case.");
        await audit.RecordAsync(actor, "case.read", $"case:{caseId}", supervisor ? "supervision" : "death-case", "", ct);
        return new DeathCaseDto(deathCase.Id, deathCase.CertificateNumber, PersonalDataMask.Name(deathCase.DecedentName), deathCase.Status,
            deathCase.DeathAt, deathCase.OpenedAt, await TasksAsync(db, tasks, clock.GetUtcNow(), ct));
    }

    public sealed record CaseRow(Guid CaseId, string MaskedNumber, string MaskedName, CaseStatus Status, DateTimeOffset OpenedAt,
        IReadOnlyList<CaseTaskDto> Tasks);

    /// <summary>Cases newest first: civil affairs sees all (optionally only those with overdue tasks); a department its own tasks.</summary>
    public async Task<IReadOnlyList<CaseRow>> ListAsync(Actor actor, bool overdueOnly, int take, CancellationToken ct)
    {
        var department = SharingAccess.DepartmentOf(actor);
        var supervisor = SharingAccess.Supervises(actor);
        if (department is null && !supervisor) throw ProblemException.Forbidden("Your organisation has no part in death cases.");
        var now = clock.GetUtcNow();
        var org = actor.OrganisationId;
        var tasks = db.Set<CaseTask>().AsNoTracking().Where(t => supervisor || (t.Department == department && (t.OrganisationId == null || t.OrganisationId == org)));
        if (overdueOnly) tasks = tasks.Where(t => t.Status == CaseTaskStatus.Pending && t.AcknowledgeBy < now);
        var caseIds = tasks.Select(t => t.CaseId).Distinct();
        var cases = await db.Set<DeathCase>().AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .OrderByDescending(c => c.OpenedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var allTasks = await db.Set<CaseTask>().AsNoTracking()
            .Where(t => ids.Contains(t.CaseId) && (supervisor || (t.Department == department && (t.OrganisationId == null || t.OrganisationId == org)))).ToListAsync(ct);
        var dtos = await TasksAsync(db, allTasks, now, ct);
        var byCase = allTasks.Zip(dtos).ToLookup(p => p.First.CaseId, p => p.Second);
        await audit.RecordAsync(actor, "case.list", "cases", supervisor ? "supervision" : "death-case", $"{cases.Count} cases (masked)", ct);
        return cases.Select(c => new CaseRow(c.Id, PersonalDataMask.IdNumber(c.CertificateNumber), PersonalDataMask.Name(c.DecedentName),
            c.Status, c.OpenedAt, byCase[c.Id].OrderBy(t => Array.IndexOf(Departments.All, t.Department)).ToList())).ToList();
    }

    /// <summary>
    /// The worklist of the actor's own department (civil affairs too: only its own tasks here), newest case first:
    /// open tasks (pending, received), or every task with <paramref name="includeFinished"/>. The task of
    /// <paramref name="alsoCaseId"/> is included whatever its status, so the page can show what was just saved.
    /// </summary>
    public async Task<IReadOnlyList<CaseRow>> WorklistAsync(Actor actor, bool includeFinished, Guid? alsoCaseId, int take, CancellationToken ct)
    {
        var department = SharingAccess.DepartmentOf(actor) ?? throw ProblemException.Forbidden("Your organisation has no part in death cases.");
        var org = actor.OrganisationId;
        var tasks = db.Set<CaseTask>().AsNoTracking().Where(t => t.Department == department && (t.OrganisationId == null || t.OrganisationId == org));
        if (!includeFinished)
            tasks = tasks.Where(t => t.Status == CaseTaskStatus.Pending || t.Status == CaseTaskStatus.Received || t.CaseId == alsoCaseId);
        var caseIds = tasks.Select(t => t.CaseId);
        var cases = await db.Set<DeathCase>().AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .OrderByDescending(c => c.OpenedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var own = await db.Set<CaseTask>().AsNoTracking().Where(t => ids.Contains(t.CaseId) && t.Department == department && (t.OrganisationId == null || t.OrganisationId == org)).ToListAsync(ct);
        var dtos = await TasksAsync(db, own, clock.GetUtcNow(), ct);
        var byCase = own.Zip(dtos).ToLookup(p => p.First.CaseId, p => p.Second);
        await audit.RecordAsync(actor, "case.worklist", "cases", "death-case", $"{cases.Count} cases (masked)", ct);
        return cases.Select(c => new CaseRow(c.Id, PersonalDataMask.IdNumber(c.CertificateNumber), PersonalDataMask.Name(c.DecedentName),
            c.Status, c.OpenedAt, byCase[c.Id].ToList())).ToList();
    }

    public static async Task<IReadOnlyList<CaseTaskDto>> TasksAsync(HereafterDbContext db, IReadOnlyList<CaseTask> tasks, DateTimeOffset now, CancellationToken ct)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var entries = (await db.Set<CaseTaskEntry>().AsNoTracking().Where(e => ids.Contains(e.TaskId)).ToListAsync(ct))
            .OrderBy(e => e.Id).ToLookup(e => e.TaskId);
        return tasks.Select(t => new CaseTaskDto(t.Department, Departments.ChineseName(t.Department), t.Status, t.UpdatedAt, t.AcknowledgeBy,
            t.Status == CaseTaskStatus.Pending && t.AcknowledgeBy < now, t.EffectiveDate, t.Note, t.Amount,
            entries[t.Id].Select(e => new TaskHistoryDto(e.Status, e.At, e.ActorName, e.OrganisationName, e.EffectiveDate, e.Note, e.Amount)).ToList()))
            .ToList();
    }
}
