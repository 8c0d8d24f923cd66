using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Custody;

/// <summary>The closed loop's pages a signed-in person may use (menu and home page).</summary>
public static class CustodyLinks
{
    public static IEnumerable<StaffLinks.Link> For(Actor actor)
    {
        if (CustodyAccess.IsFuneralHome(actor))
            yield return new(CustodyPages.Counter, "接运与存放", "选择本馆的身后事、扫码或输入证明编号登记接运，查看在馆遗体和超期存放。");
    }
}
