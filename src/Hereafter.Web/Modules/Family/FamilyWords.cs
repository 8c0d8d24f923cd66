using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Family;

/// <summary>The words of the admission pages: each status's word and explanation, and the relationship choices.</summary>
public static class FamilyWords
{
    public static string Word(AdmissionStatus status) => status switch
    {
        AdmissionStatus.Admitted => "已核实",
        AdmissionStatus.PendingProof => "待上传证明",
        AdmissionStatus.PendingReview => "审核中",
        AdmissionStatus.Rejected => "未通过",
        _ => status.ToString(),
    };

    public static string Explanation(AdmissionStatus status) => status switch
    {
        AdmissionStatus.Admitted => "亲属身份已核实，可以查看档案、申请办理。",
        AdmissionStatus.PendingProof => "需要上传亲属关系证明（户口簿、结婚证、出生医学证明等），由民政部门审核。",
        AdmissionStatus.PendingReview => "证明材料已上传，民政部门正在审核，结果会通知申请人。",
        AdmissionStatus.Rejected => "证明材料未通过审核（附原因），可以重新上传。",
        _ => "",
    };

    public static string Code(AdmissionStatus status) => EnumCodes<AdmissionStatus>.Code(status);

    public static IReadOnlyList<(string Code, string Label, string Explanation)> Legend(Texts t, params AdmissionStatus[] statuses) =>
        [.. (statuses.Length == 0 ? EnumCodes<AdmissionStatus>.All : statuses).Select(s => (Code(s), t[Word(s)], t[Explanation(s)]))];

    /// <summary>The relationship select's options: code and the word in the page's language.</summary>
    public static IReadOnlyList<(string Value, string Label)> RelationshipOptions(Texts t) =>
        [.. EnumCodes<Relationship>.All.Select(r => (EnumCodes<Relationship>.Code(r), t[r.ChineseName()]))];

    /// <summary>The relationship word of a code, in the page's language.</summary>
    public static string RelationshipWord(Texts t, string code) =>
        EnumCodes<Relationship>.TryParse(code, out var r) ? t[r.ChineseName()] : code;
}

[EnglishStrings]
internal static class FamilyWordStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = Build();

    private static Dictionary<string, string> Build()
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["已核实"] = "Confirmed",
            ["待上传证明"] = "Proof needed",
            ["审核中"] = "Being reviewed",
            ["未通过"] = "Not accepted",
            ["亲属身份已核实，可以查看档案、申请办理。"] = "Your relationship is confirmed: you can see the case and apply.",
            ["需要上传亲属关系证明（户口簿、结婚证、出生医学证明等），由民政部门审核。"] =
                "Proof of relationship is needed (household register, marriage or birth certificate): civil affairs reviews it.",
            ["证明材料已上传，民政部门正在审核，结果会通知申请人。"] = "The proof was uploaded and civil affairs is reviewing it; the applicant will be told the decision.",
            ["证明材料未通过审核（附原因），可以重新上传。"] = "The proof was not accepted (the reason is given); new proof can be uploaded.",
        };
        foreach (var r in EnumCodes<Relationship>.All) strings[r.ChineseName()] = r.EnglishName();
        return strings;
    }
}
