namespace Hereafter.Web.Modules.Certificates.Features.VerifyCertificate;

/// <summary>The verification pages' words for each answer (Chinese; English through <see cref="VerifyCertificateStrings"/>).</summary>
internal static class VerifyLabels
{
    public static string Kind(VerificationStatus status) => status switch
    {
        VerificationStatus.Valid => "valid",
        VerificationStatus.Superseded or VerificationStatus.WrittenOff => "superseded",
        _ => "bad",
    };

    public static string Mark(VerificationStatus status) => status switch { VerificationStatus.Valid => "✓", VerificationStatus.Superseded or VerificationStatus.WrittenOff => "!", _ => "✕" };

    public static string Label(VerificationStatus status, bool byNumber = false) => status switch
    {
        VerificationStatus.Valid => "有效",
        VerificationStatus.Superseded => byNumber ? "有效（已更正过）" : "已更正（此为旧版本）",
        VerificationStatus.Revoked => "已撤销",
        VerificationStatus.WrittenOff => "已注销（骨灰已安放）",
        VerificationStatus.NotFound => "未找到",
        _ => "无效或伪造",
    };

    public static string Explanation(VerificationStatus status, bool byNumber = false) => status switch
    {
        VerificationStatus.Valid => byNumber ? "该证明由出具单位出具，目前有效。" : "此证明由出具单位签发，内容未被改动，目前有效。",
        VerificationStatus.Superseded => byNumber
            ? "该证明已更正过一次，请核对您看到的证明是否为更正后的版本（扫描证明上的二维码可确认）。"
            : "此证明已被更正，您看到的是旧版本，请向家属索取更正后的新证明。",
        VerificationStatus.Revoked => "此证明已被出具单位撤销，不能再用于办理任何事务。",
        VerificationStatus.WrittenOff => "此火化证明由殡仪馆签发，确有火化；骨灰已安放（葬），证明已注销，不能再用于购买墓位或安葬。",
        VerificationStatus.NotFound => "没有与该编号和姓名相符的有效证明：请核对编号和姓名；如仍查不到，该证明可能无效，请勿据此办理事务，并联系下列单位。",
        _ => "无法验证此二维码：证明可能被伪造或改动，请勿据此办理事务。",
    };
}
