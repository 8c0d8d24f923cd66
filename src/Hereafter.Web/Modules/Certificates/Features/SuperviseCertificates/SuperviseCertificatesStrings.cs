using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Certificates.Features.SuperviseCertificates;

[EnglishStrings]
internal static class SuperviseCertificatesStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["证明监管"] = "Certificate supervision",
        ["证明监管仅限民政部门使用。"] = "Certificate supervision is for the civil affairs bureau only.",
        ["统计"] = "Counts",
        ["证明查询异常（近24小时）"] = "Unusual certificate lookups (last 24 hours)",
        ["近24小时没有单位查询的证明编号数量异常。"] = "No organisation looked up an unusual number of certificates in the last 24 hours.",
        ["查询单位"] = "Organisation",
        ["查询的不同证明编号"] = "Distinct numbers looked up",
        ["查询次数"] = "Lookups",
        ["最近查询"] = "Last lookup",
        ["超时出具"] = "Certified late",
        ["超时报送"] = "Reported late",
        ["有质量警示"] = "With warnings",
        ["列表"] = "Lists",
        ["全部证明"] = "All certificates",
        ["待审核（疑似重复）"] = "Pending review (possible duplicates)",
        ["超时未出具或未报送"] = "Late certification or reporting",
        ["没有待审核的证明。"] = "No certificates are waiting for review.",
        ["没有符合条件的证明。"] = "No certificates in this list.",
        ["证明编号"] = "Certificate number",
        ["姓名"] = "Name",
        ["出具单位"] = "Issued by",
        ["死亡时间"] = "Time of death",
        ["出具时间"] = "Certified at",
        ["状态"] = "Status",
        ["警示"] = "Warnings",
        ["超时"] = "Late",
        ["出具超时"] = "Certified late",
        ["报送超时"] = "Reported late",
        ["审核提示"] = "Review note",
        ["审核理由（必填）"] = "Reason for the decision (required)",
        ["出具（不同人员）"] = "Issue (a different person)",
        ["驳回（同一人员）"] = "Reject (the same person)",
        ["分页"] = "Pages",
        ["上一页"] = "Previous",
        ["下一页"] = "Next",
        ["第 {0} 页，共 {1} 页（{2} 条）"] = "Page {0} of {1} ({2} certificates)",
        ["表单已失效，请刷新页面后重试。"] = "The form has expired: reload the page and try again.",
        ["已出具证明 {0}。"] = "Certificate {0} has been issued.",
        ["已驳回证明 {0}，该证明不会出具。"] = "Certificate {0} has been rejected and will not be issued.",
        ["请选择出具或驳回。"] = "Choose issue or reject.",
        ["该证明已不在待审核队列中，可能已被他人处理。"] = "This certificate is no longer waiting for review; someone may have decided it already.",
        ["您无权审核证明。"] = "You may not review certificates.",
        ["疑似重复"] = "Possible duplicate",
        ["疑似与证明 {0} 为同一人（姓名、出生日期相同，死亡日期相差5天以内）"] = "Possibly the same person as certificate {0} (same name and date of birth, deaths within 5 days)",
    };
}
