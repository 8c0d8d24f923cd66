using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.ReportTaskOutcome;

/// <summary>The worklist a department reports its outcomes from.</summary>
public sealed class ReadWorklistHandler(HereafterDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// The worklist of the actor's own department (civil affairs too: only its own tasks here), newest case first:
    /// open tasks (pending, received), or every task with <paramref name="includeFinished"/>. The task of
    /// <paramref name="alsoCaseId"/> is included whatever its status, so the page can show what was just saved.
    /// </summary>
    public async Task<IReadOnlyList<CaseRow>> HandleAsync(Actor actor, bool includeFinished, Guid? alsoCaseId, int take, CancellationToken ct)
    {
        var department = SharingAccess.DepartmentOf(actor) ?? throw ProblemException.Forbidden(new Message("sharing.case.organisation-not-involved"));
        var org = actor.OrganisationId;
        var tasks = db.Set<CaseTask>().AsNoTracking().Where(t => t.Department == department && (t.OrganisationId == null || t.OrganisationId == org));
        if (!includeFinished)
            tasks = tasks.Where(t => t.Status == CaseTaskStatus.Pending || t.Status == CaseTaskStatus.Received || t.CaseId == alsoCaseId);
        var caseIds = tasks.Select(t => t.CaseId);
        var cases = await db.Set<DeathCase>().AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .OrderByDescending(c => c.OpenedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var own = await db.Set<CaseTask>().AsNoTracking().Where(t => ids.Contains(t.CaseId) && t.Department == department && (t.OrganisationId == null || t.OrganisationId == org)).ToListAsync(ct);
        // The case's own notification task first (the page works it), then the family's items in the order asked.
        own = [.. own.OrderBy(t => t.Item != CaseTaskItem.Notification).ThenBy(t => t.CreatedAt)];
        var dtos = await CaseTaskReads.DtosAsync(db, own, clock.GetUtcNow(), ct);
        var byCase = own.Zip(dtos).ToLookup(p => p.First.CaseId, p => p.Second);
        await audit.RecordAsync(actor, "case.worklist", "cases", "death-case", $"{cases.Count} cases (masked)", ct);
        return cases.Select(c => new CaseRow(c.Id, c.CertificateId, PersonalDataMask.IdNumber(c.CertificateNumber), PersonalDataMask.Name(c.DecedentName),
            c.Status, c.OpenedAt, byCase[c.Id].ToList())).ToList();
    }
}
