using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Components.Layout;

[EnglishStrings]
internal static class LayoutStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["主导航"] = "Main navigation",
        ["死亡医学证明"] = "Death certificates",
        ["填写新证明"] = "New certificate",
        ["证明监管"] = "Certificate supervision",
        ["证明查询"] = "Certificate lookup",
        ["本单位出具的居民死亡医学证明：查看、更正、补发、撤销。"] = "Death certificates your organisation issued: view, correct, reissue, revoke.",
        ["在线填写并出具居民死亡医学证明。"] = "Fill in and issue a medical certificate of death online.",
        ["全市证明统计、疑似重复审核、超时出具和报送。"] = "City-wide counts, review of possible duplicates, late certification and reporting.",
        ["按证明编号查阅本单位职责所需的联次。"] = "Look up by number the copy your organisation needs for its duties.",
        ["各部门业务系统对接本平台的接口说明。"] = "How departments' systems connect to the platform.",
        ["一张证明，多部门共享：让数据跑路，替代群众跑腿。"] = "One certificate shared by every department: data travels so that families do not have to.",
        ["医疗机构和公安机关在线出具电子居民死亡医学证明，每份证明有唯一编号和可验证的二维码。"] = "Medical institutions and the police issue electronic death certificates online, each with a unique number and a verifiable QR code.",
        ["殡仪馆、公墓、公安、人社、医保、公积金和银行按各自职责查阅所需的联次，不多看一项。"] = "Funeral homes, cemeteries, police, social security, medical insurance, the housing fund and banks each read the copy their duties need, and nothing more.",
        ["民政部门监管证明的出具、疑似重复和时限，每次查阅均有审计记录。"] = "Civil affairs supervises issuing, possible duplicates and time limits; every read is audited.",
        ["扫描证明上的二维码即可核验真伪，页面只显示遮蔽后的信息。"] = "Scan the QR code on a certificate to check it; the page shows masked data only.",
        ["您的工作台"] = "Your workspace",
    };
}
