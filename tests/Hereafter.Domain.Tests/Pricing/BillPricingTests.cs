using Hereafter.Domain.Pricing;

namespace Hereafter.Domain.Tests.Pricing;

public class BillPricingTests
{
    private static readonly Guid Home = Guid.NewGuid();
    private static readonly Guid OtherHome = Guid.NewGuid();
    private static readonly DateOnly PriceChange = new(2026, 6, 1);

    private static readonly CatalogueItem Cremation = new(Guid.NewGuid(), Home, "遗体火化", PriceCategory.Basic, "具", true, 480m,
        [new(400m, new(2025, 1, 1)), new(480m, PriceChange)]);
    private static readonly CatalogueItem Storage = new(Guid.NewGuid(), Home, "遗体存放", PriceCategory.Basic, "天", true, 80m,
        [new(100m, new(2025, 1, 1))]);
    private static readonly CatalogueItem Hall = new(Guid.NewGuid(), Home, "大厅告别", PriceCategory.NonBasic, "场", false, null,
        [new(1500m, new(2025, 1, 1)), new(1200m, PriceChange)]);
    private static readonly CatalogueItem Farewell = new(Guid.NewGuid(), Home, "遗体告别", PriceCategory.Basic, "场", true, null,
        [new(300m, new(2025, 1, 1))]);
    private static readonly CatalogueItem Later = new(Guid.NewGuid(), Home, "新项目", PriceCategory.NonBasic, "次", false, null,
        [new(99m, new(2027, 1, 1))]);
    private static readonly CatalogueItem Elsewhere = new(Guid.NewGuid(), OtherHome, "遗体火化", PriceCategory.Basic, "具", true, 480m,
        [new(480m, new(2025, 1, 1))]);

    private static readonly Dictionary<Guid, CatalogueItem> Catalogue =
        new[] { Cremation, Storage, Hall, Farewell, Later, Elsewhere }.ToDictionary(i => i.ItemId);

    private static (PricedBill? Bill, IReadOnlyList<BillRefusal> Refusals) Price(DateOnly date, bool resident, decimal granted, decimal cap, params (CatalogueItem Item, int Qty)[] lines) =>
        BillPricing.Price(lines.Select(l => new BillLineRequest(l.Item.ItemId, l.Qty)).ToList(), Catalogue, Home, date, resident, granted, cap);

    [Fact]
    public void Bill_UsesThePriceInForceOnTheServiceDate()
    {
        var before = Price(PriceChange.AddDays(-1), false, 0m, 1780m, (Cremation, 1), (Hall, 1)).Bill!;
        Assert.Equal([400m, 1500m], before.Lines.Select(l => l.UnitPrice));
        Assert.Equal(1900m, before.Total);
        var on = Price(PriceChange, false, 0m, 1780m, (Cremation, 1), (Hall, 1)).Bill!;
        Assert.Equal([480m, 1200m], on.Lines.Select(l => l.UnitPrice));
        Assert.Equal(PriceChange, on.Lines[0].PriceEffectiveFrom);
    }

    [Fact]
    public void Bill_RefusesAnItemOutsideTheInstitutionsList()
    {
        var (bill, refusals) = Price(PriceChange, true, 0m, 1780m, (Cremation, 1), (Elsewhere, 1));
        Assert.Null(bill);
        var r = Assert.Single(refusals);
        Assert.Equal("lines[1].itemId", r.Path);
        Assert.Contains("不在本机构公示的价目表中", r.Message);

        var unknown = BillPricing.Price([new BillLineRequest(Guid.NewGuid(), 1)], Catalogue, Home, PriceChange, true, 0m, 1780m);
        Assert.Null(unknown.Bill);
        Assert.Equal("lines[0].itemId", Assert.Single(unknown.Refusals).Path);
    }

    [Fact]
    public void Bill_RefusesAnItemNotYetPricedOnTheServiceDate()
    {
        var (bill, refusals) = Price(PriceChange, false, 0m, 1780m, (Later, 1));
        Assert.Null(bill);
        Assert.Contains("尚无公示价格", Assert.Single(refusals).Message);
    }

    [Fact]
    public void Bill_RefusesQuantitiesOutOfRange_AndEmptyBills()
    {
        Assert.Equal("lines[0].quantity", Assert.Single(Price(PriceChange, false, 0m, 1780m, (Hall, 0)).Refusals).Path);
        Assert.Equal("lines[0].quantity", Assert.Single(Price(PriceChange, false, 0m, 1780m, (Hall, 1000)).Refusals).Path);
        Assert.Equal("lines", Assert.Single(Price(PriceChange, false, 0m, 1780m).Refusals).Path);
    }

    [Fact]
    public void FreeBasicServices_AreSubsidisedForResidents_UpToEachItemsCapPerUnit()
    {
        var bill = Price(PriceChange, true, 0m, 1780m, (Cremation, 1), (Storage, 3), (Hall, 1), (Farewell, 1)).Bill!;
        Assert.Equal([480m, 240m, 0m, 300m], bill.Lines.Select(l => l.Subsidy)); // storage 100/day, capped at 80/day
        Assert.Equal([0m, 60m, 1200m, 0m], bill.Lines.Select(l => l.Payable));
        Assert.Equal(480m + 300m + 1200m + 300m, bill.Total);
        Assert.Equal(1020m, bill.Subsidy);
        Assert.Equal(bill.Total - bill.Subsidy, bill.Payable);
    }

    [Fact]
    public void NonResidents_GetNoSubsidy()
    {
        var bill = Price(PriceChange, false, 0m, 1780m, (Cremation, 1), (Farewell, 1)).Bill!;
        Assert.Equal(0m, bill.Subsidy);
        Assert.Equal(780m, bill.Payable);
    }

    [Fact]
    public void Subsidy_StopsAtThePerFuneralCap_CountingEarlierBills()
    {
        // 1,780 cap, 1,500 already granted on another bill: 280 left.
        var bill = Price(PriceChange, true, 1500m, 1780m, (Cremation, 1), (Farewell, 1)).Bill!;
        Assert.Equal([280m, 0m], bill.Lines.Select(l => l.Subsidy));
        Assert.Equal(280m, bill.Subsidy);
        // Exactly at the cap: nothing left.
        Assert.Equal(0m, Price(PriceChange, true, 1780m, 1780m, (Cremation, 1)).Bill!.Subsidy);
        // One yuan below it: one yuan left.
        Assert.Equal(1m, Price(PriceChange, true, 1779m, 1780m, (Cremation, 1)).Bill!.Subsidy);
    }

    [Theory]
    [InlineData("贵州省贵阳市南明区花果园R1区3栋", "520102194205141319", true)]
    [InlineData("贵州省遵义市红花岗区", "520102194205141319", false)]
    [InlineData(null, "520102194205141319", true)]
    [InlineData(null, "520302194205141319", false)]
    [InlineData(null, null, false)]
    public void Residency_ComesFromHouseholdRegistration_OrTheIdRegion(string? address, string? id, bool resident)
    {
        Assert.Equal(resident, BillPricing.IsResident(address, id, "贵阳市", "5201"));
    }
}
