using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Reconciliation;

/// <summary>The reconciliation pages a signed-in person may use (menu and home page).</summary>
public static class ReconciliationLinks
{
    public static IEnumerable<StaffLinks.Link> For(Actor actor)
    {
        if (ReconciliationAccess.DepartmentOf(actor) is not null)
            yield return new("/reconciliation", "应停未停比对", "上传待遇发放名册与死亡信息比对：应停发、待核实、追回登记。");
        if (ReconciliationAccess.SeesStatistics(actor))
            yield return new("/supervision/reconciliation", "应停未停统计", "各项目按月的应停、已停、多发和追回金额。");
    }
}
