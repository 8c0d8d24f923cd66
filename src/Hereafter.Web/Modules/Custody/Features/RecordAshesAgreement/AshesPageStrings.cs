using Hereafter.Domain.Custody;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Custody.Features.RecordAshesAgreement;

/// <summary>English of the ashes part's pages (/custody/{id}/ashes, /custody/burials, /supervision/custody/follow-up).</summary>
[EnglishStrings]
internal static class AshesPageStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["骨灰安放与交付"] = "Ashes: agreement and release",
        ["只有接运遗体的殡仪馆可以办理骨灰安放和交付。"] = "Only the funeral home holding the remains records the ashes' agreement and release.",
        ["返回记录"] = "Back to the record",
        ["逝者"] = "Deceased",
        ["当前状态"] = "Current state",
        ["骨灰安放（葬）协议"] = "Ashes placement agreement",
        ["尚未签订。"] = "Not recorded yet.",
        ["骨灰去向"] = "Destination",
        ["接收单位"] = "Receiving institution",
        ["墓位（格位）号"] = "Plot or niche",
        ["骨灰去向承诺书"] = "Undertaking on the ashes' destination",
        ["已签署"] = "Signed",
        ["请选择"] = "Choose",
        ["不指定"] = "None",
        ["家属带回时必填：粘贴或录入家属签署的承诺书内容。"] = "Required when the family takes the ashes home: the text of the undertaking they signed.",
        ["公墓墓位、骨灰堂格位必选。"] = "Required for a cemetery plot or a columbarium niche.",
        ["保存协议"] = "Save the agreement",
        ["已保存骨灰安放（葬）协议。"] = "The agreement is saved.",
        ["骨灰交付"] = "Release of the ashes",
        ["交付时间（北京时间）"] = "Released at (Beijing time)",
        ["领取人"] = "Received by",
        ["确认交付"] = "Confirm the release",
        ["骨灰已交付。"] = "The ashes are released.",
        ["交付于"] = "Released on",
        ["安葬与墓位销售"] = "Burials and plot sales",
        ["凭有效的死亡医学证明或火化证明登记安葬、销售墓位（格位）。安葬登记后火化证明即注销，流程闭环。"] =
            "Record a burial or a plot sale against an active death certificate or cremation certificate. A burial writes the cremation certificate off and closes the loop.",
        ["只有公墓、骨灰堂可以使用此页面。"] = "Only cemeteries and columbaria can use this page.",
        ["登记安葬"] = "Record a burial",
        ["登记墓位销售"] = "Record a plot sale",
        ["死亡医学证明编号"] = "Death certificate number",
        ["火化证明编号"] = "Cremation certificate number",
        ["二者填一个。"] = "Enter one of the two.",
        ["安葬时间（北京时间）"] = "Buried at (Beijing time)",
        ["销售时间（北京时间）"] = "Sold at (Beijing time)",
        ["已登记安葬，流程已闭环。"] = "The burial is recorded; the loop is closed.",
        ["已登记墓位销售。"] = "The plot sale is recorded.",
        ["本单位的记录"] = "This institution's records",
        ["还没有安葬或墓位销售记录。"] = "No burials or plot sales yet.",
        ["安葬"] = "Burial",
        ["墓位销售"] = "Plot sale",
        ["依据"] = "Document",
        ["死亡医学证明"] = "Death certificate",
        ["火化证明"] = "Cremation certificate",
        ["时间"] = "Time",
        ["登记人"] = "Recorded by",
        ["时间格式应为 年-月-日 时:分"] = "Use the format yyyy-mm-dd hh:mm",
        ["骨灰去向跟踪"] = "Follow-up of ashes",
        // Menu and home-page lines (AshesLinks).
        ["凭有效的死亡医学证明或火化证明登记安葬、销售墓位（格位），查看本单位的安葬记录。"] =
            "Record burials and plot sales against an active death certificate or cremation certificate; see this institution's burials.",
        ["骨灰交付后逾期未安放的提醒函和骨灰去向告知函，以及无主骨灰。"] =
            "Reminder letters and notices to townships for released ashes not placed in time, and unclaimed ashes.",
        ["骨灰交付后逾期未安放的，系统为每条记录生成一封提醒函（致丧事承办人）和一封骨灰去向告知函（致户籍地乡镇、街道）。打印寄出后标记为已寄出。"] =
            "When released ashes are not placed in time, the platform writes one reminder letter (to the person in charge) and one notice (to the township of household registration) per record. Print, send, then mark them sent.",
        ["只有民政部门可以查看骨灰去向跟踪。"] = "Only the civil-affairs bureau can see the follow-up of ashes.",
        ["待寄出的函件"] = "Letters to send",
        ["已寄出的函件"] = "Letters sent",
        ["没有待寄出的函件。"] = "No letters to send.",
        ["没有已寄出的函件。"] = "No letters sent yet.",
        ["提醒函"] = "Reminder letter",
        ["骨灰去向告知函"] = "Notice to the township",
        ["收件人"] = "To",
        ["殡仪馆"] = "Funeral home",
        ["生成于"] = "Written on",
        ["寄出于"] = "Sent on",
        ["下载 PDF"] = "Download PDF",
        ["标记为已寄出"] = "Mark as sent",
        ["已标记为已寄出。"] = "Marked as sent.",
        ["无主骨灰"] = "Unclaimed ashes",
        ["没有无主骨灰。"] = "No unclaimed ashes.",
        ["寄存于"] = "Stored on",
        ["转为无主骨灰于"] = "Unclaimed since",
        ["查看记录"] = "View the record",
        ["待寄出"] = "To send",
        ["已寄出"] = "Sent",
        ["函件已生成，尚未寄出。"] = "Written, not sent yet.",
        ["函件已寄出。"] = "The letter was sent.",
    };
}
