using Hereafter.Domain.Messages;
using Hereafter.Domain.Pricing;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing;

/// <summary>
/// Reads of price changes with the item's terms and the price in force: the bureau's review, an institution's own
/// proposals, and the answer to a decision.
/// </summary>
public sealed class PriceChangeQueries(HereafterDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Price changes newest first: the bureau sees all (optionally one status or institution); an institution's
    /// staff see their own. Others are refused.
    /// </summary>
    public async Task<IReadOnlyList<PriceChangeDto>> ListAsync(Actor actor, string? status, Guid? institutionId, int take, CancellationToken ct)
    {
        var supervisor = await PricingAccess.RequireSupervisorOrInstitutionAsync(db, actor, new Message("pricing.price-changes.forbidden"), ct);
        var query = db.Set<PriceChange>().AsNoTracking();
        if (!supervisor) query = query.Where(c => c.InstitutionId == actor.OrganisationId);
        if (institutionId is { } id) query = query.Where(c => c.InstitutionId == id);
        if (!string.IsNullOrWhiteSpace(status))
        {
            // An unknown status matches no change.
            query = EnumCodes<PriceChangeStatus>.TryParse(status, out var wanted) ? query.Where(c => c.Status == wanted) : query.Where(c => false);
        }
        var ids = await query.OrderByDescending(c => c.ProposedAt).Take(Math.Clamp(take, 1, 500)).Select(c => c.Id).ToListAsync(ct);
        return await ReadManyAsync(ids, ct);
    }

    /// <summary>One change: the bureau or the institution's staff.</summary>
    public async Task<PriceChangeDto> GetAsync(Actor actor, Guid changeId, CancellationToken ct)
    {
        var dto = (await ReadManyAsync([changeId], ct)).FirstOrDefault() ?? throw ProblemException.NotFound(new Message("pricing.price-change.not-found"));
        if (!PricingAccess.Supervises(actor) && !PricingAccess.IsStaffOf(actor, dto.InstitutionId))
            throw ProblemException.Forbidden(new Message("pricing.price-change.other-institution"));
        return dto;
    }

    /// <summary>One change as it stands now, without an access check (the caller has just decided it).</summary>
    public async Task<PriceChangeDto> ReadAsync(Guid id, CancellationToken ct) => (await ReadManyAsync([id], ct)).Single();

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
}
