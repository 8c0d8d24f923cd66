using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>The death-case pages a signed-in person may use (menu and home page).</summary>
public static class SharingLinks
{
    public static IEnumerable<StaffLinks.Link> For(Actor actor)
    {
        if (SharingAccess.DepartmentOf(actor) is not null)
            yield return new("/worklist", "待办事项", "本部门的身后事待办：接收、办结、退回，登记生效日期。");
        if (SharingAccess.Supervises(actor))
            yield return new("/supervision/cases", "身后事档案", "身后事档案：各部门办理进度、超时事项和办理记录。");
    }
}
