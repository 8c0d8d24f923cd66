using System.Text.Json.Nodes;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>
/// Records a department's outcome on its case task: the task, its history entry and the
/// <c>case.task-updated</c> event to civil affairs. Shared by the worklist/API report and by the
/// reaction to other modules' events (a benefit stop), which must not call each other's handlers.
/// </summary>
public sealed class CaseTaskOutcomes(HereafterDbContext db, SharingEvents events, TimeProvider clock)
{
    public void Record(DeathCase deathCase, CaseTask task, CaseTaskStatus status, string? effectiveDate, string? note, decimal? amount,
        string actorName, string organisationName)
    {
        var now = clock.GetUtcNow();
        task.Status = status;
        task.UpdatedAt = now;
        task.EffectiveDate = effectiveDate is { Length: > 0 } date ? date : task.EffectiveDate;
        task.Note = note is { Length: > 0 } n ? n : task.Note;
        task.Amount = amount ?? task.Amount;
        db.Add(new CaseTaskEntry
        {
            TaskId = task.Id, Status = task.Status, At = now, ActorName = actorName, OrganisationName = organisationName,
            EffectiveDate = effectiveDate, Note = note, Amount = amount,
        });
        var data = new JsonObject
        {
            ["department"] = task.Department.ToCode(), ["status"] = task.Status.ToCode(), ["organisation"] = organisationName,
            ["effectiveDate"] = task.EffectiveDate, ["note"] = task.Note, ["amount"] = task.Amount,
        };
        events.Add(SharingEventTypes.TaskUpdated, deathCase, Department.CivilAffairs, data);
    }
}
