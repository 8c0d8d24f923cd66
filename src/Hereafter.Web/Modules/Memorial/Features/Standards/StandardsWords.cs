using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Memorial.Features.Standards;

/// <summary>Whether a page (or a version) is public: the status word, its code and what it means (Chinese; pages translate with <c>T[...]</c>).</summary>
public static class StandardsWords
{
    public static string Code(bool published) => published ? "published" : "unpublished";

    public static string Word(bool published) => published ? "公开" : "未公开";

    public static string Explanation(bool published) => published
        ? "在“丧事简办”页面列出，人人可查。"
        : "只有民政部门能看到，公开页面上没有。";

    public static IReadOnlyList<(string Code, string Label, string Explanation)> Legend(Texts t) =>
        [.. new[] { true, false }.Select(p => (Code(p), t[Word(p)], t[Explanation(p)]))];
}
