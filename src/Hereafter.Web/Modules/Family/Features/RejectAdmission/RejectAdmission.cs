using Hereafter.Domain.Identity;
using Hereafter.Domain.Input;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Features.ApproveAdmission;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Family.Features.RejectAdmission;

public sealed record RejectionRequest(string? Reason);

/// <summary>
/// A civil-affairs clerk refuses a claim's proof with a reason (required; the citizen reads it and may upload new
/// proof). The citizen is told in-app and by SMS. Decided once, like approval.
/// </summary>
public sealed class RejectAdmissionHandler(HereafterDbContext db, AdmissionDecisions decisions, AuditLog audit, FamilyNotifications notifications)
{
    public const int MaxReasonLength = 200;

    public async Task<AdmissionDecided> HandleAsync(Actor actor, Guid id, RejectionRequest request, CancellationToken ct)
    {
        var reason = request.Reason?.Trim() ?? "";
        var problems = FreeText.Check(reason, MaxReasonLength);
        var errors = new FieldErrors();
        if (problems.HasFlag(FreeTextProblems.Missing)) errors.Add("reason", new Message("family.admission.reason-required"));
        if (problems.HasFlag(FreeTextProblems.TooLong)) errors.Add("reason", new Message("family.admission.reason-too-long").With("max", MaxReasonLength));
        if (problems.HasFlag(FreeTextProblems.ForbiddenCharacter)) errors.Add("reason", new Message("family.admission.reason-invalid-character"));
        errors.ThrowIfAny();

        AdmissionDecided decided;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var (admission, decedent, at) = await decisions.DecideAsync(actor, id, AdmissionStatus.Rejected, reason, ct);
            notifications.Add(admission.CitizenSubject, admission.CitizenPhone, admission.CaseId,
                new Message("family.notification.admission-rejected").With("decedent", PersonalDataMask.Name(decedent)).With("reason", reason));
            await audit.RecordAsync(actor, "family.admission.reject", $"admission:{id}", "family-admission-review", reason, ct);
            await tx.CommitAsync(ct);
            decided = new AdmissionDecided(id, admission.CaseId, EnumCodes<AdmissionStatus>.Code(AdmissionStatus.Rejected), at, actor.Name, reason);
        }
        await notifications.SendPendingAsync(ct);
        return decided;
    }
}
