using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.ListDeathCases;

/// <summary>The supervisor's list of death cases (or a department's, through the API), newest first.</summary>
public sealed class ListDeathCasesHandler(HereafterDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Cases newest first: civil affairs sees all (optionally only those with overdue tasks); a department its own tasks.</summary>
    public async Task<IReadOnlyList<CaseRow>> HandleAsync(Actor actor, bool overdueOnly, int take, CancellationToken ct)
    {
        var department = SharingAccess.DepartmentOf(actor);
        var supervisor = SharingAccess.Supervises(actor);
        if (department is null && !supervisor) throw ProblemException.Forbidden(new Message("sharing.case.organisation-not-involved"));
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
        var dtos = await CaseTaskReads.DtosAsync(db, allTasks, now, ct);
        var byCase = allTasks.Zip(dtos).ToLookup(p => p.First.CaseId, p => p.Second);
        await audit.RecordAsync(actor, "case.list", "cases", supervisor ? "supervision" : "death-case", $"{cases.Count} cases (masked)", ct);
        return cases.Select(c => new CaseRow(c.Id, c.CertificateId, PersonalDataMask.IdNumber(c.CertificateNumber), PersonalDataMask.Name(c.DecedentName),
            c.Status, c.OpenedAt, CaseTaskAnchor.InPageOrder(byCase[c.Id]).ToList())).ToList();
    }
}
