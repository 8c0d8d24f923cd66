using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>
/// A task's element id on the case detail page, which the case list's tiles link to: <c>task-police</c> for a department's
/// notification task (as before family items existed), <c>task-social-security-pension</c> for an item, and for an item
/// asked of one organisation (a bank) its id as well.
/// </summary>
public static class CaseTaskAnchor
{
    public static string Of(CaseTaskDto task) => task.Item == CaseTaskItem.Notification
        ? $"task-{task.Department.ToCode()}"
        : task.OrganisationId is { } org ? $"task-{task.Department.ToCode()}-{task.Item.ToCode()}-{org:N}" : $"task-{task.Department.ToCode()}-{task.Item.ToCode()}";

    /// <summary>The page's order: by department, its notification task first, then the family's items in the order asked.</summary>
    public static IEnumerable<CaseTaskDto> InPageOrder(IEnumerable<CaseTaskDto> tasks) =>
        tasks.Select((t, i) => (t, i)).OrderBy(p => p.t.Department).ThenBy(p => p.t.Item != CaseTaskItem.Notification).ThenBy(p => p.i).Select(p => p.t);
}
