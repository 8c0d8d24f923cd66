using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Custody;

/// <summary>English of the consent pages (counter and phone) and the cremation page.</summary>
[EnglishStrings]
internal static class CremationPageStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["遗体火化确认书"] = "Cremation consent",
        ["签署遗体火化确认书"] = "Sign the cremation consent",
        ["火化与火化证明"] = "Cremation and the cremation certificate",
        ["返回遗体记录"] = "Back to the record",
        ["逝者"] = "Deceased",
        ["死亡时间"] = "Time of death",
        ["死亡日期"] = "Date of death",
        ["身份证号码"] = "Citizen ID number",
        ["流程已冻结"] = "Frozen",
        ["死亡医学证明已被撤销，不能火化。"] = "The death certificate has been revoked; no cremation is possible.",
        ["确认书已记录。"] = "The consent has been recorded.",
        ["去办理火化"] = "Go to the cremation",
        ["已签署的确认书"] = "Signed consent",
        ["丧事承办人"] = "Person in charge",
        ["丧事承办人姓名"] = "Name of the person in charge",
        ["与逝者关系"] = "Relationship to the deceased",
        ["联系电话"] = "Phone",
        ["签署时间"] = "Signed at",
        ["签署方式"] = "Signed by",
        ["本人手机签署"] = "The person in charge, on their phone",
        ["柜台录入纸质确认书"] = "Paper consent entered at the counter",
        ["火化前可以重新签署，以最后一次为准。"] = "It may be signed again before the cremation; the latest signature counts.",
        ["请承办人在手机上签署"] = "Signing on the person in charge's phone",
        ["请丧事承办人用手机扫描下方二维码，以实名身份登录后签署。二维码两小时内有效，不含任何身份证号码。"] =
            "Ask the person in charge to scan this QR code with their phone, sign in with their real-name identity and sign. The code works for two hours and holds no ID number.",
        ["或在承办人的手机上打开此链接"] = "Or open this link on the person in charge's phone",
        ["录入纸质确认书"] = "Enter a signed paper consent",
        ["请选择"] = "Choose",
        ["北京时间"] = "China time",
        ["记录确认书"] = "Record the consent",
        ["没有找到这条遗体记录。"] = "No such record.",
        ["这个签署链接无效或已过期，请让殡仪馆工作人员重新出示二维码。"] = "This signing link is not valid or has expired: ask the funeral home staff to show the QR code again.",
        ["您已签署遗体火化确认书，殡仪馆已收到。"] = "You have signed the cremation consent; the funeral home has it.",
        ["本人作为丧事承办人，确认同意将下列逝者的遗体火化，所填信息真实。"] =
            "As the person in charge of the funeral, I consent to the cremation of the deceased named below and confirm that what I enter is true.",
        ["姓名和身份证号码取自您的实名登录，不能修改。"] = "Your name and ID number come from your real-name sign-in and cannot be changed.",
        ["签署确认书"] = "Sign the consent",
        ["火化"] = "Cremation",
        ["火化时间"] = "Cremated at",
        ["火化炉号"] = "Furnace",
        ["尚未签署遗体火化确认书：去签署"] = "The cremation consent is not signed yet: sign it",
        ["记录火化"] = "Record the cremation",
        ["火化证明"] = "Cremation certificate",
        ["出具火化证明"] = "Issue the cremation certificate",
        ["火化证明编号"] = "Cremation certificate number",
        ["出具日期"] = "Issued on",
        ["领取人"] = "Collected by",
        ["领取人身份证号码"] = "Collector's citizen ID number",
        ["领取时间"] = "Collected at",
        ["补发时间"] = "Reissued at",
        ["补发原因"] = "Reason for the reissue",
        ["下载火化证明（PDF）"] = "Download the cremation certificate (PDF)",
        ["登记领取"] = "Record the collection",
        ["领取人姓名"] = "Collector's name",
        ["补发"] = "Reissue",
        ["火化证明只能补发一次，且只交给首次领取人本人：请核对其身份证。"] =
            "The certificate may be reissued once, and only to the person who first collected it: check their ID card.",
        ["首次领取人身份证号码"] = "Citizen ID number of the first collector",
        ["补发火化证明"] = "Reissue the certificate",
        ["火化已记录。"] = "The cremation has been recorded.",
        ["火化证明已出具。"] = "The cremation certificate has been issued.",
        ["领取已登记。"] = "The collection has been recorded.",
        ["火化证明已补发，请下载打印补发的证明。"] = "The certificate has been reissued: download and print the reissued certificate.",
    };
}
