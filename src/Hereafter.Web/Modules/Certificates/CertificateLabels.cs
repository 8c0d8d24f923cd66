using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>Chinese labels of certificate states for pages; English comes from <see cref="Strings"/> through <see cref="Texts"/>.</summary>
[EnglishStrings]
public static class CertificateLabels
{
    public static string Status(string status) => status switch
    {
        CertificateStatus.Issued => "已出具",
        CertificateStatus.PendingReview => "待审核",
        CertificateStatus.Revoked => "已撤销",
        CertificateStatus.Rejected => "已驳回",
        _ => status,
    };

    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["已出具"] = "Issued",
        ["待审核"] = "Pending review",
        ["已撤销"] = "Revoked",
        ["已驳回"] = "Rejected",
    };
}
