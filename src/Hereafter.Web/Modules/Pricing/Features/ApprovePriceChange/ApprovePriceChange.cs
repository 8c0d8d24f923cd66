using Hereafter.Domain.Time;
using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing.Features.DecidePriceChange;

/// <summary>
/// The civil-affairs bureau approves or rejects a proposed price. Approval writes the price into the item's
/// history from the proposed date (or today, if that date has passed while the proposal waited), re-checks the
/// cap, and scans the plots for warnings; rejection needs a reason and closes the proposal's own warning.
/// </summary>
public sealed class DecidePriceChangeHandler(HereafterDbContext db, PlotWarningScanner scanner, AuditLog audit, TimeProvider clock)
{
    public async Task<PriceChangeDto> ApproveAsync(Actor actor, Guid changeId, DecisionRequest? request, CancellationToken ct)
    {
        if (!PricingAccess.Decides(actor))
            throw ProblemException.Forbidden("Only the civil-affairs bureau's supervisors approve price changes.");
        var note = ValidNote(request?.Reason, required: false);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var change = await ClaimAsync(changeId, ct);
        var item = await db.Set<PriceItem>().AsNoTracking().FirstAsync(i => i.Id == change.ItemId, ct);
        var check = PriceRules.Check(new PricingTerms(item.PricingMode, item.Cap, item.RangeMin, item.RangeMax), change.NewPrice, change.Reason);
        if (check.Verdict is ProposalVerdict.Refused or ProposalVerdict.ReasonRequired)
            throw new ProblemException(StatusCodes.Status422UnprocessableEntity, "This price can never be approved", check.Message);

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
        return await ReadAsync(change.Id, ct);
    }

    public async Task<PriceChangeDto> RejectAsync(Actor actor, Guid changeId, DecisionRequest? request, CancellationToken ct)
    {
        if (!PricingAccess.Decides(actor))
            throw ProblemException.Forbidden("Only the civil-affairs bureau's supervisors reject price changes.");
        var reason = ValidNote(request?.Reason, required: true)!;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var change = await ClaimAsync(changeId, ct);
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
        return await ReadAsync(change.Id, ct);
    }

    /// <summary>
    /// Price changes newest first: the bureau sees all (optionally one status or institution); an institution's
    /// staff see their own. Others are refused.
    /// </summary>
    public async Task<IReadOnlyList<PriceChangeDto>> ListAsync(Actor actor, string? status, Guid? institutionId, int take, CancellationToken ct)
    {
        var supervisor = PricingAccess.Supervises(actor);
        if (!supervisor && !await db.Set<PricingInstitution>().AnyAsync(i => i.Id == actor.OrganisationId, ct))
            throw ProblemException.Forbidden("Only the bureau and institutions that publish prices see price changes.");
        var query = db.Set<PriceChange>().AsNoTracking();
        if (!supervisor) query = query.Where(c => c.InstitutionId == actor.OrganisationId);
        if (institutionId is { } id) query = query.Where(c => c.InstitutionId == id);
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = PriceChangeStatus.FromCode(status);
            query = query.Where(c => c.Status == wanted);
        }
        var ids = await query.OrderByDescending(c => c.ProposedAt).Take(Math.Clamp(take, 1, 500)).Select(c => c.Id).ToListAsync(ct);
        return await ReadManyAsync(ids, ct);
    }

    /// <summary>One change: the bureau or the institution's staff.</summary>
    public async Task<PriceChangeDto> GetAsync(Actor actor, Guid changeId, CancellationToken ct)
    {
        var dto = (await ReadManyAsync([changeId], ct)).FirstOrDefault() ?? throw ProblemException.NotFound("No such price change.");
        if (!PricingAccess.Supervises(actor) && !PricingAccess.IsStaffOf(actor, dto.InstitutionId))
            throw ProblemException.Forbidden("This price change belongs to another institution.");
        return dto;
    }

    /// <summary>
    /// Takes the proposal for this decision: a conditional update that only a still-proposed change passes. On
    /// PostgreSQL a second node deciding at the same moment waits for the row and then finds it decided (409).
    /// </summary>
    private async Task<PriceChange> ClaimAsync(Guid changeId, CancellationToken ct)
    {
        var claimed = await db.Set<PriceChange>().Where(c => c.Id == changeId && c.Status == PriceChangeStatus.Proposed)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DecidedAt, clock.GetUtcNow()), ct);
        var change = await db.Set<PriceChange>().FirstOrDefaultAsync(c => c.Id == changeId, ct) ?? throw ProblemException.NotFound("No such price change.");
        if (claimed == 0) throw ProblemException.Conflict($"This price change is already {change.Status}.");
        return change;
    }

    private async Task<PriceChangeDto> ReadAsync(Guid id, CancellationToken ct) => (await ReadManyAsync([id], ct)).Single();

    private async Task<IReadOnlyList<PriceChangeDto>> ReadManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = await (from c in db.Set<PriceChange>().AsNoTracking()
                          join i in db.Set<PriceItem>() on c.ItemId equals i.Id
                          join o in db.Set<Organisation>() on c.InstitutionId equals o.Id
                          where ids.Contains(c.Id)
                          select new { c, i, o.Name }).ToListAsync(ct);
        var itemIds = rows.Select(r => r.i.Id).Distinct().ToList();
        var history = (await db.Set<PriceHistoryRow>().AsNoTracking().Where(h => itemIds.Contains(h.ItemId)).ToListAsync(ct))
            .ToLookup(h => h.ItemId, h => new PriceEntry(h.Price, h.EffectiveFrom));
        var today = ChinaTime.Today(clock);
        var order = ids.Select((id, n) => (id, n)).ToDictionary(x => x.id, x => x.n);
        return rows.OrderBy(r => order[r.c.Id]).Select(r => new PriceChangeDto(
                r.c.Id, r.c.InstitutionId, r.Name, r.i.Id, r.i.Name, r.i.Category, r.i.Unit,
                PriceRules.InForce(history[r.i.Id], today)?.Price, r.c.NewPrice, r.c.EffectiveFrom, r.c.Reason, r.c.Status, r.c.OutsideReferenceRange,
                r.i.PricingMode, r.i.Cap, r.i.RangeMin, r.i.RangeMax, r.c.ProposedAt, r.c.ProposedBy, r.c.DecidedAt, r.c.DecidedBy, r.c.DecisionReason))
            .ToList();
    }

    private static string? ValidNote(string? text, bool required)
    {
        var note = text?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            if (required) throw new FieldValidationException(new Dictionary<string, string[]> { ["reason"] = ["请填写驳回理由。"] });
            return null;
        }
        if (note.Length > 1000 || note.Contains('<') || note.Contains('>'))
            throw new FieldValidationException(new Dictionary<string, string[]> { ["reason"] = ["理由不超过 1000 字，且不能包含尖括号。"] });
        return note;
    }
}
