using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.ReadDeathCase;

/// <summary>A death case with its tasks' status histories: civil affairs sees every task, a department only its own.</summary>
public sealed class ReadDeathCaseHandler(HereafterDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<DeathCaseDto> HandleAsync(Actor actor, Guid caseId, CancellationToken ct)
    {
        var department = SharingAccess.DepartmentOf(actor);
        var supervisor = SharingAccess.Supervises(actor);
        if (department is null && !supervisor) throw ProblemException.Forbidden(new Message("sharing.case.organisation-not-involved"));
        var deathCase = await db.Set<DeathCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct)
                        ?? throw ProblemException.NotFound(new Message("sharing.case.not-found"));
        var tasks = await db.Set<CaseTask>().AsNoTracking()
            .Where(t => t.CaseId == caseId && (supervisor || (t.Department == department && (t.OrganisationId == null || t.OrganisationId == actor.OrganisationId))))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Department).ToListAsync(ct);
        if (tasks.Count == 0) throw ProblemException.Forbidden(new Message("sharing.case.department-has-no-task"));
        await audit.RecordAsync(actor, "case.read", $"case:{caseId}", supervisor ? "supervision" : "death-case", "", ct);
        return new DeathCaseDto(deathCase.Id, deathCase.CertificateId, deathCase.CertificateNumber, PersonalDataMask.Name(deathCase.DecedentName), deathCase.Status,
            deathCase.DeathAt, deathCase.OpenedAt, await CaseTaskReads.DtosAsync(db, tasks, clock.GetUtcNow(), ct));
    }
}
