using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Certificates.Features.VerifyCertificate;

[EnglishStrings]
internal static class VerifyCertificateStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["居民死亡医学证明验证"] = "Death certificate verification",
        ["有效"] = "Valid",
        ["已更正（此为旧版本）"] = "Corrected (this is an old version)",
        ["已撤销"] = "Revoked",
        ["无效或伪造"] = "Invalid or forged",
        ["此证明由出具单位签发，内容未被改动，目前有效。"] = "This certificate was signed by its issuer, has not been altered and is currently valid.",
        ["此证明已被更正，您看到的是旧版本，请向家属索取更正后的新证明。"] = "This certificate has been corrected and this is the old version: ask the family for the corrected certificate.",
        ["此证明已被出具单位撤销，不能再用于办理任何事务。"] = "The issuer has revoked this certificate; it may no longer be used for any purpose.",
        ["无法验证此二维码：证明可能被伪造或改动，请勿据此办理事务。"] = "This QR code cannot be verified: the certificate may be forged or altered. Do not rely on it.",
        ["死者姓名"] = "Name of the deceased",
        ["身份证件号码"] = "ID number",
        ["无（身份不明）"] = "None (unidentified)",
        ["死亡日期"] = "Date of death",
        ["出具单位"] = "Issued by",
        ["本页仅显示经遮蔽的信息。证明内容以出具单位的记录为准。"] = "This page shows masked data only. The issuer's record is authoritative.",
    };
}
