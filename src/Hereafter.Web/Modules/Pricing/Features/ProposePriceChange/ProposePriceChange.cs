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
            throw ProblemException.NotFound("No institution publishes a price list under this id.");
        if (!PricingAccess.IsStaffOf(actor, institutionId))
            throw ProblemException.Forbidden("Only the institution's own staff propose its prices.");

        var today = ChinaTime.Today(clock);
        var errors = new Dictionary<string, string[]>();
        if (request.ItemId is null) errors["itemId"] = ["请选择项目。"];
        if (request.NewPrice is null) errors["newPrice"] = ["请填写新价格。"];
        DateOnly effectiveFrom = default;
        if (string.IsNullOrWhiteSpace(request.EffectiveFrom)) errors["effectiveFrom"] = ["请填写生效日期。"];
        else if (!PricingTime.TryParseDate(request.EffectiveFrom, out effectiveFrom)) errors["effectiveFrom"] = ["生效日期格式应为 yyyy-MM-dd。"];
        else if (effectiveFrom < today) errors["effectiveFrom"] = [$"生效日期不能早于今天（{today:yyyy-MM-dd}）。"];
        var reason = request.Reason?.Trim();
        var reasonProblems = FreeText.Check(reason, MaxReasonLength, required: false, allowControlCharacters: true);
        if (reasonProblems.HasFlag(FreeTextProblems.TooLong)) errors["reason"] = [$"理由不超过 {MaxReasonLength} 字。"];
        else if (reasonProblems.HasFlag(FreeTextProblems.ForbiddenCharacter)) errors["reason"] = ["理由不能包含尖括号。"];
        PriceItem? item = null;
        if (request.ItemId is { } itemId)
        {
            item = await db.Set<PriceItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.InstitutionId == institutionId, ct);
            if (item is null) errors["itemId"] = ["该项目不在本机构的价目表中。"];
        }
        if (errors.Count > 0) throw new FieldValidationException(errors);

        var check = PriceRules.Check(new PricingTerms(item!.PricingMode, item.Cap, item.RangeMin, item.RangeMax), request.NewPrice!.Value, reason);
        switch (check.Verdict)
        {
            case ProposalVerdict.Refused:
                throw new ProblemException(StatusCodes.Status422UnprocessableEntity, "This price can never be approved", check.Message);
            case ProposalVerdict.ReasonRequired:
                throw new FieldValidationException(new Dictionary<string, string[]> { ["reason"] = [check.Message!] });
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
                Id = Guid.NewGuid(), InstitutionId = institutionId, ItemId = item.Id, Rule = WarningRules.OutsideReferenceRange,
                Evidence = $"{item.Name}拟定价格 {change.NewPrice:0.00} 元{(below ? "低于参考区间下限" : "高于参考区间上限")} {(below ? item.RangeMin : item.RangeMax):0.00} 元（{effectiveFrom:yyyy-MM-dd} 起）。理由：{reason}",
                Observed = change.NewPrice, Threshold = (below ? item.RangeMin : item.RangeMax) ?? 0m, PriceAtWarning = change.NewPrice,
                PriceChangeId = change.Id, Status = WarningStatus.Open,
                OpenKey = PlotWarningScanner.OpenKey(item.Id, WarningRules.OutsideReferenceRange, change.Id), RaisedAt = now,
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
