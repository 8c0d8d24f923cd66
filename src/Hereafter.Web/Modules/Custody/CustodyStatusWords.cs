using Hereafter.Domain.Custody;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Custody;

/// <summary>
/// The status words of the closed loop's pages with the sentence that explains each (Chinese keys; English in
/// <see cref="CustodyStrings"/>), for <c>StatusBadge</c> and <c>StatusLegend</c>.
/// </summary>
public static class CustodyStatusWords
{
    /// <summary>The badge code of a body in storage past its limit.</summary>
    public const string OverLimit = "over-limit";
    public const string OverLimitWord = "超期存放";
    public const string OverLimitExplanation = "已超过存放期限且未办理延期：请尽快火化或登记延长存放及原因，民政部门可见。";

    /// <summary>The badge code of a record frozen because its certificate was revoked.</summary>
    public const string Frozen = "frozen";
    public const string FrozenWord = "已冻结";
    public const string FrozenExplanation = "死亡医学证明在接运后被撤销：除延长存放外不能办理后续环节，请联系出具单位。";

    public static string Explanation(CustodyState state) => state switch
    {
        CustodyState.PickedUp => "已接运，遗体尚未到馆入库。",
        CustodyState.InStorage => "遗体已到馆存放，存放期限从到馆时起算。",
        CustodyState.Cremated => "已火化，等待出具火化证明和确定骨灰去向。",
        CustodyState.AshesReleased => "骨灰已交付，等待公墓或骨灰堂登记安放（葬）。",
        CustodyState.AshesStored => "骨灰寄存在殡仪馆。",
        CustodyState.Placed => "已安放（葬），闭环完成。",
        CustodyState.Unclaimed => "骨灰寄存期满无人认领，按无主骨灰处理。",
        _ => "",
    };

    /// <summary>The state's word in the page's language.</summary>
    public static string Word(CustodyState state) => Texts.IsEnglish ? state.EnglishName() : state.ChineseName();

    /// <summary>The step's name in the page's language.</summary>
    public static string Word(CustodyStep step) => Texts.IsEnglish ? step.EnglishName() : step.ChineseName();

    /// <summary>The document's name in the page's language.</summary>
    public static string Word(CustodyDocument document) => Texts.IsEnglish ? document.EnglishName() : document.ChineseName();

    /// <summary>Every word the pages show, in the page's language, for <c>StatusLegend</c>.</summary>
    public static IReadOnlyList<(string Code, string Label, string Explanation)> Legend(Texts t) =>
    [
        .. Enum.GetValues<CustodyState>().Select(s => (s.ToCode(), Word(s), t[Explanation(s)])),
        (OverLimit, t[OverLimitWord], t[OverLimitExplanation]),
        (Frozen, t[FrozenWord], t[FrozenExplanation]),
    ];
}
