using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Platform.Navigation;

/// <summary>
/// Where a signed-in person can go, by organisation type: the home page and the menu show the same list,
/// so nobody is offered a page that would only answer 无权访问. Each module adds its own pages with
/// <see cref="NavigationModule.AddStaffLinks"/>, since only the module knows its access rules; they are listed in
/// the order Program adds the modules.
/// </summary>
public sealed class StaffLinks(IEnumerable<StaffLinks.Source> sources)
{
    /// <param name="Label">Chinese label; pages translate it with <c>T[...]</c>.</param>
    /// <param name="Description">One Chinese line for the home page.</param>
    public sealed record Link(string Href, string Label, string Description);

    /// <summary>One module's pages for a signed-in actor.</summary>
    public sealed record Source(Func<Actor, IEnumerable<Link>> For);

    public static readonly Link ApiDocs = new("/api-docs", "接口文档", "各部门业务系统对接本平台的接口说明。");
    public static readonly Link PublicPrices = new("/prices", "价格公示", "全市殡葬服务机构的收费标准、价格比较和费用计算器，人人可查。");

    public IReadOnlyList<Link> For(Actor? actor)
    {
        var links = actor is null ? [] : sources.SelectMany(s => s.For(actor)).ToList();
        links.Add(PublicPrices);
        links.Add(ApiDocs);
        return links;
    }
}

public static class NavigationModule
{
    public static IServiceCollection AddPlatformNavigation(this IServiceCollection services) =>
        services.AddSingleton<StaffLinks>();

    /// <summary>Adds a module's pages to the menu and the home page.</summary>
    public static IServiceCollection AddStaffLinks(this IServiceCollection services, Func<Actor, IEnumerable<StaffLinks.Link>> links) =>
        services.AddSingleton(new StaffLinks.Source(links));
}
