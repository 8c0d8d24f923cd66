using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Certificates.Features.IssueCertificate;

/// <summary>English for the 请核对 step and the notice after issuing (departments told, where the copies go).</summary>
[EnglishStrings]
public static class IssueStepStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // 请核对
        ["下一步：核对"] = "Continue to check",
        ["请核对死亡医学证明"] = "Check the death certificate",
        ["证明尚未出具。请逐项核对以下内容：有误请点“修改”返回表单（已填内容都会保留），无误请点“确认出具”。"] =
            "The certificate is not issued yet. Check each answer below: choose Change to go back to the form (everything you typed is kept), or Confirm and issue when it is right.",
        ["确认出具"] = "Confirm and issue",
        ["证明尚未更正。请逐项核对以下内容：有误请点“修改”返回表单（已填内容都会保留），无误请点“确认更正”。"] =
            "The certificate is not corrected yet. Check each answer below: choose Change to go back to the form (everything you typed is kept), or Confirm the correction when it is right.",
        ["确认更正"] = "Confirm the correction",
        ["返回修改"] = "Back to the form",
        ["修改"] = "Change",
        ["（根据身份证号码填写）"] = "(read from the ID number)",
        // After issuing
        ["已通知的部门"] = "Departments told",
        ["正在通知的部门"] = "Departments being told",
        ["平台已把死亡信息共享给以下部门，各部门将各自办理，家属无需再逐一告知："] =
            "The platform has shared the death with these departments; each acts on it, so the family need not tell them one by one:",
        ["平台正在把死亡信息共享给以下部门（通常几秒内送达），各部门将各自办理，家属无需再逐一告知："] =
            "The platform is sharing the death with these departments (usually within seconds); each acts on it, so the family need not tell them one by one:",
        ["四联的去向"] = "Where the four copies go",
        ["第一联"] = "Copy 1",
        ["第二联"] = "Copy 2",
        ["第三联"] = "Copy 3",
        ["第四联"] = "Copy 4",
        ["存根：出具单位留存。"] = "Stub: kept by the issuing organisation.",
        ["交公安机关办理户籍注销；已通过平台共享，家属无需携带纸质联。"] =
            "For the police, to cancel the household registration; shared on the platform, so the family need not bring paper.",
        ["交死者家属保存，用于办理其他身后事。"] = "For the family to keep, for the other after-death affairs.",
        ["《居民死亡殡葬证》，交殡葬服务机构（殡仪馆）办理遗体火化。"] = "The funeral permit, for the funeral home, for the cremation.",
        ["证明已提交审核，尚未生效"] = "Held for review: not yet in effect",
        ["接下来"] = "What happens next",
        ["民政部门核实后作出决定，结果显示在本页和证明列表中。"] =
            "Civil affairs checks the two records and decides; the result shows on this page and in the certificate list.",
        ["如核实为不同的人，证明随即生效，平台通知各部门，届时可打印四联交给相关单位和家属。"] =
            "If they are different people, the certificate takes effect at once and the departments are told; you can then print the four copies.",
        ["如核实为同一人，本证明不予出具，请以已有的证明为准。"] = "If they are the same person, this certificate is not issued; the existing one stands.",
        ["审核结束前不能打印，也不会通知任何部门；请告知家属稍候。"] =
            "Until the review ends nothing can be printed and no department is told; ask the family to wait.",
        // Departments (Sharing's Department.ChineseName)
        ["公安（户口注销）"] = "Police (household registration)",
        ["人社（养老保险）"] = "Social security (pensions)",
        ["医保"] = "Medical insurance",
        ["民政（低保/特困/高龄津贴）"] = "Civil affairs (subsistence, extreme-poverty and old-age allowances)",
        ["住房公积金"] = "Housing fund",
        ["交警（驾驶证）"] = "Traffic police (driving licence)",
        ["残联（残疾人证）"] = "Disabled persons' federation (disability card)",
    };
}
