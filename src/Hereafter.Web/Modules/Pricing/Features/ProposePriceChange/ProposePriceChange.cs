using System.Globalization;
using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Domain.Pricing;
using Hereafter.Domain.Input;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing.Features.ProposePriceChange;

/// <summary>
/// Institution staff propose a new price for one of their items from a date on. A government-guided price above
/// its cap is refused (422: it could never be approved); a price outside its reference range needs a written
/// reason (400 without one) and raises a warning the bureau sees with the proposal.
/// </summary>
public sealed class ProposePriceChangeHandler(HereafterDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxReasonLength = 1000;

    public async Task<PriceChangeCreated> HandleAsync(Actor actor, Guid institutionId, ProposePriceChangeRequest request, CancellationToken ct)
    {
        if (!await db.Set<PricingInstitution>().AnyAsync(i => i.Id == institutionId, ct))
            throw ProblemException.NotFound(new Message("pricing.price-list.not-found"));
        if (!PricingAccess.IsStaffOf(actor, institutionId))
            throw ProblemException.Forbidden(new Message("pricing.price-change.staff-only"));

        var today = ChinaTime.Today(clock);
        var errors = new FieldErrors();
        if (request.ItemId is null) errors.Add("itemId", new Message("pricing.item.required"));
        if (request.NewPrice is null) errors.Add("newPrice", new Message("pricing.price-change.new-price-required"));
        DateOnly effectiveFrom = default;
        if (string.IsNullOrWhiteSpace(request.EffectiveFrom)) errors.Add("effectiveFrom", new Message("pricing.price-change.effective-from-required"));
        else if (!PricingTime.TryParseDate(request.EffectiveFrom, out effectiveFrom)) errors.Add("effectiveFrom", new Message("pricing.price-change.effective-from-invalid-format"));
        else if (effectiveFrom < today) errors.Add("effectiveFrom", new Message("pricing.price-change.effective-from-in-past").With("today", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var reason = request.Reason?.Trim();
        var reasonProblems = FreeText.Check(reason, MaxReasonLength, required: false, allowControlCharacters: true);
        if (reasonProblems.HasFlag(FreeTextProblems.TooLong)) errors.Add("reason", new Message("pricing.price-change.reason-too-long").With("max", MaxReasonLength));
        else if (reasonProblems.HasFlag(FreeTextProblems.ForbiddenCharacter)) errors.Add("reason", new Message("pricing.price-change.reason-angle-brackets"));
        PriceItem? item = null;
        if (request.ItemId is { } itemId)
        {
            item = await db.Set<PriceItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.InstitutionId == institutionId, ct);
            if (item is null) errors.Add("itemId", new Message("pricing.price-change.item-not-on-price-list"));
        }
        errors.ThrowIfAny();

        var check = PriceRules.Check(new PricingTerms(item!.PricingMode, item.Cap, item.RangeMin, item.RangeMax), request.NewPrice!.Value, reason);
        switch (check.Verdict)
        {
            case ProposalVerdict.Refused:
                throw new ProblemException(StatusCodes.Status422UnprocessableEntity, "This price can never be approved", check.Explanation!);
            case ProposalVerdict.ReasonRequired:
                throw new FieldValidationException("reason", check.Explanation!);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var history = await db.Set<PriceHistoryRow>().AsNoTracking().Where(h => h.ItemId == item.Id)
            .Select(h => new PriceEntry(h.Price, h.EffectiveFrom)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var change = new PriceChange
        {
            Id = Guid.NewGuid(), InstitutionId = institutionId, ItemId = item.Id,
            OldPrice = PriceRules.InForce(history, effectiveFrom)?.Price, NewPrice = request.NewPrice.Value, EffectiveFrom = effectiveFrom,
            Reason = string.IsNullOrEmpty(reason) ? null : reason, OutsideReferenceRange = check.OutsideReferenceRange,
            Status = PriceChangeStatus.Proposed, ProposedAt = now, ProposedBy = actor.Name,
        };
        db.Add(change);
        var warningIds = new List<Guid>();
        if (check.OutsideReferenceRange)
        {
            var below = item.RangeMin is { } min && change.NewPrice < min;
            var warning = new PriceWarning
            {
                Id = Guid.NewGuid(), InstitutionId = institutionId, ItemId = item.Id, Rule = WarningRule.OutsideReferenceRange,
                Evidence = $"{item.Name}拟定价格 {change.NewPrice:0.00} 元{(below ? "低于参考区间下限" : "高于参考区间上限")} {(below ? item.RangeMin : item.RangeMax):0.00} 元（{effectiveFrom:yyyy-MM-dd} 起）。理由：{reason}",
                Observed = change.NewPrice, Threshold = (below ? item.RangeMin : item.RangeMax) ?? 0m, PriceAtWarning = change.NewPrice,
                PriceChangeId = change.Id, Status = WarningStatus.Open,
                OpenKey = PlotWarningScanner.OpenKey(item.Id, WarningRule.OutsideReferenceRange, change.Id), RaisedAt = now,
            };
            if (warning.Evidence.Length > 500) warning.Evidence = warning.Evidence[..500];
            db.Add(warning);
            warningIds.Add(warning.Id);
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "price-change.propose", $"price-change:{change.Id}", "price-regulation",
            $"{item.Name}: {change.OldPrice?.ToString("0.00") ?? "—"} → {change.NewPrice:0.00} from {effectiveFrom:yyyy-MM-dd}{(check.OutsideReferenceRange ? " (outside reference range)" : "")}", ct);
        await tx.CommitAsync(ct);
        return new PriceChangeCreated(change.Id, change.Status, check.OutsideReferenceRange, warningIds);
    }
}
