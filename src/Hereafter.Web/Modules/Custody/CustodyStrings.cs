using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Custody;

/// <summary>English of the closed loop's pages (counter part: the counter, the record page, the status words).</summary>
[EnglishStrings]
internal static class CustodyStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Menu
        ["接运与存放"] = "Pickup and storage",
        ["选择本馆的身后事、扫码或输入证明编号登记接运，查看在馆遗体和超期存放。"] = "Cases that chose this funeral home, pickup by QR code or certificate number, bodies in your care and those over the storage limit.",
        // Status words
        ["超期存放"] = "Over the storage limit",
        ["已超过存放期限且未办理延期：请尽快火化或登记延长存放及原因，民政部门可见。"] = "Past the storage limit without an extension: cremate soon or record an extension with its reason. The bureau sees this.",
        ["已冻结"] = "Frozen",
        ["死亡医学证明在接运后被撤销：除延长存放外不能办理后续环节，请联系出具单位。"] = "The death certificate was revoked after pickup: no step but a storage extension can be recorded. Contact the issuer.",
        ["已接运，遗体尚未到馆入库。"] = "Picked up; the body has not yet arrived at the funeral home.",
        ["遗体已到馆存放，存放期限从到馆时起算。"] = "The body is stored at the funeral home; the storage limit counts from its arrival.",
        ["已火化，等待出具火化证明和确定骨灰去向。"] = "Cremated; the cremation certificate and the ashes' destination come next.",
        ["骨灰已交付，等待公墓或骨灰堂登记安放（葬）。"] = "Ashes handed over; waiting for the cemetery or columbarium to record the placement.",
        ["骨灰寄存在殡仪馆。"] = "The ashes are stored at the funeral home.",
        ["已安放（葬），闭环完成。"] = "Placed: the loop is closed.",
        ["骨灰寄存期满无人认领，按无主骨灰处理。"] = "Stored ashes unclaimed past the period: handled as unclaimed ashes.",
        // Counter
        ["接运与存放仅限殡仪馆使用。"] = "Pickup and storage is for funeral homes only.",
        ["登记接运"] = "Record a pickup",
        ["只能凭有效的死亡医学证明接运。用扫码枪扫描证明上的二维码，或输入证明编号。"] = "A body is picked up only against a valid death certificate. Scan the QR code on the certificate, or type its number.",
        ["打开已有记录"] = "Open the existing record",
        ["证明二维码或编号"] = "Certificate QR code or number",
        ["扫码内容或证明编号（一般为死者的居民身份证号码）均可，系统自动识别。"] = "Either the scanned code or the certificate number (usually the deceased's citizen ID number): the system tells them apart.",
        ["接运时间（北京时间）"] = "Pickup time (Beijing time)",
        ["接运地点"] = "Collected from",
        ["在馆遗体与骨灰"] = "Bodies and ashes in your care",
        ["本馆目前没有在办的遗体或骨灰。登记接运后会列在这里。"] = "No bodies or ashes are in your care. They are listed here once a pickup is recorded.",
        ["接运时间"] = "Picked up",
        ["存放期限"] = "Storage limit",
        ["选择本馆的身后事"] = "Cases that chose this funeral home",
        ["家属选择本馆后由民政部门登记，凭死亡医学证明接运。"] = "Civil affairs records the family's choice of this funeral home; pick up against the death certificate.",
        ["目前没有选择本馆的身后事。家属选择本馆后会列在这里；也可直接凭证明登记接运。"] = "No case has chosen this funeral home yet. Cases appear here once a family chooses it; you can also record a pickup against a certificate directly.",
        ["查看记录"] = "Open the record",
        ["尚未接运：接运时请扫描或输入家属出示的证明。"] = "Not picked up yet: scan or type the certificate the family presents.",
        // Record page
        ["遗体与骨灰记录"] = "Remains and ashes record",
        ["返回接运与存放"] = "Back to pickup and storage",
        ["殡仪馆"] = "Funeral home",
        ["到馆时间"] = "Arrived",
        ["到馆入库"] = "Arrival",
        ["登记到馆后开始计算存放期限。"] = "Recording the arrival starts the storage limit.",
        ["到馆时间（北京时间）"] = "Arrival time (Beijing time)",
        ["登记到馆"] = "Record the arrival",
        ["延长存放"] = "Extend storage",
        ["须写明原因；新的期限须晚于当前期限。延长记录在时间线上，民政部门可见。"] = "Give the reason; the new limit must be later than the current one. The extension is logged on the timeline, which the bureau sees.",
        ["延长至（北京时间）"] = "Extend until (Beijing time)",
        ["延长原因"] = "Reason for the extension",
        ["后续环节"] = "Next steps",
        ["遗体火化确认书"] = "Cremation consent",
        ["火化与火化证明"] = "Cremation and cremation certificate",
        ["骨灰去向与交付"] = "Ashes: destination and release",
        ["一证三书一函"] = "Documents of the loop",
        ["已完成"] = "Completed",
        ["尚未完成"] = "To do",
        ["不适用"] = "Not applicable",
        ["时间线"] = "Timeline",
        ["地点"] = "Place",
        ["凭证"] = "Document",
        ["已登记接运。"] = "Pickup recorded.",
        ["已登记到馆，开始计算存放期限。"] = "Arrival recorded; the storage limit runs from now on.",
        ["已延长存放期限。"] = "Storage limit extended.",
    };
}
