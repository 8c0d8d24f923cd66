using System.ComponentModel.DataAnnotations;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.AddCaseTask;

/// <summary><c>organisationId</c> names the chosen funeral home (required for <c>funeral-home</c>).</summary>
public sealed record AddCaseTaskRequest(
    string? Department,
    [property: Required(ErrorMessage = "sharing.case.reason-invalid")]
    [property: FreeText(500, ErrorMessage = "sharing.case.reason-invalid")]
    string? Reason,
    Guid? OrganisationId = null);

/// <summary>
/// Adds a department to a case when the family says so (e.g. the deceased held a driving licence or a
/// disability certificate): civil affairs records it on the family's behalf until the family portal
/// does it directly. The department gets its task and the certificate event like the others did.
/// </summary>
public sealed class AddCaseTaskHandler(HereafterDbContext db, SharingEvents events, ICertificateContent certificates, AuditLog audit, TimeProvider clock)
{
    /// <summary>Departments a case can gain this way. The funeral home is the one the family chose, by organisation.</summary>
    public static readonly Department[] Addable = [Department.TrafficPolice, Department.DisabledPersonsFederation, Department.FuneralHome];

    public async Task<CaseTaskDto> HandleAsync(Actor actor, Guid caseId, AddCaseTaskRequest request, CancellationToken ct)
    {
        if (!SharingAccess.Supervises(actor))
            throw ProblemException.Forbidden(new Message("sharing.case-task.civil-affairs-only"));
        var errors = new FieldErrors();
        if (!EnumCodes<Department>.TryParse(request.Department, out var department) || !Addable.Contains(department))
            errors.Add("department", new Message("sharing.case-task.department-not-addable").With("departments", string.Join(" / ", Addable.Select(d => d.ToCode()))));
        RequestValidation.Check(request, "", errors);
        var reason = request.Reason?.Trim() ?? "";
        Guid? organisationId = null;
        if (department == Department.FuneralHome)
        {
            var chosen = request.OrganisationId is { } id
                ? await db.Set<Platform.Organisations.Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct)
                : null;
            if (chosen is null || chosen.Type != Platform.Organisations.OrganisationType.FuneralHome)
                errors.Add("organisationId", new Message("sharing.case-task.funeral-home-required"));
            organisationId = chosen?.Id;
        }
        errors.ThrowIfAny();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var deathCase = await DeathCaseRows.LockAsync(db, caseId, ct) ?? throw ProblemException.NotFound(new Message("sharing.case.not-found"));
        if (deathCase.Status != CaseStatus.Open) throw ProblemException.Conflict(new Message("sharing.case.cancelled"));
        if (await db.Set<CaseTask>().AnyAsync(t => t.CaseId == caseId && t.Department == department && t.Item == CaseTaskItem.Notification, ct))
            throw ProblemException.Conflict(new Message("sharing.case-task.already-exists").With("department", request.Department));
        var change = await certificates.CurrentAsync(deathCase.CertificateId, ct)
                     ?? throw ProblemException.NotFound(new Message("sharing.case.certificate-missing"));
        var now = clock.GetUtcNow();
        var first = await db.Set<CaseTask>().Where(t => t.CaseId == caseId).OrderBy(t => t.CreatedAt).FirstAsync(ct);
        var task = new CaseTask
        {
            Id = Guid.NewGuid(), CaseId = caseId, Department = department, Status = CaseTaskStatus.Pending,
            OrganisationId = organisationId,
            CreatedAt = now, UpdatedAt = now, AcknowledgeBy = now + (first.AcknowledgeBy - first.CreatedAt), Note = reason,
        };
        db.Add(task);
        events.Add(SharingEventTypes.CertificateIssued, deathCase, task.Department, SharingEvents.CertificateData(change, task.Department), organisationId);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "case.task-added", $"case:{caseId}", "death-case", $"{task.Department.ToCode()}: {reason}", ct);
        await tx.CommitAsync(ct);
        return (await CaseTaskReads.DtosAsync(db, [task], now, ct)).Single();
    }
}
