using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.ReviewCertificate;

/// <summary>
/// The civil-affairs supervisor decides on a certificate held as a possible duplicate:
/// <c>issue</c> (a different person: it is issued and signed now) or <c>reject</c> (the same person:
/// it is never issued).
/// </summary>
public sealed class ReviewCertificateHandler(
    HereafterDbContext db, CertificateClaims claims, CertificateVersions versions, CertificateHistory history,
    CertificateChangedEvents events, VerificationLinks links, AuditLog audit, TimeProvider clock)
{
    public async Task<CertificateIssued> HandleAsync(Actor actor, string number, ReviewDecision decision, CancellationToken ct)
    {
        if (!CertificateAccess.CanReview(actor))
            throw ProblemException.Forbidden(new Message("certificates.review.supervisor-only"));
        var reason = ChangeReason.Require(decision.Reason);
        if (!EnumCodes<ReviewOutcome>.TryParse(decision.Decision, out var outcome))
            throw new FieldValidationException("decision", new Message("certificates.review.decision-invalid"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var certificate = await db.Set<Certificate>()
            .Where(c => c.Number == number.Trim().ToUpperInvariant() && c.Status == CertificateStatus.PendingReview)
            .FirstOrDefaultAsync(ct) ?? throw ProblemException.NotFound(new Message("certificates.review.not-pending"));
        await claims.ClaimAsync(certificate, ct);
        string? token = null;
        if (outcome == ReviewOutcome.Issue)
        {
            CertificateIssuance.MarkIssued(certificate, clock.GetUtcNow());
            var version = await db.Set<CertificateVersion>().FirstAsync(v => v.CertificateId == certificate.Id && v.Version == certificate.CurrentVersion, ct);
            await versions.SignAsync(version, ct);
            token = version.Token;
        }
        else
        {
            certificate.Status = CertificateStatus.Rejected;
            certificate.ActiveNumber = null;
        }
        certificate.ReviewNote = reason;
        history.Add(certificate, outcome == ReviewOutcome.Issue ? CertificateActionKind.ReviewIssued : CertificateActionKind.ReviewRejected, actor, reason);
        await db.SaveChangesAsync(ct);
        if (outcome == ReviewOutcome.Issue)
        {
            await events.PublishAsync(CertificateEventTypes.Issued, certificate, null, null, ct);
            await db.SaveChangesAsync(ct);
        }
        await audit.RecordAsync(actor, "certificate.review", $"certificate:{certificate.Number}", "supervision", $"{outcome.ToCode()}: {reason}", ct);
        await tx.CommitAsync(ct);
        return new CertificateIssued(certificate.Number, certificate.CurrentVersion, certificate.Status.ToCode(),
            token is null ? null : links.For(token), [], certificate.Id);
    }
}
