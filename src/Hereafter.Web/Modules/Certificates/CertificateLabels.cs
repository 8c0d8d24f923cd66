using System.Globalization;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>Chinese labels of certificate states for pages; English comes from <see cref="Strings"/> through <see cref="Texts"/>.</summary>
[EnglishStrings]
public static class CertificateLabels
{
    /// <summary>The Chinese label of a status code as the DTOs carry it; an unknown code as given.</summary>
    public static string Status(string status) => EnumCodes<CertificateStatus>.TryParse(status, out var known) ? Status(known) : status;

    public static string Status(CertificateStatus status) => status switch
    {
        CertificateStatus.Issued => "已出具",
        CertificateStatus.PendingReview => "待审核",
        CertificateStatus.Revoked => "已撤销",
        CertificateStatus.Rejected => "已驳回",
        _ => status.ToCode(),
    };

    public static string Status(string status, Texts t) => EnumCodes<CertificateStatus>.TryParse(status, out var known) ? t[Status(known)] : status;

    /// <summary>What a status means and what follows, in one Chinese sentence (English through <see cref="Strings"/>).</summary>
    public static string Explanation(CertificateStatus status) => status switch
    {
        CertificateStatus.Issued => "证明有效，家属可凭其办理户籍注销、殡葬等事务。",
        CertificateStatus.PendingReview => "疑似与已有证明为同一人，民政部门审核通过前不生效。",
        CertificateStatus.Revoked => "出具单位已撤销该证明，不能再用于办理任何事务。",
        CertificateStatus.Rejected => "民政部门审核认定与已有证明为同一人，该证明未出具。",
        _ => "",
    };

    public static string Explanation(string status, Texts t) => EnumCodes<CertificateStatus>.TryParse(status, out var known) ? t[Explanation(known)] : "";

    /// <summary>Every certificate status with its word and explanation, for a page's <c>StatusLegend</c>.</summary>
    public static IReadOnlyList<(string Code, string Label, string Explanation)> Legend(Texts t) =>
        [.. Enum.GetValues<CertificateStatus>().Select(s => (s.ToCode(), t[Status(s)], t[Explanation(s)]))];

    /// <summary>The colon after a label in the page's language: full-width on Chinese pages, ": " on English ones.</summary>
    public static string Colon => Texts.IsEnglish ? ": " : "：";

    /// <summary>Text in brackets in the page's language: （…） on Chinese pages, " (…)" on English ones.</summary>
    public static string Bracketed(string text) => Texts.IsEnglish ? $" ({text})" : $"（{text}）";

    /// <summary>A CSS modifier for the status badge.</summary>
    public static string StatusClass(string status) => EnumCodes<CertificateStatus>.TryParse(status, out var known) ? known switch
    {
        CertificateStatus.Issued => "status-issued",
        CertificateStatus.PendingReview => "status-pending",
        _ => "status-void",
    } : "status-void";

    public static string Action(string action, Texts t) => EnumCodes<CertificateActionKind>.TryParse(action, out var known) ? known switch
    {
        CertificateActionKind.Issued => t["出具"],
        CertificateActionKind.HeldForReview => t["疑似重复，提交审核"],
        CertificateActionKind.Corrected => t["更正"],
        CertificateActionKind.Reissued => t["补发"],
        CertificateActionKind.Revoked => t["撤销"],
        CertificateActionKind.ReviewIssued => t["审核通过并出具"],
        CertificateActionKind.ReviewRejected => t["审核驳回"],
        _ => action,
    } : action;

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
        ["证明有效，家属可凭其办理户籍注销、殡葬等事务。"] = "The certificate is in force: the family may use it to cancel the household registration, arrange the funeral and settle other affairs.",
        ["疑似与已有证明为同一人，民政部门审核通过前不生效。"] = "It may be the same person as an existing certificate: it takes effect only once civil affairs approves it.",
        ["出具单位已撤销该证明，不能再用于办理任何事务。"] = "The issuer has revoked this certificate: it may no longer be used for any purpose.",
        ["民政部门审核认定与已有证明为同一人，该证明未出具。"] = "Civil affairs found it to be the same person as an existing certificate: it was not issued.",
    };
}
