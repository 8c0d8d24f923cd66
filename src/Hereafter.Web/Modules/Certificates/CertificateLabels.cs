using System.Globalization;
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

    public static string Status(string status, Texts t) => status switch
    {
        CertificateStatus.Issued => t["已出具"],
        CertificateStatus.PendingReview => t["待审核"],
        CertificateStatus.Revoked => t["已撤销"],
        CertificateStatus.Rejected => t["已驳回"],
        _ => status,
    };

    /// <summary>A CSS modifier for the status badge.</summary>
    public static string StatusClass(string status) => status switch
    {
        CertificateStatus.Issued => "status-issued",
        CertificateStatus.PendingReview => "status-pending",
        _ => "status-void",
    };

    public static string Action(string action, Texts t) => action switch
    {
        "issued" => t["出具"],
        "held-for-review" => t["疑似重复，提交审核"],
        "corrected" => t["更正"],
        "reissued" => t["补发"],
        "revoked" => t["撤销"],
        "review-issued" => t["审核通过并出具"],
        "review-rejected" => t["审核驳回"],
        _ => action,
    };

    public static string CopyLabel(int copy, Texts t) => copy switch
    {
        1 => t["打印第一联"],
        2 => t["打印第二联"],
        3 => t["打印第三联"],
        4 => t["打印第四联"],
        _ => copy.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>An ISO instant from a certificate's JSON, shown in China time; the text as given when it is not one.</summary>
    public static string ChinaTime(string? iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? Domain.Time.ChinaTime.Minutes(at) : iso ?? "";

    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["已出具"] = "Issued",
        ["待审核"] = "Pending review",
        ["已撤销"] = "Revoked",
        ["已驳回"] = "Rejected",
    };
}
