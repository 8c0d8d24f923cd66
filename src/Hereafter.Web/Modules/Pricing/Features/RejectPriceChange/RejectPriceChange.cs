using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing.Features.RejectPriceChange;

/// <summary>The civil-affairs bureau rejects a proposed price with a reason; the proposal's own warning closes.</summary>
public sealed class RejectPriceChangeHandler(HereafterDbContext db, PriceChangeQueries queries, AuditLog audit, TimeProvider clock)
{
    public async Task<PriceChangeDto> HandleAsync(Actor actor, Guid changeId, DecisionRequest? request, CancellationToken ct)
    {
        if (!PricingAccess.Decides(actor))
            throw ProblemException.Forbidden(new Message("pricing.price-change.reject-forbidden"));
        var reason = PriceChangeDecision.Note(request?.Reason, required: true)!;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var change = await PriceChangeDecision.ClaimAsync(db, clock, changeId, ct);
        var now = clock.GetUtcNow();
        change.Status = PriceChangeStatus.Rejected;
        change.DecidedAt = now;
        change.DecidedBy = actor.Name;
        change.DecisionReason = reason;
        foreach (var w in await db.Set<PriceWarning>().Where(w => w.PriceChangeId == change.Id && w.Status == WarningStatus.Open).ToListAsync(ct))
        {
            w.Status = WarningStatus.Closed;
            w.OpenKey = null;
            w.ClosedAt = now;
            w.ClosedBy = actor.Name;
            w.CloseNote = $"价格调整已驳回：{reason}";
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "price-change.reject", $"price-change:{change.Id}", "price-regulation", reason, ct);
        await tx.CommitAsync(ct);
        return await queries.ReadAsync(change.Id, ct);
    }
}
