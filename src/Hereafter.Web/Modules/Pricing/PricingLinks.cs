using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Navigation;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Pricing;

/// <summary>The price pages a signed-in person may use (menu and home page); the public price pages are the platform's.</summary>
public static class PricingLinks
{
    public static IEnumerable<StaffLinks.Link> For(Actor actor)
    {
        if (PublishesPrices(actor.OrganisationType))
            yield return new("/prices/manage", "价格申报", "申报本单位的价格调整，查看审核结果。");
        if (actor.OrganisationType is OrganisationType.FuneralHome or OrganisationType.Cemetery)
            yield return new("/prices/bills/new", "出具结算单", "按公示价格为逝者家属出具结算单，并给家属查看链接。");
        if (PricingAccess.Supervises(actor))
        {
            yield return new("/supervision/prices", "调价审核", "审核殡葬服务机构申报的价格调整。");
            yield return new("/supervision/price-warnings", "价格预警", "墓位价格预警及其依据，核查后关闭。");
            yield return new("/supervision/price-statistics", "殡葬费用统计", "每例丧事的平均和中位费用、基本与延伸服务占比，导出 Excel。");
            if (PricingAccess.Decides(actor))
                yield return new("/supervision/price-settings", "预警阈值", "墓位价格预警阈值、居民补贴上限和费用统计基准。");
        }
    }

    /// <summary>Institutions that publish a price list (殡仪馆, 公墓, 骨灰堂, 殡葬服务店).</summary>
    private static bool PublishesPrices(OrganisationType? organisationType) =>
        organisationType is OrganisationType.FuneralHome or OrganisationType.Cemetery or OrganisationType.Columbarium or OrganisationType.ServiceShop;
}
