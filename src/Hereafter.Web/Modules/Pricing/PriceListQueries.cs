using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing;

/// <summary>
/// Public reads of the price lists (no sign-in): the directory, one institution's standardized list, an item's
/// history, the comparison of one item across institutions and the calculator. Pages call it directly.
/// </summary>
public sealed class PriceListQueries(HereafterDbContext db, TimeProvider clock)
{
    public const string ComplaintPhone = "12358";

    /// <summary>Institutions by district and type (either may be null for all), by type then name.</summary>
    public async Task<IReadOnlyList<InstitutionSummary>> ListInstitutionsAsync(string? district, string? type, CancellationToken ct)
    {
        var query = from i in db.Set<PricingInstitution>().AsNoTracking()
                    join o in db.Set<Organisation>() on i.Id equals o.Id
                    select new { i, o.Name, o.District };
        if (!string.IsNullOrWhiteSpace(district)) query = query.Where(x => x.District == district);
        // An unknown type matches no institution.
        if (!string.IsNullOrWhiteSpace(type))
            query = EnumCodes<InstitutionType>.TryParse(type, out var wanted) ? query.Where(x => x.i.Type == wanted) : query.Where(x => false);
        var rows = await query.ToListAsync(ct);
        return rows.OrderBy(x => x.i.Type).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => new InstitutionSummary(x.i.Id, x.Name, x.i.Type, x.District, x.i.UpdatedAt, x.i.CemeteryKind, x.i.Address, x.i.Phone))
            .ToList();
    }

    /// <summary>Districts that have at least one institution, for the directory filter.</summary>
    public async Task<IReadOnlyList<string>> ListDistrictsAsync(CancellationToken ct) =>
        (await (from i in db.Set<PricingInstitution>().AsNoTracking()
                join o in db.Set<Organisation>() on i.Id equals o.Id
                select o.District).Distinct().ToListAsync(ct)).OrderBy(d => d, StringComparer.Ordinal).ToList();

    /// <summary>One institution's standardized price list as in force on <paramref name="asOf"/> (today by default); null if unknown.</summary>
    public async Task<PriceListDto?> GetPriceListAsync(Guid institutionId, DateOnly? asOf, CancellationToken ct)
    {
        var head = await (from i in db.Set<PricingInstitution>().AsNoTracking()
                          join o in db.Set<Organisation>() on i.Id equals o.Id
                          where i.Id == institutionId
                          select new { i, o.Name, o.District }).FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var date = asOf ?? ChinaTime.Today(clock);
        var items = await db.Set<PriceItem>().AsNoTracking().Where(x => x.InstitutionId == institutionId).ToListAsync(ct);
        var lines = await PriceLinesAsync(items, date, ct);
        return new PriceListDto(head.i.Id, head.Name, head.i.Type, head.District, head.i.CemeteryKind, head.i.Address, head.i.Phone,
            ComplaintPhone, head.i.PricingBasis, lines, head.i.UpdatedAt, date);
    }

    /// <summary>Every price of an item with its effective date, newest first; null if the item is unknown.</summary>
    public async Task<IReadOnlyList<PriceHistoryEntry>?> GetItemHistoryAsync(Guid itemId, CancellationToken ct)
    {
        if (!await db.Set<PriceItem>().AnyAsync(i => i.Id == itemId, ct)) return null;
        var rows = await db.Set<PriceHistoryRow>().AsNoTracking().Where(h => h.ItemId == itemId).ToListAsync(ct);
        return rows.OrderByDescending(h => h.EffectiveFrom).Select(h => new PriceHistoryEntry(h.Price, h.EffectiveFrom, h.PriceChangeId)).ToList();
    }

    /// <summary>Standard items that can be compared, in list order, with how many institutions publish each.</summary>
    public async Task<IReadOnlyList<ComparableItem>> ListComparableItemsAsync(CancellationToken ct)
    {
        var rows = await db.Set<PriceItem>().AsNoTracking()
            .Select(i => new { i.Code, i.Name, i.Category, i.SortOrder, i.InstitutionId }).ToListAsync(ct);
        return rows.GroupBy(r => r.Code)
            .Select(g => (First: g.OrderBy(r => r.SortOrder).First(), Count: g.Select(r => r.InstitutionId).Distinct().Count()))
            .OrderBy(x => x.First.Category).ThenBy(x => x.First.SortOrder).ThenBy(x => x.First.Code, StringComparer.Ordinal)
            .Select(x => new ComparableItem(x.First.Code, x.First.Name, x.First.Category, x.Count))
            .ToList();
    }

    /// <summary>
    /// One item across institutions, cheapest first. <paramref name="codeOrName"/> is a standard item code or an
    /// item name (exact); null when no institution lists it.
    /// </summary>
    public async Task<ItemComparison?> CompareItemAsync(string codeOrName, DateOnly? asOf, CancellationToken ct)
    {
        var key = codeOrName.Trim();
        var items = await db.Set<PriceItem>().AsNoTracking().Where(i => i.Code == key).ToListAsync(ct);
        if (items.Count == 0) items = await db.Set<PriceItem>().AsNoTracking().Where(i => i.Name == key).ToListAsync(ct);
        if (items.Count == 0) return null;
        var date = asOf ?? ChinaTime.Today(clock);
        var lines = await PriceLinesAsync(items, date, ct);
        var ids = items.Select(i => i.InstitutionId).Distinct().ToList();
        var institutions = await (from i in db.Set<PricingInstitution>().AsNoTracking()
                                  join o in db.Set<Organisation>() on i.Id equals o.Id
                                  where ids.Contains(i.Id)
                                  select new { i.Id, i.Type, o.Name, o.District }).ToDictionaryAsync(x => x.Id, ct);
        var byItem = items.ToDictionary(i => i.Id);
        var rows = lines.Select(l =>
            {
                var inst = institutions[byItem[l.ItemId].InstitutionId];
                return new ComparisonRow(inst.Id, inst.Name, inst.Type, inst.District, l.ItemId, l.Name, l.Unit, l.Price, l.PricingMode,
                    l.FreeForResidents, l.SubsidyCap, l.Warning, l.EffectiveFrom);
            })
            .OrderBy(r => r.Price).ThenBy(r => r.InstitutionName, StringComparer.Ordinal).ToList();
        var first = items.OrderBy(i => i.SortOrder).First();
        return new ItemComparison(first.Code, first.Name, first.Category, date, rows);
    }

    /// <summary>
    /// The calculator: items of any published lists, priced as in force on the date (today by default), with
    /// resident subsidies as a bill would apply them for a funeral that has no other bill yet. 400 for unknown items.
    /// </summary>
    public async Task<CalculationResult> CalculateAsync(CalculationRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = ChinaTime.Today(clock);
        if (request.Date is { Length: > 0 } && !PricingTime.TryParseDate(request.Date, out date))
            errors.Add("date", new Message("pricing.date.invalid-format"));
        var requested = request.Lines ?? [];
        if (requested.Count == 0) errors.Add("lines", new Message("pricing.calculation.no-lines"));
        for (var i = 0; i < requested.Count; i++)
        {
            if (requested[i].ItemId is null) errors.Add($"lines[{i}].itemId", new Message("pricing.item.required"));
            if (requested[i].Quantity is null or < 1 or > BillPricing.MaxQuantity) errors.Add($"lines[{i}].quantity", BillPricing.QuantityOutOfRange);
        }
        errors.ThrowIfAny();

        var ids = requested.Select(l => l.ItemId!.Value).Distinct().ToList();
        var catalogue = await PricingCatalogue.LoadAsync(db, ids, ct);
        var settings = await PricingSettingsStore.ReadAsync(db, ct);
        var priced = new List<PricedLine>();
        var remaining = request.Resident ? settings.ResidentSubsidyCapPerFuneral : 0m;
        var total = 0m; var subsidy = 0m;
        // Each institution prices its own lines; the per-funeral cap runs across all of them.
        for (var i = 0; i < requested.Count; i++)
        {
            var id = requested[i].ItemId!.Value;
            if (!catalogue.Items.TryGetValue(id, out var item))
            {
                errors.Add($"lines[{i}].itemId", new Message("pricing.calculation.item-not-published"));
                continue;
            }
            var (bill, refusals) = BillPricing.Price([new BillLineRequest(id, requested[i].Quantity!.Value)], catalogue.Items, item.InstitutionId,
                date, request.Resident, settings.ResidentSubsidyCapPerFuneral - remaining, settings.ResidentSubsidyCapPerFuneral);
            if (bill is null)
            {
                errors.AddRange(refusals.Select(r => new FieldMessage($"lines[{i}].itemId", r.Explanation)));
                continue;
            }
            var line = bill.Lines[0];
            remaining -= line.Subsidy;
            total += line.Amount; subsidy += line.Subsidy;
            priced.Add(PricingCatalogue.ToDto(line, catalogue.InstitutionNames[item.InstitutionId]));
        }
        errors.ThrowIfAny();
        return new CalculationResult(date, request.Resident, priced, total, subsidy, total - subsidy, settings.ResidentSubsidyCapPerFuneral);
    }

    /// <summary>Price-list lines of the given items in list order, priced on <paramref name="date"/>; items without a price yet are left out.</summary>
    private async Task<IReadOnlyList<PriceListItem>> PriceLinesAsync(IReadOnlyList<PriceItem> items, DateOnly date, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        var history = (await db.Set<PriceHistoryRow>().AsNoTracking().Where(h => ids.Contains(h.ItemId)).ToListAsync(ct))
            .ToLookup(h => h.ItemId, h => new PriceEntry(h.Price, h.EffectiveFrom));
        var plots = await db.Set<Plot>().AsNoTracking().Where(p => ids.Contains(p.ItemId)).ToDictionaryAsync(p => p.ItemId, ct);
        var warnings = (await db.Set<PriceWarning>().AsNoTracking().Where(w => ids.Contains(w.ItemId) && w.Status == WarningStatus.Open)
                .Select(w => new { w.ItemId, w.Rule }).ToListAsync(ct))
            .ToLookup(w => w.ItemId, w => w.Rule);
        var lines = new List<PriceListItem>();
        foreach (var item in items.OrderBy(i => i.Category).ThenBy(i => i.SortOrder).ThenBy(i => i.Name, StringComparer.Ordinal))
        {
            var inForce = PriceRules.InForce(history[item.Id], date);
            if (inForce is null) continue;
            var previous = PriceRules.Previous(history[item.Id], date);
            var rules = warnings[item.Id].Distinct().ToList();
            PlotDetails? plot = plots.TryGetValue(item.Id, out var p)
                ? new PlotDetails(p.PlotType, p.PlotType.ChineseName(), p.AreaM2, p.MaintenanceFeePerYear, p.TermYears, p.PublicWelfare,
                    PlotWarnings.PricePerSquareMetre(inForce.Price, p.AreaM2), inForce.Price + p.MaintenanceFeePerYear * p.TermYears)
                : null;
            lines.Add(new PriceListItem(item.Id, item.Code, item.Name, item.Category, item.Unit, inForce.Price, item.PricingMode,
                item.Cap, item.RangeMin, item.RangeMax, item.FreeForResidents, item.SubsidyCap, item.LegalBasis, item.PricingBasis,
                inForce.EffectiveFrom, previous?.Price, rules.Count > 0, rules.Count > 0 ? rules : null, plot));
        }
        return lines;
    }
}

/// <summary>Catalogue items with their price histories, as the bill and calculator rules need them.</summary>
internal sealed record PricingCatalogue(IReadOnlyDictionary<Guid, CatalogueItem> Items, IReadOnlyDictionary<Guid, string> InstitutionNames)
{
    public static async Task<PricingCatalogue> LoadAsync(HereafterDbContext db, IReadOnlyCollection<Guid> itemIds, CancellationToken ct)
    {
        var items = await db.Set<PriceItem>().AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToListAsync(ct);
        var history = (await db.Set<PriceHistoryRow>().AsNoTracking().Where(h => itemIds.Contains(h.ItemId)).ToListAsync(ct))
            .ToLookup(h => h.ItemId, h => new PriceEntry(h.Price, h.EffectiveFrom));
        var institutionIds = items.Select(i => i.InstitutionId).Distinct().ToList();
        var names = await db.Set<Organisation>().AsNoTracking().Where(o => institutionIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return new PricingCatalogue(
            items.ToDictionary(i => i.Id, i => new CatalogueItem(i.Id, i.InstitutionId, i.Name, i.Category, i.Unit, i.FreeForResidents, i.SubsidyCap, history[i.Id].ToList())),
            names);
    }

    public static PricedLine ToDto(PricedBillLine line, string institutionName) =>
        new(line.Item.ItemId, line.Item.InstitutionId, institutionName, line.Item.Name, line.Item.Category, line.Item.Unit,
            line.UnitPrice, line.Quantity, line.Amount, line.Subsidy, line.Payable, line.PriceEffectiveFrom);
}
