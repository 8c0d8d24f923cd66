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
        // The menu's groups (StaffLinks.Groups) and the phone's menu button.
        ["证明"] = "Certificates",
        ["身后事"] = "Death cases",
        ["遗体与骨灰"] = "Remains and ashes",
        ["应停未停"] = "Stopping payments",
        ["殡葬价格"] = "Prices",
        ["纪念服务"] = "Memorial services",
        ["系统对接"] = "Connecting systems",
        ["民政部门发布的丧事简办、文明祭扫和节地生态安葬等移风易俗标准，人人可查。"] = "Civil affairs' standards for simple funerals, civil tomb sweeping and land-saving burial, open to everyone.",
        ["菜单"] = "Menu",
        // Sign-in and the error pages.
        ["请输入用户名"] = "Enter your user name",
        ["请输入密码"] = "Enter your password",
        ["（{0}）"] = " ({0})",
        ["角色：{0}"] = "Roles: {0}",
        ["证明出具人"] = "Certifier",
        ["业务经办"] = "Clerk",
        ["监管"] = "Supervisor",
        ["户籍民警"] = "Police officer",
        ["系统管理员"] = "Administrator",
        ["处理您的请求时发生错误，请稍后重试。如问题持续，请联系平台管理员并提供以下编号。"] = "Something went wrong while handling your request. Please try again later. If it keeps happening, contact the platform administrator and quote this reference.",
        ["错误编号："] = "Reference: ",
        ["您所在的机构无权查看此页面。"] = "Your organisation may not view this page.",
        ["您可以从首页或菜单进入本单位可用的页面；如需此页面，请联系本单位管理员。"] = "The home page and the menu list the pages your organisation may use; if you need this page, ask your organisation's administrator.",
        ["找不到此页面：地址可能有误，或页面已移动。"] = "There is no page at this address: it may be mistyped, or the page has moved.",
        ["返回首页"] = "Go to the home page",
    };
}
