using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Memorial.Features.SuperviseMemorial;

/// <summary>The bureau's link to the booking figures (menu group 纪念服务).</summary>
public static class SupervisionLinks
{
    public static IEnumerable<StaffLinks.Link> For(Actor actor)
    {
        if (MemorialAccess.Supervises(actor))
            yield return new(MemorialPages.Supervision, "预约祭扫统计", "各公墓、骨灰堂每天的开放时段、预约、取消和入园人数，导出 Excel。");
    }
}
