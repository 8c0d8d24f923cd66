using Hereafter.Web.Modules.Certificates;
using Hereafter.Web.Modules.Reconciliation;
using Hereafter.Web.Modules.Pricing;
using Hereafter.Web.Modules.Sharing;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Components.Layout;

/// <summary>
/// Where a signed-in person can go, by organisation type: the home page and the menu show the same list,
/// so nobody is offered a page that would only answer 无权访问.
/// </summary>
public static class StaffLinks
{
    /// <param name="Label">Chinese label; pages translate it with <c>T[...]</c>.</param>
    /// <param name="Description">One Chinese line for the home page.</param>
    public sealed record Link(string Href, string Label, string Description);

    public static readonly Link ApiDocs = new("/api-docs", "接口文档", "各部门业务系统对接本平台的接口说明。");
    public static readonly Link PublicPrices = new("/prices", "价格公示", "全市殡葬服务机构的收费标准、价格比较和费用计算器，人人可查。");

    /// <summary>Institutions that publish a price list (殡仪馆, 公墓, 骨灰堂, 殡葬服务店).</summary>
    private static bool PublishesPrices(string organisationType) =>
        organisationType is OrganisationTypes.FuneralHome or OrganisationTypes.Cemetery or OrganisationTypes.Columbarium or OrganisationTypes.ServiceShop;

    public static IReadOnlyList<Link> For(Actor? actor)
    {
        var links = new List<Link>();
        if (actor is not null)
        {
            if (OrganisationTypes.CanCertify(actor.OrganisationType))
            {
                links.Add(new("/certificates", "死亡医学证明", "本单位出具的居民死亡医学证明：查看、更正、补发、撤销。"));
                if (CertificateAccess.CanCertify(actor))
                    links.Add(new("/certificates/new", "填写新证明", "在线填写并出具居民死亡医学证明。"));
            }
            if (CertificateAccess.CanSupervise(actor))
                links.Add(new("/supervision/certificates", "证明监管", "全市证明统计、疑似重复审核、超时出具和报送。"));
            if (ReadsOtherIssuersCertificates(actor.OrganisationType))
                links.Add(new("/lookup", "证明查询", "按证明编号查阅本单位职责所需的联次。"));
            if (SharingAccess.DepartmentOf(actor) is not null)
                links.Add(new("/worklist", "待办事项", "本部门的身后事待办：接收、办结、退回，登记生效日期。"));
            if (SharingAccess.Supervises(actor))
                links.Add(new("/supervision/cases", "身后事档案", "身后事档案：各部门办理进度、超时事项和办理记录。"));
            if (ReconciliationAccess.DepartmentOf(actor) is not null)
                links.Add(new("/reconciliation", "应停未停比对", "上传待遇发放名册与死亡信息比对：应停发、待核实、追回登记。"));
            if (ReconciliationAccess.SeesStatistics(actor))
                links.Add(new("/supervision/reconciliation", "应停未停统计", "各项目按月的应停、已停、多发和追回金额。"));
            if (PublishesPrices(actor.OrganisationType))
                links.Add(new("/prices/manage", "价格申报", "申报本单位的价格调整，查看审核结果。"));
            if (actor.OrganisationType is OrganisationTypes.FuneralHome or OrganisationTypes.Cemetery)
                links.Add(new("/prices/bills/new", "出具结算单", "按公示价格为逝者家属出具结算单，并给家属查看链接。"));
            if (PricingAccess.Supervises(actor))
            {
                links.Add(new("/supervision/prices", "调价审核", "审核殡葬服务机构申报的价格调整。"));
                links.Add(new("/supervision/price-warnings", "价格预警", "墓位价格预警及其依据，核查后关闭。"));
                links.Add(new("/supervision/price-statistics", "殡葬费用统计", "每例丧事的平均和中位费用、基本与延伸服务占比，导出 Excel。"));
                if (PricingAccess.Decides(actor))
                    links.Add(new("/supervision/price-settings", "预警阈值", "墓位价格预警阈值、居民补贴上限和费用统计基准。"));
            }
        }
        links.Add(PublicPrices);
        links.Add(ApiDocs);
        return links;
    }

    /// <summary>Organisations that act on certificates issued by others (police, civil affairs and the departments; columbaria and service shops read none).</summary>
    private static bool ReadsOtherIssuersCertificates(string organisationType) =>
        organisationType is not (OrganisationTypes.Hospital or OrganisationTypes.HealthCentre or OrganisationTypes.Columbarium or OrganisationTypes.ServiceShop)
        && OrganisationTypes.All.Contains(organisationType);
}
