using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Custody.Features.SuperviseCustody;

/// <summary>The bureau's link to the loop's supervision page (menu group 遗体与骨灰).</summary>
public static class SupervisionLinks
{
    public static IEnumerable<StaffLinks.Link> For(Actor actor)
    {
        if (CustodyAccess.Supervises(actor))
            yield return new(CustodyPages.Supervision, "遗体与骨灰监管", "接运、存放、火化到安放（葬）的闭环：各环节数量、超期事项及原因，导出 Excel。");
    }
}
