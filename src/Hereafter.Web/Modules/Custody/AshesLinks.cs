using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Custody;

/// <summary>The ashes part's pages in the menu: burials for cemeteries and columbaria, follow-up letters for the bureau.</summary>
public static class AshesLinks
{
    public static IEnumerable<StaffLinks.Link> For(Actor actor)
    {
        if (CustodyAccess.IsPlacementInstitution(actor))
            yield return new(CustodyPages.Burials, "安葬与墓位销售", "凭有效的死亡医学证明或火化证明登记安葬、销售墓位（格位），查看本单位的安葬记录。");
        if (CustodyAccess.Supervises(actor))
            yield return new(CustodyPages.FollowUp, "骨灰去向跟踪", "骨灰交付后逾期未安放的提醒函和骨灰去向告知函，以及无主骨灰。");
    }
}
