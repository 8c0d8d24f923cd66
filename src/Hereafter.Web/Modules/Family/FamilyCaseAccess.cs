using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Family;

/// <summary>
/// Which cases a citizen may see: only those they are admitted to. Any other case, existing or not, answers 404
/// (never 403), so a citizen cannot learn that a case exists.
/// </summary>
public sealed class FamilyCaseAccess(HereafterDbContext db)
{
    /// <summary>The citizen's admission to the case; 404 unless admitted.</summary>
    public async Task<FamilyAdmission> RequireAdmittedAsync(Citizen citizen, Guid caseId, CancellationToken ct) =>
        await db.Set<FamilyAdmission>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.CaseId == caseId && a.CitizenSubject == citizen.Subject && a.Status == AdmissionStatus.Admitted, ct)
        ?? throw ProblemException.NotFound(new Message("family.case.not-found"));

    /// <summary>The citizen's admission to the case in any status; 404 when they never claimed it.</summary>
    public async Task<FamilyAdmission> RequireClaimedAsync(Citizen citizen, Guid caseId, CancellationToken ct) =>
        await db.Set<FamilyAdmission>()
            .FirstOrDefaultAsync(a => a.CaseId == caseId && a.CitizenSubject == citizen.Subject, ct)
        ?? throw ProblemException.NotFound(new Message("family.case.not-found"));
}
