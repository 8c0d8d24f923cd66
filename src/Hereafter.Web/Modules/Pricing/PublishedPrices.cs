using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing;

/// <summary>The published items of a code family with their prices in force (<see cref="IPublishedPrices"/>).</summary>
public sealed class PublishedPrices(HereafterDbContext db) : IPublishedPrices
{
    public async Task<IReadOnlyList<PublishedPrice>> FindAsync(string codePrefix, Guid? institutionId, DateOnly date, CancellationToken ct)
    {
        var query = from i in db.Set<PriceItem>().AsNoTracking()
                    join inst in db.Set<PricingInstitution>() on i.InstitutionId equals inst.Id
                    join o in db.Set<Organisation>() on i.InstitutionId equals o.Id
                    where i.Code.StartsWith(codePrefix)
                    select new { Item = i, inst.Type, inst.Phone, o.Name };
        if (institutionId is { } id) query = query.Where(x => x.Item.InstitutionId == id);
        var items = await query.ToListAsync(ct);
        var ids = items.Select(x => x.Item.Id).ToList();
        var history = (await db.Set<PriceHistoryRow>().AsNoTracking().Where(h => ids.Contains(h.ItemId))
                .Select(h => new { h.ItemId, h.Price, h.EffectiveFrom }).ToListAsync(ct))
            .ToLookup(h => h.ItemId, h => new PriceEntry(h.Price, h.EffectiveFrom));
        return items
            .Select(x => (x.Item, x.Type, x.Phone, x.Name, InForce: PriceRules.InForce(history[x.Item.Id], date)))
            .Where(x => x.InForce is not null)
            .OrderBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.Item.InstitutionId).ThenBy(x => x.Item.SortOrder).ThenBy(x => x.Item.Code, StringComparer.Ordinal)
            .Select(x => new PublishedPrice(x.Item.InstitutionId, x.Name, x.Type, x.Phone, x.Item.Id, x.Item.Code, x.Item.Name, x.Item.Unit,
                x.InForce!.Price, x.InForce.EffectiveFrom))
            .ToList();
    }
}
