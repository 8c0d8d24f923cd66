using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.ReadTaskProgress;

/// <summary>
/// Every task of a case, the case's own notifications and the family's items, oldest first, with history, answer and the
/// name of the organisation asked (a bank); the caller (the family module) has checked who may see the case and audits the read.
/// </summary>
internal sealed class CaseTaskProgress(HereafterDbContext db, TimeProvider clock) : ICaseTaskProgress
{
    public async Task<IReadOnlyList<TaskProgress>> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var tasks = (await db.Set<CaseTask>().AsNoTracking().Where(t => t.CaseId == caseId).ToListAsync(ct))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Department).ThenBy(t => t.Item).ToList();
        var ids = tasks.Select(t => t.Id).ToList();
        var entries = (await db.Set<CaseTaskEntry>().AsNoTracking().Where(e => ids.Contains(e.TaskId)).ToListAsync(ct))
            .OrderBy(e => e.Id).ToLookup(e => e.TaskId);
        var orgIds = tasks.Where(t => t.OrganisationId is not null).Select(t => t.OrganisationId!.Value).Distinct().ToList();
        var names = await db.Set<Organisation>().AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var banks = await CaseTaskReads.BankAnswersAsync(db, tasks, ct);
        var now = clock.GetUtcNow();
        return tasks.Select(t => new TaskProgress(t.Id, t.Item, t.Department, t.OrganisationId,
            t.OrganisationId is { } org ? names.GetValueOrDefault(org) : null, t.Status, t.CreatedAt, t.UpdatedAt, t.AcknowledgeBy,
            CaseTaskReads.Overdue(t, now), t.EffectiveDate, t.Note, t.Amount, banks.GetValueOrDefault(t.Id), CaseTaskReads.History(entries[t.Id]))).ToList();
    }
}
