using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Platform.Navigation;

/// <summary>
/// Where a signed-in person can go, by organisation type: the home page and the menu show the same list,
/// so nobody is offered a page that would only answer 无权访问. Each module adds its own pages with
/// <see cref="NavigationModule.AddStaffLinks"/>, since only the module knows its access rules, under one of the
/// menu's <see cref="Groups"/>; groups are listed in the order Program adds the modules (ADR 0021).
/// </summary>
public sealed class StaffLinks(IEnumerable<StaffLinks.Source> sources, IEnumerable<StaffLinks.Landing> landings)
{
    /// <summary>A module's page where some people start after signing in (the bureau's dashboard for civil affairs), or null for others.</summary>
    public sealed record Landing(Func<Actor, string?> For);

    /// <param name="Label">Chinese label; pages translate it with <c>T[...]</c>.</param>
    /// <param name="Description">One Chinese line for the home page.</param>
    /// <param name="Group">The menu group (one of <see cref="Groups"/>); set from the module's registration.</param>
    public sealed record Link(string Href, string Label, string Description, string Group = "");

    /// <summary>A menu group and its links, in order.</summary>
    /// <param name="Label">Chinese label; pages translate it with <c>T[...]</c>.</param>
    public sealed record LinkGroup(string Label, IReadOnlyList<Link> Links);

    /// <summary>One module's pages for a signed-in actor, all under <paramref name="Group"/>.</summary>
    public sealed record Source(string Group, Func<Actor, IEnumerable<Link>> For);

    /// <summary>The menu's groups: one per area of work, so that a supervisor's dozen pages fit one line.</summary>
    public static class Groups
    {
        /// <summary>The bureau's dashboard, first in its menu.</summary>
        public const string Dashboard = "监管";
        public const string Certificates = "证明";
        public const string DeathCases = "身后事";
        public const string Remains = "遗体与骨灰";
        public const string Reconciliation = "应停未停";
        public const string Prices = "殡葬价格";
        public const string Memorial = "纪念服务";
        public const string Connecting = "系统对接";
    }

    public static readonly Link ApiDocs = new("/api-docs", "接口文档", "各部门业务系统对接本平台的接口说明。", Groups.Connecting);
    public static readonly Link PublicPrices = new("/prices", "价格公示", "全市殡葬服务机构的收费标准、价格比较和费用计算器，人人可查。", Groups.Prices);
    public static readonly Link PublicStandards = new("/standards", "丧事简办", "民政部门发布的丧事简办、文明祭扫和节地生态安葬等移风易俗标准，人人可查。", Groups.Memorial);
    /// <summary>The public booking days and places left of every cemetery and columbarium (预约祭扫): in everyone's menu, as the price list is (families' too).</summary>
    public static readonly Link PublicMemorial = new(Modules.Memorial.Contracts.MemorialPages.Sites, "预约祭扫", "各公墓、骨灰堂的祭扫预约日和剩余名额，市民登录后在线预约。", Groups.Memorial);

    public IReadOnlyList<Link> For(Actor? actor)
    {
        var links = actor is null ? [] : sources.SelectMany(s => s.For(actor).Select(l => l with { Group = s.Group })).ToList();
        links.Add(PublicPrices);
        links.Add(PublicMemorial);
        links.Add(PublicStandards);
        links.Add(ApiDocs);
        return links;
    }

    /// <summary>Where <paramref name="actor"/> starts after signing in: the first module landing that claims them, else the home page.</summary>
    public string HomeFor(Actor? actor) =>
        actor is null ? "/" : landings.Select(l => l.For(actor)).FirstOrDefault(h => h is not null) ?? "/";

    /// <summary>The same links by group, groups in the order their first link comes.</summary>
    public IReadOnlyList<LinkGroup> GroupsFor(Actor? actor) =>
        [.. For(actor).GroupBy(l => l.Group).Select(g => new LinkGroup(g.Key, [.. g]))];
}

public static class NavigationModule
{
    public static IServiceCollection AddPlatformNavigation(this IServiceCollection services) =>
        services.AddSingleton<StaffLinks>();

    /// <summary>Adds a module's pages to the menu and the home page, under <paramref name="group"/> (one of <see cref="StaffLinks.Groups"/>).</summary>
    public static IServiceCollection AddStaffLinks(this IServiceCollection services, string group, Func<Actor, IEnumerable<StaffLinks.Link>> links) =>
        services.AddSingleton(new StaffLinks.Source(group, links));

    /// <summary>Makes a module's page the place where the people it names start after signing in (<see cref="StaffLinks.HomeFor"/>).</summary>
    public static IServiceCollection AddStaffLanding(this IServiceCollection services, Func<Actor, string?> landing) =>
        services.AddSingleton(new StaffLinks.Landing(landing));
}
