using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Memorial.Features.Standards;

/// <summary>English for the standards pages' chrome (the pages' own content stays as the bureau wrote it).</summary>
[EnglishStrings]
internal static class StandardsStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Public pages.
        ["丧事简办"] = "Simple funerals",
        ["民政部门发布的移风易俗标准和倡议：丧事从简、文明祭扫、节地生态安葬。"] =
            "Standards and guidance from civil affairs for changing old customs: simple funerals, civil tomb sweeping, land-saving green burial.",
        ["民政部门还没有发布标准页面。"] = "Civil affairs has not published any standards pages yet.",
        ["更新于 {0}"] = "Updated {0}",
        ["管理标准页面"] = "Manage the standards pages",
        ["没有这个标准页面：地址可能有误，或页面已撤下。"] = "There is no such standards page: the address may be mistyped, or the page was withdrawn.",
        ["全部标准页面"] = "All standards pages",
        ["位置"] = "You are here",
        ["编辑此页面"] = "Edit this page",
        // Status words.
        ["公开"] = "Public",
        ["未公开"] = "Not public",
        ["在“丧事简办”页面列出，人人可查。"] = "Listed on the simple funerals page, open to everyone.",
        ["只有民政部门能看到，公开页面上没有。"] = "Only civil affairs sees it; it is not on the public pages.",
        // The bureau's pages.
        ["丧事简办标准管理"] = "Standards pages",
        ["编辑公开的丧事简办、文明祭扫等标准页面，保留每一版及修改人和时间。"] =
            "Edit the public pages on simple funerals, civil tomb sweeping and more (Markdown); every version is kept with who saved it and when.",
        ["丧事简办标准页面由民政部门编辑。"] = "Only civil affairs edits the standards pages.",
        ["公开的丧事简办、文明祭扫等标准页面。每次保存都是新的一版，记录修改人和时间，旧版本随时可以查看和恢复。"] =
            "The public pages on simple funerals, civil tomb sweeping and more. Every save is a new version with who saved it and when; earlier versions can be viewed and restored at any time.",
        ["新建页面"] = "New page",
        ["还没有标准页面。新建页面后，公开的页面会列在“丧事简办”页面上。"] = "No standards pages yet. Public pages you create are listed on the simple funerals page.",
        ["第 {0} 版，{1} 保存"] = "Version {0}, saved {1}",
        ["查看公开的丧事简办页面"] = "See the public simple funerals pages",
        ["没有这个标准页面：地址可能有误。"] = "There is no such standards page: the address may be mistyped.",
        ["查看公开页面"] = "See the public page",
        ["已保存为第 {0} 版。"] = "Saved as version {0}.",
        ["下面的内容取自第 {0} 版（{1}）；保存后成为新的一版。"] = "The text below is version {0} ({1}); saving it makes a new version.",
        ["页面地址"] = "Page address",
        ["公开网址的最后一段：只用小写英文字母、数字和连字符（-），创建后不能修改。"] =
            "The last part of the public address: lower-case latin letters, digits and hyphens (-) only. It cannot be changed later.",
        ["标题"] = "Title",
        ["正文"] = "Text",
        ["排版：## 小标题，- 列表，1. 编号列表，**加粗**，[链接文字](网址)，用 | 分隔表格的列。输入的网页标签会原样显示为文字。"] =
            "Markdown: ## heading, - list, 1. numbered list, **bold**, [link text](address), | between table columns. HTML tags typed show as text.",
        ["公开（在“丧事简办”页面列出，人人可查）"] = "Public (listed on the simple funerals page, open to everyone)",
        ["预览"] = "Preview",
        ["当前的第 {0} 版（{1} 保存）"] = "The current version {0} (saved {1})",
        ["第 {0} 版的原文"] = "Markdown of version {0}",
        ["预览（尚未保存）"] = "Preview (not saved yet)",
        ["修改记录"] = "History",
        ["当前版本"] = "Current version",
        ["新建标准页面"] = "New standards page",
        ["编辑标准页面"] = "Edit a standards page",
        ["第 {0} 版"] = "Version {0}",
        ["{0} 保存"] = "Saved {0}",
        ["当前为第 {0} 版"] = "The current version is {0}",
        ["以此版本为基础编辑"] = "Edit starting from this version",
    };
}
