using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Memorial.Features.SuperviseMemorial;

/// <summary>English for the bureau's booking figures, their Excel header and the menu link.</summary>
[EnglishStrings]
internal static class SupervisionMemorialStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["预约祭扫统计"] = "Tomb-sweeping booking figures",
        ["各公墓、骨灰堂每天的开放时段、预约、取消和入园人数，导出 Excel。"] = "Each cemetery's and columbarium's slots, bookings, cancellations and visitors per day; Excel export.",
        ["预约祭扫统计仅限民政部门查看。"] = "Booking figures are for civil affairs only.",
        ["各公墓、骨灰堂每天的开放时段、可约人数、预约、取消和入园情况（北京时间日期）。未选日期时显示今天前后各 14 天。"] =
            "Each cemetery's and columbarium's slots, places, bookings, cancellations and visits per day (China dates). Without dates, 14 days either side of today.",
        ["日期范围"] = "Period",
        ["起始日期"] = "From",
        ["截止日期"] = "To",
        ["{0} 至 {1} 合计"] = "Totals, {0} to {1}",
        ["开放时段"] = "Slots",
        ["可约人数"] = "Places",
        ["已约人数"] = "People booked",
        ["有效预约"] = "Bookings",
        ["入园次数"] = "Visits",
        ["入园人数"] = "Visitors",
        ["有效预约的人数合计（取消的不计）。"] = "The people in standing bookings (cancelled ones not counted).",
        ["在园门扫码核验的预约数；入园人数为这些预约的人数合计。"] = "Bookings whose pass was scanned at the gate; visitors are the people in those bookings.",
        ["所选日期内没有公墓或骨灰堂发布预约日。公墓发布预约日后，统计会出现在这里。"] =
            "No cemetery or columbarium published a booking day in this period. Figures appear here once a site publishes one.",
        ["今天前后各 14 天"] = "14 days either side of today",
        ["日期"] = "Date",
        ["公墓（骨灰堂）"] = "Cemetery or columbarium",
    };
}
