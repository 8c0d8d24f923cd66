using Hereafter.Web.Modules.Dashboard.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Dashboard.Features.ReadDashboard;

/// <summary>The dashboard is the first entry of the bureau's menu.</summary>
public static class DashboardLinks
{
    public static IEnumerable<StaffLinks.Link> For(Actor actor)
    {
        if (DashboardAccess.Sees(actor))
            yield return new(DashboardPages.Home, "监管驾驶舱", "全市身后事服务的各项指标：证明、部门办理、应停未停、殡葬价格等，按月份和区县查看、导出 Excel。");
    }
}
