using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>Case tasks as departments and civil affairs see them, with their status histories.</summary>
public static class CaseTaskReads
{
    public static async Task<IReadOnlyList<CaseTaskDto>> DtosAsync(HereafterDbContext db, IReadOnlyList<CaseTask> tasks, DateTimeOffset now, CancellationToken ct)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var entries = (await db.Set<CaseTaskEntry>().AsNoTracking().Where(e => ids.Contains(e.TaskId)).ToListAsync(ct))
            .OrderBy(e => e.Id).ToLookup(e => e.TaskId);
        return tasks.Select(t => new CaseTaskDto(t.Department, t.Department.ChineseName(), t.Status, t.UpdatedAt, t.AcknowledgeBy,
            t.Status == CaseTaskStatus.Pending && t.AcknowledgeBy < now, t.EffectiveDate, t.Note, t.Amount,
            entries[t.Id].Select(e => new TaskHistoryDto(e.Status, e.At, e.ActorName, e.OrganisationName, e.EffectiveDate, e.Note, e.Amount)).ToList()))
            .ToList();
    }
}
