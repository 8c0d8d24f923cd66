using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Custody.Features.SuperviseCustody;

/// <summary>English for the bureau's page of the loop, its Excel header and its menu link.</summary>
[EnglishStrings]
internal static class SupervisionStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["遗体与骨灰监管"] = "Remains and ashes supervision",
        ["接运、存放、火化到安放（葬）的闭环：各环节数量、超期事项及原因，导出 Excel。"] = "The loop from pickup, storage and cremation to placement: counts by stage, what is overdue and why, Excel export.",
        ["遗体与骨灰监管仅限民政部门使用。"] = "Remains and ashes supervision is for civil affairs only.",
        ["接运、存放、火化到安放（葬）的闭环：各环节、各机构的数量，超期事项及原因。点击数字查看相应记录，点击记录查看其全过程。"] =
            "The loop from pickup, storage and cremation to placement: counts by stage and institution, and what is overdue and why. Select a number to see its records, and a record to see its whole timeline.",
        ["接运日期自"] = "Picked up from",
        ["接运日期至"] = "Picked up until",
        ["火化日期自"] = "Cremated from",
        ["火化日期至"] = "Cremated until",
        ["安放日期自"] = "Placed from",
        ["安放日期至"] = "Placed until",
        ["超期事项：{0}"] = "Overdue: {0}",
        ["机构"] = "Institution",
        ["全部机构"] = "All institutions",
        ["筛选"] = "Filter",
        ["各环节数量"] = "Records by stage",
        ["全部记录"] = "All records",
        ["超期事项"] = "Overdue",
        ["超期原因"] = "Why overdue",
        ["各机构数量"] = "Records by institution",
        ["所选范围内还没有遗体与骨灰记录。殡仪馆接运遗体后，记录会出现在这里。"] = "No remains and ashes records in this selection yet. Records appear here once a funeral home picks up a body.",
        ["查看全部"] = "See everything",
        ["超期"] = "Overdue",
        ["合计"] = "Total",
        ["没有超期事项：存放、骨灰安放和寄存都在期限内。"] = "Nothing is overdue: storage, placements and stored ashes are all within their periods.",
        ["没有符合条件的记录。"] = "No record matches.",
        ["逝者"] = "Deceased",
        ["证件号码"] = "ID number",
        ["环节"] = "Stage",
        ["自"] = "Since",
        ["翻页"] = "Pages",
        ["共 {0} 条，第 {1} 页"] = "{0} records, page {1}",
        ["上一页"] = "Previous",
        ["下一页"] = "Next",
        ["导出 Excel"] = "Export to Excel",
        ["{0}：超期事项"] = "{0}: overdue",
        ["{0}的记录"] = "Records: {0}",
        // Excel header.
        ["殡仪馆"] = "Funeral home",
        ["安放单位"] = "Placed by",
        ["接运时间"] = "Picked up at",
        ["进入该环节时间"] = "In this stage since",
        ["超期起始"] = "Overdue since",
        // Legend.
        ["遗体存放已超过期限（到馆起算的天数或登记的延期），且未延期。"] = "The body has been stored beyond its limit (the days from arrival, or the recorded extension).",
        ["骨灰交付后超过规定天数仍未确认安放（葬），须发提醒函和骨灰去向告知函。"] = "No placement was confirmed within the set days after the ashes' release: a reminder and a notice to the township are due.",
        ["骨灰寄存期满无人认领，或已转为无主骨灰。"] = "Stored ashes were not claimed within the period, or were marked unclaimed.",
    };
}
