using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Family;

/// <summary>English of the family home, the proof upload and civil affairs' review pages.</summary>
[EnglishStrings]
internal static class AdmissionPageStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Family home and the proof upload.
        ["亲人离世后的各项事务在这里一次申请：先找到逝者的档案，核实亲属身份后即可办理。"] =
            "Apply here once for everything that follows a death: find the deceased's case first; once your relationship is confirmed you can apply.",
        ["已找到档案，您是证明上登记的家属联系人，身份已核实。"] = "Case found. You are the family contact named on the certificate, so your relationship is confirmed.",
        ["已找到档案。您不是证明上登记的家属联系人，请上传亲属关系证明，民政部门审核后即可办理。"] =
            "Case found. You are not the family contact named on the certificate: upload proof of your relationship, and you can apply once civil affairs has reviewed it.",
        ["查看档案并申请办理"] = "See the case and apply",
        ["上传亲属关系证明"] = "Upload proof of relationship",
        ["我可以办理的档案"] = "Cases you can act on",
        ["还没有可以办理的档案。请在下方填写证明编号和逝者姓名查找。"] = "No cases yet. Find one below with the certificate number and the deceased's name.",
        ["查找档案"] = "Find a case",
        // The family home's memorial services (links into the memorial module's pages)
        ["选择公墓或骨灰堂、日期和时段，实名预约，入园时出示二维码。"] = "Choose a cemetery or columbarium, a day and a slot, book in your real name and show the QR code at the gate.",
        ["查看祭扫预约凭证，不能前往时取消预约。"] = "See your visit passes, and cancel when you cannot go.",
        ["代祭扫"] = "Proxy sweeping",
        ["请公墓、骨灰堂代为清洁墓碑、献花，完成后在订单中查看照片。"] = "Ask the cemetery or columbarium to clean the headstone or lay flowers for you, and see the photos on the order when it is done.",
        ["与逝者关系"] = "Relationship to the deceased",
        ["查看进度、申请办理"] = "See progress and apply",
        ["待核实的申请"] = "Claims being checked",
        ["下一步：上传亲属关系证明"] = "Next: upload proof of relationship",
        ["查看退回原因，重新上传证明"] = "See why it was not accepted and upload new proof",
        ["等待民政部门审核，结果会短信通知您"] = "Civil affairs is reviewing it; you will get a text message with the decision",
        ["证明编号就是逝者的身份证号码，印在居民死亡医学证明上。"] = "The certificate number is the deceased's citizen ID number, printed on the medical certificate of death.",
        ["证明编号（逝者身份证号码）"] = "Certificate number (the deceased's ID number)",
        ["逝者姓名"] = "Deceased's name",
        ["您与逝者的关系"] = "Your relationship to the deceased",
        ["查找"] = "Find",
        ["返回家属办事"] = "Back to family services",
        ["您的亲属身份已核实，无需上传证明。"] = "Your relationship is confirmed: no proof is needed.",
        ["没有找到这项申请。请回到家属办事页面，用证明编号和逝者姓名查找档案。"] =
            "This claim was not found. Go back to family services and find the case with the certificate number and the deceased's name.",
        ["证明材料已提交，民政部门审核后会短信通知您。"] = "Your proof was sent. You will get a text message once civil affairs has reviewed it.",
        ["证明材料正在审核中，审核结果会短信通知您。"] = "Your proof is being reviewed. You will get a text message with the decision.",
        ["请上传能证明您与逝者亲属关系的材料，如户口簿、结婚证、出生医学证明的照片或扫描件。"] =
            "Upload a photo or scan that proves your relationship to the deceased, such as the household register, a marriage certificate or a birth certificate.",
        ["证明材料"] = "Proof",
        ["PDF、JPEG 或 PNG 格式，不超过 5 MB。"] = "PDF, JPEG or PNG, at most 5 MB.",
        ["上传"] = "Upload",

        // Civil affairs' review.
        ["家属身份审核"] = "Family admissions",
        ["审核家属上传的亲属关系证明：通过，或写明原因退回。"] = "Review the proof of relationship relatives upload: accept it, or reject it with a reason.",
        ["家属身份审核仅限民政部门的经办人员和监管人员使用。"] = "Family admissions are reviewed by civil-affairs clerks and supervisors only.",
        ["家属不是证明上登记的家属联系人时，须上传亲属关系证明。请逐条查看证明材料，核实后通过，或写明原因退回。"] =
            "A relative who is not the family contact named on the certificate must upload proof of relationship. Check each proof, then accept it or reject it with a reason.",
        ["没有待审核的申请。家属上传亲属关系证明后，申请会出现在这里。"] = "Nothing to review. Claims appear here once a relative uploads proof of relationship.",
        ["查看身后事档案"] = "See the death cases",
        ["关系"] = "Relationship",
        ["仅显示最早的 {0} 条申请。"] = "Only the {0} oldest claims are shown.",
        ["没有找到这项申请"] = "Claim not found",
        ["返回待审核列表"] = "Back to the review list",
        ["已通过：申请人已获准办理该档案，并已收到通知。"] = "Accepted: the applicant may now act on the case and has been told.",
        ["已退回：申请人已收到通知和退回原因，可以重新上传证明。"] = "Rejected: the applicant has been told the reason and may upload new proof.",
        ["申请人"] = "Applicant",
        ["申请时间"] = "Claimed at",
        ["退回原因"] = "Reason for rejecting",
        ["亲属关系证明"] = "Proof of relationship",
        ["申请人上传的亲属关系证明"] = "The proof of relationship the applicant uploaded",
        ["在新窗口打开证明材料"] = "Open the proof in a new window",
        ["申请人还没有上传证明材料。"] = "The applicant has not uploaded proof yet.",
        ["证明材料能够证明申请人与逝者的亲属关系时，通过审核。"] = "Accept when the proof shows the applicant's relationship to the deceased.",
        ["通过"] = "Accept",
        ["审核结论"] = "Decision",
        ["退回申请"] = "Reject",
        ["申请人会看到这段话，请写明需要补充或更正什么。"] = "The applicant will read this: say what to add or correct.",
        ["PDF 文件"] = "PDF file",
        ["图片"] = "Picture",
    };
}
