using System.Security.Cryptography;
using Hereafter.Domain.Family;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Family.Features.UploadProof;

public sealed record ProofUploaded(Guid CaseId, string Admission, string ContentType, long Size, DateTimeOffset UploadedAt);

/// <summary>
/// A citizen uploads proof of relationship for their own claim that waits for proof or was rejected; the claim then
/// waits for a civil-affairs clerk. The file is judged by its bytes (<see cref="ProofFile"/>): at most 5 MB, PDF, JPEG or
/// PNG, its declared type and extension agreeing, never an executable. Another citizen's case, or one never claimed,
/// is 404; an admitted claim or one already under review is 409.
/// </summary>
public sealed class UploadProofHandler(HereafterDbContext db, FamilyCaseAccess access, AuditLog audit, TimeProvider clock)
{
    public const int Status422 = StatusCodes.Status422UnprocessableEntity;

    public async Task<ProofUploaded> HandleAsync(Citizen citizen, Guid caseId, IFormFile? file, CancellationToken ct)
    {
        var admission = await access.RequireClaimedAsync(citizen, caseId, ct);
        if (admission.Status == AdmissionStatus.Admitted) throw ProblemException.Conflict(new Message("family.proof.already-admitted"));
        if (admission.Status == AdmissionStatus.PendingReview) throw ProblemException.Conflict(new Message("family.proof.under-review"));
        if (file is null) throw new FieldValidationException("file", new Message("family.proof.file-required"));
        if (file.Length > ProofFile.MaxBytes) throw Refusal(ProofFileProblem.TooLarge);

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, ct);
        var check = ProofFile.Check(content.AsSpan(0, Math.Min(content.Length, ProofFile.HeaderLength)), content.LongLength, file.ContentType, file.FileName);
        if (!check.Accepted)
        {
            await audit.RecordAsync(citizen.ToActor(), "family.proof.refused", $"admission:{admission.Id}", "family-admission",
                EnumCodes<ProofFileProblem>.Code(check.Problem), ct);
            throw Refusal(check.Problem);
        }

        var now = clock.GetUtcNow();
        var proof = new FamilyProof
        {
            Id = Guid.NewGuid(), AdmissionId = admission.Id, ContentType = check.ContentType!, Size = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content, UploadedAt = now,
        };
        db.Add(proof);
        admission.Status = AdmissionStatus.PendingReview;
        // Saved with the audit entry, in one transaction.
        await audit.RecordAsync(citizen.ToActor(), "family.proof.upload", $"admission:{admission.Id}", "family-admission",
            $"proof {proof.Id}; {proof.ContentType}; {proof.Size} bytes; sha256 {proof.Sha256}", ct);
        return new ProofUploaded(caseId, EnumCodes<AdmissionStatus>.Code(admission.Status), proof.ContentType, proof.Size, now);
    }

    /// <summary>413 for a file over the limit, 422 with its own message for every other refusal.</summary>
    public static ProblemException Refusal(ProofFileProblem problem) => problem switch
    {
        ProofFileProblem.TooLarge => new ProblemException(StatusCodes.Status413PayloadTooLarge, "Payload too large", new Message("family.proof.too-large")),
        ProofFileProblem.Empty => new ProblemException(Status422, "Proof refused", new Message("family.proof.empty")),
        ProofFileProblem.Executable => new ProblemException(Status422, "Proof refused", new Message("family.proof.executable")),
        ProofFileProblem.DeclaredTypeMismatch => new ProblemException(Status422, "Proof refused", new Message("family.proof.type-mismatch")),
        _ => new ProblemException(Status422, "Proof refused", new Message("family.proof.unsupported-type")),
    };
}
