using Hereafter.Domain.Pricing;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Pricing.Contracts;

namespace Hereafter.Web.Modules.Memorial.Features.ProxyOrdering;

/// <summary>
/// The cemeteries and columbaria whose published price list has proxy-sweeping items, with those items at today's
/// prices (<c>GET /api/v1/memorial/proxy-options</c>, public like the price lists themselves).
/// </summary>
public sealed class ProxyOptions(IPublishedPrices prices, TimeProvider clock)
{
    public static bool IsSiteType(InstitutionType type) => type is InstitutionType.Cemetery or InstitutionType.Columbarium;

    public async Task<IReadOnlyList<ProxySite>> SitesAsync(Guid? institutionId, CancellationToken ct)
    {
        var items = await prices.FindAsync(ProxySweepingItems.Prefix, institutionId, ChinaTime.Today(clock), ct);
        return [.. items.Where(p => IsSiteType(p.InstitutionType) && ProxySweepingItems.IsProxySweeping(p.Code))
            .GroupBy(p => p.InstitutionId)
            .Select(g => new ProxySite(g.Key, g.First().InstitutionName, g.First().InstitutionPhone,
                [.. g.Select(p => new ProxyOption(p.Code, p.Name, p.Unit, p.Price, p.EffectiveFrom))]))];
    }
}
