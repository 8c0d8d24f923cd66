namespace Hereafter.Domain.Pricing;

/// <summary>A catalogue item as a bill sees it: the terms of subsidy and its price history.</summary>
public sealed record CatalogueItem(Guid ItemId, Guid InstitutionId, string Name, PriceCategory Category, string Unit,
    bool FreeForResidents, decimal? SubsidyCap, IReadOnlyList<PriceEntry> History);

public sealed record BillLineRequest(Guid ItemId, int Quantity);

public sealed record PricedBillLine(CatalogueItem Item, decimal UnitPrice, int Quantity, decimal Amount, decimal Subsidy, decimal Payable, DateOnly PriceEffectiveFrom);

public sealed record PricedBill(IReadOnlyList<PricedBillLine> Lines, decimal Total, decimal Subsidy, decimal Payable);

/// <summary>A line that cannot be charged, with the JSON path of the offending field.</summary>
public sealed record BillRefusal(string Path, Messages.Message Explanation)
{
    /// <summary>The explanation in Chinese.</summary>
    public string Message => Explanation.Chinese;
}

/// <summary>
/// 结算单: only items of the published list, at the price in force on the service date. For a resident, items
/// free for residents are paid by the city up to the item's subsidy cap and, across all the funeral's bills,
/// up to the per-funeral cap.
/// </summary>
public static class BillPricing
{
    public const int MaxQuantity = 999;

    /// <summary>A line's quantity is outside 1 to <see cref="MaxQuantity"/>.</summary>
    public static Messages.Message QuantityOutOfRange => new Messages.Message("pricing.quantity.out-of-range").With("max", MaxQuantity);

    public static (PricedBill? Bill, IReadOnlyList<BillRefusal> Refusals) Price(
        IReadOnlyList<BillLineRequest> lines, IReadOnlyDictionary<Guid, CatalogueItem> catalogue, Guid institutionId,
        DateOnly serviceDate, bool resident, decimal subsidyAlreadyGranted, decimal perFuneralCap)
    {
        var refusals = new List<BillRefusal>();
        if (lines.Count == 0) refusals.Add(new("lines", new Messages.Message("pricing.bill.no-lines")));
        var priced = new List<PricedBillLine>();
        var remaining = Math.Max(0m, perFuneralCap - subsidyAlreadyGranted);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!catalogue.TryGetValue(line.ItemId, out var item) || item.InstitutionId != institutionId)
            {
                refusals.Add(new($"lines[{i}].itemId", new Messages.Message("pricing.bill.item-not-on-price-list")));
                continue;
            }
            if (line.Quantity is < 1 or > MaxQuantity)
            {
                refusals.Add(new($"lines[{i}].quantity", QuantityOutOfRange));
                continue;
            }
            var inForce = PriceRules.InForce(item.History, serviceDate);
            if (inForce is null)
            {
                refusals.Add(new($"lines[{i}].itemId", new Messages.Message("pricing.bill.no-price-on-service-date")
                    .With("item", item.Name).With("date", serviceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
                continue;
            }
            var amount = PriceRules.Round(inForce.Price * line.Quantity);
            var subsidy = 0m;
            if (resident && item.FreeForResidents)
            {
                subsidy = Math.Min(amount, item.SubsidyCap is { } cap ? PriceRules.Round(cap * line.Quantity) : amount);
                subsidy = Math.Min(subsidy, remaining);
                remaining -= subsidy;
            }
            priced.Add(new(item, inForce.Price, line.Quantity, amount, subsidy, amount - subsidy, inForce.EffectiveFrom));
        }
        if (refusals.Count > 0) return (null, refusals);
        var total = priced.Sum(l => l.Amount);
        var totalSubsidy = priced.Sum(l => l.Subsidy);
        return (new PricedBill(priced, total, totalSubsidy, total - totalSubsidy), refusals);
    }

    /// <summary>
    /// Whether the decedent counts as a resident of the city for subsidies: household registration (户籍) in the
    /// city, read from the certificate's household address, or failing that from the ID number's region.
    /// </summary>
    public static bool IsResident(string? householdAddress, string? idNumber, string cityName, string cityRegionPrefix)
    {
        if (!string.IsNullOrWhiteSpace(householdAddress)) return householdAddress.Contains(cityName, StringComparison.Ordinal);
        return idNumber is { Length: 18 } && idNumber.StartsWith(cityRegionPrefix, StringComparison.Ordinal);
    }
}
