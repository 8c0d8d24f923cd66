using System.Security.Cryptography;
using System.Text;
using Hereafter.Domain.Family;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.RateLimits;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Family.Features.ClaimCase;

/// <param name="CertificateNumber">The death certificate's number: the deceased's citizen ID number.</param>
/// <param name="Relationship">A <see cref="Contracts.Relationship"/> code: spouse, child, parent, sibling, grandchild, grandparent, other.</param>
public sealed record ClaimCaseRequest(string? CertificateNumber, string? DecedentName, string? Relationship);

/// <param name="Admission"><c>admitted</c>, <c>pending-proof</c>, <c>pending-review</c> or <c>rejected</c>.</param>
public sealed record ClaimCaseResponse(Guid CaseId, string Admission)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Admitted => Admission == EnumCodes<AdmissionStatus>.Code(AdmissionStatus.Admitted);
}

/// <summary>
/// A citizen claims a death case by the certificate number and the deceased's name. Admitted at once when their
/// verified name and phone are the certificate's family contact (informant); otherwise the claim waits for proof of
/// relationship. A wrong number and a wrong name answer the same 404, claims are rate-limited per citizen, and every
/// claim, found or not, is audited (by the number's hash when nothing was found). A repeated claim returns the
/// admission already made (one per citizen and case, by a unique index).
/// </summary>
public sealed class ClaimCaseHandler(
    HereafterDbContext db, ICertificateFamilyContacts certificates, IDeathCaseDirectory cases, CallerRateLimits limits,
    AuditLog audit, TimeProvider clock)
{
    public const int MaxNumberLength = 40;
    public const int MaxNameLength = 50;

    public async Task<ClaimCaseResponse> HandleAsync(Citizen citizen, ClaimCaseRequest request, CancellationToken ct)
    {
        var number = request.CertificateNumber?.Trim() ?? "";
        var name = request.DecedentName?.Trim() ?? "";
        var relationship = Validate(number, name, request.Relationship);
        if (limits.FamilyClaim(citizen.Subject) is { } retryAfter)
            throw ProblemException.TooManyRequests(new Message("family.claim.too-many").With("seconds", Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))), retryAfter);

        var contact = await certificates.FindActiveAsync(number, name, ct);
        var found = contact is null ? null : await cases.FindByCertificateNumberAsync(contact.Number, ct);
        if (contact is null || found is null || found.CertificateId != contact.CertificateId || found.Status != CaseStatus.Open)
        {
            await audit.RecordAsync(citizen.ToActor(), "family.case.claim", $"certificate-number-hash:{Hash(number)}", "family-admission", "not-found", ct);
            throw ProblemException.NotFound(new Message("family.claim.not-found"));
        }

        if (await ExistingAsync(citizen, found.CaseId, ct) is { } existing) return Answer(existing);
        var status = FamilyContactMatch.Matches(citizen.Name, citizen.Phone, contact.InformantName, contact.InformantPhone)
            ? AdmissionStatus.Admitted
            : AdmissionStatus.PendingProof;
        var now = clock.GetUtcNow();
        var admission = new FamilyAdmission
        {
            Id = Guid.NewGuid(), CaseId = found.CaseId, CitizenSubject = citizen.Subject, CitizenName = citizen.Name,
            CitizenIdNumber = citizen.IdNumber, CitizenPhone = citizen.Phone, Relationship = relationship, Status = status, CreatedAt = now,
            DecidedAt = status == AdmissionStatus.Admitted ? now : null,
            DecidedBy = status == AdmissionStatus.Admitted ? "family contact" : null,
        };
        db.Add(admission);
        try
        {
            // The audit entry saves the admission with it, in one transaction.
            await audit.RecordAsync(citizen.ToActor(), "family.case.claim", $"case:{found.CaseId}", "family-admission",
                $"{EnumCodes<AdmissionStatus>.Code(status)}; relationship {EnumCodes<Relationship>.Code(relationship)}", ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // The same citizen claimed the same case at the same moment: the other claim's admission stands.
            db.ChangeTracker.Clear();
            return Answer(await ExistingAsync(citizen, found.CaseId, ct) ?? throw new InvalidOperationException("Admission vanished.", e));
        }
        return Answer(admission);
    }

    private static Relationship Validate(string number, string name, string? relationshipCode)
    {
        var errors = new FieldErrors();
        if (number.Length == 0) errors.Add("certificateNumber", new Message("family.claim.certificate-number-required"));
        else if (number.Length > MaxNumberLength) errors.Add("certificateNumber", new Message("family.claim.certificate-number-too-long").With("max", MaxNumberLength));
        if (name.Length == 0) errors.Add("decedentName", new Message("family.claim.decedent-name-required"));
        else if (name.Length > MaxNameLength) errors.Add("decedentName", new Message("family.claim.decedent-name-too-long").With("max", MaxNameLength));
        if (!EnumCodes<Relationship>.TryParse(relationshipCode?.Trim(), out var relationship))
            errors.Add("relationship", new Message("family.claim.relationship-required"));
        errors.ThrowIfAny();
        return relationship;
    }

    private Task<FamilyAdmission?> ExistingAsync(Citizen citizen, Guid caseId, CancellationToken ct) =>
        db.Set<FamilyAdmission>().AsNoTracking().FirstOrDefaultAsync(a => a.CaseId == caseId && a.CitizenSubject == citizen.Subject, ct);

    private static ClaimCaseResponse Answer(FamilyAdmission admission) => new(admission.CaseId, EnumCodes<AdmissionStatus>.Code(admission.Status));

    /// <summary>What the audit keeps of a number that found nothing: its hash, so the log is no list of ID numbers.</summary>
    private static string Hash(string number) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Hereafter.Domain.Identity.IdNumber.Normalize(number).ToUpperInvariant())));
}
