using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Features.ProxyCompletion;
using Hereafter.Web.Modules.Memorial.Features.ProxyOrdering;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Memorial.Features.ProxyOrders;

/// <summary>Proxy sweeping's registrations (代祭扫, ADR 0033), called from <see cref="MemorialModule"/>.</summary>
public static class ProxySweeping
{
    /// <summary>
    /// The most a completion form may post to the staff page (its attributes need a constant): the photo limits must fit
    /// inside it, which start-up checks.
    /// </summary>
    public const long PageBodyLimit = 100L * 1024 * 1024;

    public static IServiceCollection AddProxySweeping(this IServiceCollection services)
    {
        services.AddOptions<MemorialOptions>()
            .Validate(o => (long)o.ProxyPhotoMaxCount * o.ProxyPhotoMaxBytes + CompleteProxyOrderEndpoint.FormOverhead <= PageBodyLimit,
                "Memorial: ProxyPhotoMaxCount × ProxyPhotoMaxBytes must stay under 99 MB (the completion page's body limit).");
        services.AddScoped<ProxyOrderViews>();
        services.AddScoped<ProxyOptions>();
        services.AddScoped<OrderProxySweepingHandler>();
        services.AddScoped<ReadProxyOrderHandler>();
        services.AddScoped<ReadProxyPhotoHandler>();
        services.AddScoped<ListMyProxyOrdersHandler>();
        services.AddScoped<ListSiteProxyOrdersHandler>();
        services.AddScoped<CompleteProxyOrderHandler>();
        services.AddStaffLinks(StaffLinks.Groups.Memorial, Links);
        return services;
    }

    public static RouteGroupBuilder MapProxySweeping(this RouteGroupBuilder api)
    {
        api.MapOrderProxySweeping();
        api.MapReadProxyOrders();
        api.MapCompleteProxyOrder();
        return api;
    }

    private static IEnumerable<StaffLinks.Link> Links(Actor actor)
    {
        if (MemorialAccess.IsSite(actor))
            yield return new(MemorialPages.ProxyOrders, "代祭扫订单", "家属预订的代祭扫服务：按公示价格下单，完成后上传照片给家属查看。");
    }
}
