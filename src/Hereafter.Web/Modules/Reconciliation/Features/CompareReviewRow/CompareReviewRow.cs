using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Reconciliation.Features.CompareReviewRow;

/// <summary>A review row beside the death it may be: the roll's name and ID number against the certificate's.</summary>
public sealed record ReviewComparison(ReviewDto Row, bool Revealed, ComparedField Name, ComparedField IdNumber);

/// <summary>
/// One review row for its decision. The clerk deciding a pending row sees the characters that differ between the
/// two records (the mask would hide exactly them); the reveal is audited like every read of personal data. Anyone
/// else, and a row already decided, gets the masked values.
/// </summary>
public sealed class CompareReviewRowHandler(RollAccess rolls, ReviewQueue queue, AuditLog audit)
{
    public async Task<ReviewComparison> HandleAsync(Actor actor, Guid id, long row, CancellationToken ct)
    {
        var job = await rolls.RequireCompletedAsync(actor, id, ct);
        var review = await queue.RequireAsync(job, row, ct);
        var reveal = actor.IsInRole(Roles.Clerk) && review.Decision == ReviewDecision.Pending;
        var comparison = new ReviewComparison(RollDtos.Review(review), reveal,
            DifferingCharacters.Compare(review.Name, review.CandidateName, PersonalDataMask.Name, reveal),
            DifferingCharacters.Compare(review.IdNumber, review.CandidateIdNumber, PersonalDataMask.IdNumber, reveal));
        if (reveal)
            await audit.RecordAsync(actor, "reconciliation.review-compare", $"reconciliation:{id}", "benefit-reconciliation",
                $"row {row}: differing characters of name and ID number shown for the decision", ct);
        return comparison;
    }
}
