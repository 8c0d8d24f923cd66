namespace Hereafter.Domain.Certificates;

/// <summary>One entry of a form code list: the code as carried in JSON, its Chinese and English label.</summary>
public sealed record CodeEntry(string Code, string Chinese, string English)
{
    /// <summary>The label in English or, by default, Chinese.</summary>
    public string Label(bool english) => english ? English : Chinese;
}

/// <summary>The national form's code lists (国卫规划发〔2026〕5号), as strings.</summary>
public static class CodeLists
{
    public static readonly IReadOnlyList<CodeEntry> Sex =
    [
        new("1", "男", "male"), new("2", "女", "female"), new("0", "未知的性别", "unknown"), new("9", "未说明的性别", "unspecified"),
    ];

    public static readonly IReadOnlyList<CodeEntry> IdType =
    [
        new("1", "居民身份证", "resident identity card"), new("2", "护照", "passport"), new("9", "其他", "other"),
    ];

    public static readonly IReadOnlyList<CodeEntry> PlaceType =
    [
        new("1", "医疗卫生机构", "medical institution"), new("2", "来院途中", "on the way to hospital"),
        new("3", "家中", "home"), new("4", "养老服务机构", "elder-care facility"),
        new("9", "其他场所", "other place"), new("0", "不详", "unknown"),
    ];

    public static readonly IReadOnlyList<CodeEntry> PregnancyStatus =
    [
        new("1", "妊娠期", "pregnant"), new("2", "妊娠终止后42天内", "within 42 days after pregnancy"),
        new("3", "否", "neither"), new("9", "不详", "unknown"),
    ];

    public static readonly IReadOnlyList<CodeEntry> MaritalStatus =
    [
        new("1", "未婚", "unmarried"), new("2", "已婚", "married"), new("3", "丧偶", "widowed"),
        new("4", "离婚", "divorced"), new("9", "未说明的婚姻状况", "unspecified"),
    ];

    public static readonly IReadOnlyList<CodeEntry> Education =
    [
        new("1", "研究生", "postgraduate"), new("2", "大学", "university"), new("3", "大专", "college"),
        new("4", "中专/高中", "secondary or high school"), new("5", "初中", "junior middle school"),
        new("6", "小学", "primary school"), new("7", "文盲", "illiterate"), new("9", "不详", "unknown"),
    ];

    public static readonly IReadOnlyList<CodeEntry> DiagnosisBasis =
    [
        new("1", "尸检", "autopsy"), new("2", "病理", "pathology"), new("3", "手术", "surgery"),
        new("4", "临床+理化", "clinical with laboratory or imaging"), new("5", "临床", "clinical only"),
        new("6", "死后推断", "verbal autopsy or inference"), new("9", "不详", "unknown"),
    ];

    public static readonly IReadOnlyList<CodeEntry> HighestDiagnosisLevel =
    [
        new("1", "三级医院", "tertiary hospital"), new("2", "二级医院", "secondary hospital"),
        new("3", "乡镇卫生院/社区卫生服务机构", "primary hospital or health centre"),
        new("4", "村卫生室", "village clinic"), new("9", "其他/不详", "unknown"),
    ];

    public static readonly IReadOnlyList<CodeEntry> Manner =
    [
        new("1", "自然死亡", "natural"), new("2", "意外", "accident"), new("3", "自杀", "suicide"),
        new("4", "他杀", "homicide"), new("5", "待调查", "pending investigation"), new("9", "不详", "unknown"),
    ];

    public static readonly IReadOnlyList<CodeEntry> IntervalUnit =
    [
        new("minutes", "分钟", "minutes"), new("hours", "小时", "hours"), new("days", "天", "days"),
        new("months", "月", "months"), new("years", "年", "years"),
    ];

    public static readonly IReadOnlyList<CodeEntry> CauseLine =
    [
        new("a", "(a) 直接死亡原因", "(a) immediate cause"), new("b", "(b) 引起(a)的疾病或情况", "(b) due to (a)"),
        new("c", "(c) 引起(b)的疾病或情况", "(c) due to (b)"), new("d", "(d) 引起(c)的疾病或情况", "(d) due to (c)"),
    ];

    /// <summary>The Chinese label of a code, or the code itself when it is not in the list.</summary>
    public static string Chinese(IReadOnlyList<CodeEntry> list, string? code) =>
        list.FirstOrDefault(e => e.Code == code)?.Chinese ?? code ?? "";

    public static string English(IReadOnlyList<CodeEntry> list, string? code) =>
        list.FirstOrDefault(e => e.Code == code)?.English ?? code ?? "";

    /// <summary>The label of a code in English or, by default, Chinese; the code itself when it is not in the list.</summary>
    public static string Label(IReadOnlyList<CodeEntry> list, string? code, bool english) => english ? English(list, code) : Chinese(list, code);

    public static bool Contains(IReadOnlyList<CodeEntry> list, string? code) => list.Any(e => e.Code == code);
}
