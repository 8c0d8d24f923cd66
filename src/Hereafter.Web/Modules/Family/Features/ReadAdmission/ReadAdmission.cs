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

namespace Hereafter.Web.Modules.Family.Features.ReadAdmission;

/// <summary>The latest proof's facts (its bytes are served apart, by <see cref="ReadProofHandler"/>).</summary>
public sealed record ProofFacts(string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);

/// <summary>One claim as the reviewing clerk sees it: the full names (to compare with the proof), the applicant's ID masked.</summary>
public sealed record AdmissionDetail(
    Guid Id, Guid CaseId, string ApplicantName, string ApplicantIdMasked, string ApplicantPhone, string Relationship,
    string DecedentName, string Status, DateTimeOffset ClaimedAt, DateTimeOffset? DecidedAt, string? DecidedBy, string? Reason,
    ProofFacts? Proof);

/// <summary>A clerk opens one family admission. Audited: it shows the applicant's data.</summary>
public sealed class ReadAdmissionHandler(HereafterDbContext db, ICaseDecedents decedents, AuditLog audit)
{
    public async Task<AdmissionDetail> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var a = await db.Set<FamilyAdmission>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw ProblemException.NotFound(new Message("family.admission.not-found"));
        var proof = (await db.Set<FamilyProof>().AsNoTracking().Where(p => p.AdmissionId == id)
                .Select(p => new ProofFacts(p.ContentType, p.Size, p.Sha256, p.UploadedAt)).ToListAsync(ct))
            .MaxBy(p => p.UploadedAt);
        var names = await decedents.NamesAsync([a.CaseId], ct);
        await audit.RecordAsync(actor, "family.admission.read", $"admission:{id}", "family-admission-review", "", ct);
        return new AdmissionDetail(a.Id, a.CaseId, a.CitizenName, PersonalDataMask.IdNumber(a.CitizenIdNumber), a.CitizenPhone,
            EnumCodes<Relationship>.Code(a.Relationship), names.TryGetValue(a.CaseId, out var name) ? name : "",
            EnumCodes<AdmissionStatus>.Code(a.Status), a.CreatedAt, a.DecidedAt, a.DecidedBy, a.Reason, proof);
    }
}

/// <summary>The bytes of a claim's latest proof for the reviewing clerk. Audited.</summary>
public sealed class ReadProofHandler(HereafterDbContext db, AuditLog audit)
{
    public sealed record ProofFile(string ContentType, byte[] Content);

    public async Task<ProofFile> HandleAsync(Actor actor, Guid admissionId, CancellationToken ct)
    {
        var proofs = await db.Set<FamilyProof>().AsNoTracking().Where(p => p.AdmissionId == admissionId)
            .Select(p => new { p.Id, p.UploadedAt }).ToListAsync(ct);
        var latest = proofs.MaxBy(p => p.UploadedAt) ?? throw ProblemException.NotFound(new Message("family.admission.not-found"));
        var proof = await db.Set<FamilyProof>().AsNoTracking().Where(p => p.Id == latest.Id)
            .Select(p => new ProofFile(p.ContentType, p.Content)).FirstAsync(ct);
        await audit.RecordAsync(actor, "family.proof.read", $"admission:{admissionId}", "family-admission-review", $"proof {latest.Id}", ct);
        return proof;
    }
}
