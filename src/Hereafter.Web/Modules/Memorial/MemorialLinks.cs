using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Memorial;

/// <summary>The booking pages a signed-in member of staff may use (menu and home page), under 纪念服务.</summary>
public static class MemorialLinks
{
    public static IEnumerable<StaffLinks.Link> For(Actor actor)
    {
        if (!MemorialAccess.IsSite(actor)) yield break;
        yield return new(MemorialPages.SiteDays, "预约日管理", "发布祭扫预约日和时段（人数、车位、近三年新墓名额），查看各时段的预约和当天名单。");
        yield return new(MemorialPages.Gate, "入园核验", "扫描祭扫预约的二维码核验入园：每个预约只能使用一次，只限本园和预约时段。");
        // The public page of days and places left joins this group from StaffLinks.PublicMemorial, in everyone's menu.
    }
}
