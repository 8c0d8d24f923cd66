using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Family;

/// <summary>
/// The one decision step of approval and rejection: moves a claim out of pending-review by a conditional update (so a
/// decision is made once), or answers 404 (no such claim) or 409 (not awaiting review). In the caller's transaction.
/// </summary>
public sealed class AdmissionDecisions(HereafterDbContext db, ICaseDecedents decedents, TimeProvider clock)
{
    public async Task<(FamilyAdmission Admission, string DecedentName, DateTimeOffset At)> DecideAsync(
        Actor actor, Guid id, AdmissionStatus outcome, string? reason, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var decidedBy = actor.Name.Length > 64 ? actor.Name[..64] : actor.Name;
        var changed = await db.Set<FamilyAdmission>()
            .Where(a => a.Id == id && a.Status == AdmissionStatus.PendingReview)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, outcome).SetProperty(a => a.DecidedAt, at)
                .SetProperty(a => a.DecidedBy, decidedBy).SetProperty(a => a.Reason, reason), ct);
        var admission = await db.Set<FamilyAdmission>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw ProblemException.NotFound(new Message("family.admission.not-found"));
        if (changed == 0) throw ProblemException.Conflict(new Message("family.admission.not-pending-review"));
        var names = await decedents.NamesAsync([admission.CaseId], ct);
        return (admission, names.TryGetValue(admission.CaseId, out var name) ? name : "", at);
    }
}
