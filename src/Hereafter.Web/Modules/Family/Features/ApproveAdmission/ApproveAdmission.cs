using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Family.Features.ApproveAdmission;

/// <param name="Status">The admission's status after the decision.</param>
public sealed record AdmissionDecided(Guid Id, Guid CaseId, string Status, DateTimeOffset DecidedAt, string DecidedBy, string? Reason);

/// <summary>
/// A civil-affairs clerk accepts a claim's proof of relationship: the citizen is admitted to the case and told (in-app
/// and by SMS). Only a claim awaiting review can be decided, once: of two clerks deciding at the same moment one gets 409.
/// </summary>
public sealed class ApproveAdmissionHandler(HereafterDbContext db, AdmissionDecisions decisions, AuditLog audit, FamilyNotifications notifications)
{
    public async Task<AdmissionDecided> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        AdmissionDecided decided;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var (admission, decedent, at) = await decisions.DecideAsync(actor, id, AdmissionStatus.Admitted, null, ct);
            notifications.Add(admission.CitizenSubject, admission.CitizenPhone, admission.CaseId,
                new Message("family.notification.admission-approved").With("decedent", PersonalDataMask.Name(decedent)));
            await audit.RecordAsync(actor, "family.admission.approve", $"admission:{id}", "family-admission-review", $"case {admission.CaseId}", ct);
            await tx.CommitAsync(ct);
            decided = new AdmissionDecided(id, admission.CaseId, EnumCodes<AdmissionStatus>.Code(AdmissionStatus.Admitted), at, actor.Name, null);
        }
        await notifications.SendPendingAsync(ct);
        return decided;
    }
}
