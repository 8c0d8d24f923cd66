using Hereafter.Domain.Pricing;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Dashboard;

/// <summary>
/// Price lists, bills and price warnings written straight into the pricing tables for the dashboard's hand-worked
/// funeral price figures, in a district of the test's own (<see cref="DashboardSeed.Fresh"/>). Times are China time.
/// </summary>
public static class FuneralPriceSeed
{
    /// <summary>An organisation of the district with a pricing profile and one item whose first price is in force from <paramref name="priceFrom"/>.</summary>
    /// <returns>The institution's id and its item's id.</returns>
    public static async Task<(Guid Institution, Guid Item)> PricedInstitutionAsync(
        this HereafterFactory factory, string district, OrganisationType type, string name, DateOnly priceFrom)
    {
        var id = await factory.OrganisationAsync(district, type, name);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var institutionType = type switch
        {
            OrganisationType.Cemetery => InstitutionType.Cemetery,
            OrganisationType.Columbarium => InstitutionType.Columbarium,
            OrganisationType.ServiceShop => InstitutionType.ServiceShop,
            _ => InstitutionType.FuneralHome,
        };
        db.Add(new PricingInstitution { Id = id, Type = institutionType, Address = "测试路 1 号", Phone = "0851-00000000", PricingBasis = "测试", UpdatedAt = DateTimeOffset.UtcNow });
        var item = new PriceItem
        {
            Id = Guid.NewGuid(), InstitutionId = id, Code = "basic.cremation", Name = "遗体火化", Category = PriceCategory.Basic, Unit = "次",
            PricingMode = PricingMode.GovernmentGuided, LegalBasis = "测试", PricingBasis = "测试",
        };
        db.Add(item);
        db.Add(new PriceHistoryRow { ItemId = item.Id, Price = 500m, EffectiveFrom = priceFrom, RecordedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return (id, item.Id);
    }

    /// <summary>A bill of a case by an institution, for a service on <paramref name="issued"/>'s China date, issued then.</summary>
    public sealed record BillRow(Guid Case, Guid Institution, DateTime Issued, decimal Total);

    public static async Task BillsAsync(this HereafterFactory factory, params BillRow[] bills)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        foreach (var b in bills)
        {
            var id = Guid.NewGuid();
            db.Add(new Bill
            {
                Id = id, Number = "JS" + id.ToString("N")[..16].ToUpperInvariant(), CaseId = b.Case, InstitutionId = b.Institution,
                ServiceDate = DateOnly.FromDateTime(b.Issued), Total = b.Total, Payable = b.Total,
                IssuedAt = new DateTimeOffset(b.Issued, ChinaTime.Offset).ToUniversalTime(), IssuedBy = "测试",
                FamilyCodeHash = id.ToString("N") + Guid.NewGuid().ToString("N"),
            });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A price warning on an item, raised and perhaps closed at these China times.</summary>
    public sealed record WarningRow(Guid Institution, Guid Item, DateTime Raised, DateTime? Closed = null);

    public static async Task WarningsAsync(this HereafterFactory factory, params WarningRow[] warnings)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        foreach (var w in warnings)
            db.Add(new PriceWarning
            {
                Id = Guid.NewGuid(), InstitutionId = w.Institution, ItemId = w.Item, Rule = WarningRule.AboveReferenceCeiling, Evidence = "测试",
                Observed = 1m, Threshold = 1m, PriceAtWarning = 500m,
                Status = w.Closed is null ? WarningStatus.Open : WarningStatus.Closed,
                OpenKey = w.Closed is null ? Guid.NewGuid().ToString("N") : null,
                RaisedAt = new DateTimeOffset(w.Raised, ChinaTime.Offset).ToUniversalTime(),
                ClosedAt = w.Closed is { } closed ? new DateTimeOffset(closed, ChinaTime.Offset).ToUniversalTime() : null,
                ClosedBy = w.Closed is null ? null : "测试", CloseNote = w.Closed is null ? null : "已核查",
            });
        await db.SaveChangesAsync();
    }
}
