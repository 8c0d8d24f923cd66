using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing.Features.ApprovePriceChange;

/// <summary>
/// The civil-affairs bureau approves a proposed price: it enters the item's history from the proposed date (or
/// today, if that date has passed while the proposal waited), after the cap is checked again, and the plots are
/// scanned for warnings.
/// </summary>
public sealed class ApprovePriceChangeHandler(HereafterDbContext db, PlotWarningScanner scanner, PriceChangeQueries queries, AuditLog audit, TimeProvider clock)
{
    public async Task<PriceChangeDto> HandleAsync(Actor actor, Guid changeId, DecisionRequest? request, CancellationToken ct)
    {
        if (!PricingAccess.Decides(actor))
            throw ProblemException.Forbidden(new Message("pricing.price-change.approve-forbidden"));
        var note = PriceChangeDecision.Note(request?.Reason, required: false);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var change = await PriceChangeDecision.ClaimAsync(db, clock, changeId, ct);
        var item = await db.Set<PriceItem>().AsNoTracking().FirstAsync(i => i.Id == change.ItemId, ct);
        var check = PriceRules.Check(new PricingTerms(item.PricingMode, item.Cap, item.RangeMin, item.RangeMax), change.NewPrice, change.Reason);
        if (check.Verdict is ProposalVerdict.Refused or ProposalVerdict.ReasonRequired)
            throw new ProblemException(StatusCodes.Status422UnprocessableEntity, "This price can never be approved", check.Explanation!);

        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var effective = change.EffectiveFrom < today ? today : change.EffectiveFrom;
        var row = await db.Set<PriceHistoryRow>().FirstOrDefaultAsync(h => h.ItemId == item.Id && h.EffectiveFrom == effective, ct);
        if (row is null)
            db.Add(new PriceHistoryRow { ItemId = item.Id, Price = change.NewPrice, EffectiveFrom = effective, PriceChangeId = change.Id, RecordedAt = now });
        else
        {
            // A second approval for the same day replaces the first; both proposals stay on record.
            row.Price = change.NewPrice;
            row.PriceChangeId = change.Id;
            row.RecordedAt = now;
        }
        change.EffectiveFrom = effective;
        change.Status = PriceChangeStatus.Approved;
        change.DecidedAt = now;
        change.DecidedBy = actor.Name;
        change.DecisionReason = note;
        var institution = await db.Set<PricingInstitution>().FirstAsync(i => i.Id == change.InstitutionId, ct);
        institution.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        var raised = await scanner.ScanAsync(ct);
        await audit.RecordAsync(actor, "price-change.approve", $"price-change:{change.Id}", "price-regulation",
            $"{item.Name}: {change.NewPrice:0.00} from {effective:yyyy-MM-dd}; {raised.Count} plot warnings raised", ct);
        await tx.CommitAsync(ct);
        return await queries.ReadAsync(change.Id, ct);
    }
}
