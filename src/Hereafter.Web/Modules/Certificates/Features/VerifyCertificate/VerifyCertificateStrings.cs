using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Certificates.Features.VerifyCertificate;

[EnglishStrings]
internal static class VerifyCertificateStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["居民死亡医学证明验证"] = "Death certificate verification",
        ["火化证明验证"] = "Cremation certificate verification",
        ["此火化证明已补发，您看到的是被替换的旧证明，请以补发的证明为准。"] = "This cremation certificate has been reissued and this is the replaced paper: rely on the reissued certificate.",
        ["火化证明编号"] = "Cremation certificate number",
        ["火化日期"] = "Date of cremation",
        ["有效"] = "Valid",
        ["已更正（此为旧版本）"] = "Corrected (this is an old version)",
        ["已撤销"] = "Revoked",
        ["已注销（骨灰已安放）"] = "Written off (ashes placed)",
        ["无效或伪造"] = "Invalid or forged",
        ["此证明由出具单位签发，内容未被改动，目前有效。"] = "This certificate was signed by its issuer, has not been altered and is currently valid.",
        ["此证明已被更正，您看到的是旧版本，请向家属索取更正后的新证明。"] = "This certificate has been corrected and this is the old version: ask the family for the corrected certificate.",
        ["此证明已被出具单位撤销，不能再用于办理任何事务。"] = "The issuer has revoked this certificate; it may no longer be used for any purpose.",
        ["此火化证明由殡仪馆签发，确有火化；骨灰已安放（葬），证明已注销，不能再用于购买墓位或安葬。"] =
            "The funeral home issued this cremation certificate and the cremation took place; the ashes have been placed, so the certificate is written off and cannot be used for a plot or a burial again.",
        ["无法验证此二维码：证明可能被伪造或改动，请勿据此办理事务。"] = "This QR code cannot be verified: the certificate may be forged or altered. Do not rely on it.",
        ["死者姓名"] = "Name of the deceased",
        ["身份证件号码"] = "ID number",
        ["无（身份不明）"] = "None (unidentified)",
        ["死亡日期"] = "Date of death",
        ["出具单位"] = "Issued by",
        ["本页仅显示经遮蔽的信息。证明内容以出具单位的记录为准。"] = "This page shows masked data only. The issuer's record is authoritative.",
        ["扫描证明上的二维码即可验证。没有二维码时，可输入证明编号和死者姓名查询证明是否有效。"] = "Scan the QR code on the certificate to verify it. Without a QR code, enter the certificate number and the name of the deceased to check whether it is in force.",
        ["一般为死者的居民身份证号码。"] = "Usually the deceased's citizen ID number.",
        ["请输入死者姓名"] = "Enter the name of the deceased",
        ["有效（已更正过）"] = "Valid (corrected once)",
        ["未找到"] = "Not found",
        ["该证明由出具单位出具，目前有效。"] = "The certificate was issued by the organisation named below and is currently in force.",
        ["该证明已更正过一次，请核对您看到的证明是否为更正后的版本（扫描证明上的二维码可确认）。"] = "The certificate has been corrected once: check that the paper you hold is the corrected version (scanning its QR code tells you).",
        ["没有与该编号和姓名相符的有效证明：请核对编号和姓名；如仍查不到，该证明可能无效，请勿据此办理事务，并联系下列单位。"] = "No certificate matches this number and name. Check both; if it still cannot be found the certificate may not be genuine: do not rely on it, and contact the office below.",
        ["请联系"] = "Whom to contact",
        ["民政部门"] = "Civil affairs",
        ["当地民政局"] = "Your local civil affairs bureau",
        ["按证明编号和死者姓名查询"] = "Check by certificate number and name instead",
    };
}
