using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Navigation;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>The certificate pages a signed-in person may use (menu and home page).</summary>
public static class CertificateLinks
{
    public static IEnumerable<StaffLinks.Link> For(Actor actor)
    {
        if (actor.OrganisationType.CanCertify())
        {
            yield return new("/certificates", "死亡医学证明", "本单位出具的居民死亡医学证明：查看、更正、补发、撤销。");
            if (CertificateAccess.CanCertify(actor))
                yield return new("/certificates/new", "填写新证明", "在线填写并出具居民死亡医学证明。");
        }
        if (CertificateAccess.CanSupervise(actor))
            yield return new("/supervision/certificates", "证明监管", "全市证明统计、疑似重复审核、超时出具和报送。");
        if (ReadsOtherIssuersCertificates(actor.OrganisationType))
            yield return new("/lookup", "证明查询", "按证明编号查阅本单位职责所需的联次。");
    }

    /// <summary>Organisations that act on certificates issued by others (police, civil affairs and the departments; columbaria and service shops read none).</summary>
    private static bool ReadsOtherIssuersCertificates(OrganisationType? organisationType) =>
        organisationType is not (null or OrganisationType.Hospital or OrganisationType.HealthCentre or OrganisationType.Columbarium or OrganisationType.ServiceShop);
}
