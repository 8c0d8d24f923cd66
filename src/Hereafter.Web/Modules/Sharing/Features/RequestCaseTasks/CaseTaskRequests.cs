using System.Text.Json;
using System.Text.Json.Nodes;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Json;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.RequestCaseTasks;

/// <summary>
/// Opens the tasks a family's application asks for (see <see cref="ICaseTaskRequests"/>): each new task is due like the
/// case's own tasks, starts its history with the request, and its department (a bank: that bank alone) receives a
/// <c>case.task-requested</c> event with the item and the family's details, never anything from the certificate's causes.
/// </summary>
internal sealed class CaseTaskRequests(HereafterDbContext db, SharingEvents events, TimeProvider clock, IConfiguration configuration) : ICaseTaskRequests
{
    private static readonly CaseTaskItem[] BankItems = [CaseTaskItem.BankDeposits, CaseTaskItem.DepositRelease];

    public async Task<IReadOnlyList<RequestedTask>> OpenAsync(Guid caseId, IReadOnlyList<TaskRequest> requests, string requestedBy, CancellationToken ct)
    {
        await CheckAsync(requests, ct);
        var deathCase = await DeathCaseRows.LockAsync(db, caseId, ct) ?? throw ProblemException.NotFound(new Message("sharing.case.not-found"));
        if (deathCase.Status != CaseStatus.Open) throw ProblemException.Conflict(new Message("sharing.case.cancelled"));
        var existing = await db.Set<CaseTask>().Where(t => t.CaseId == caseId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var answered = new List<RequestedTask>();
        foreach (var request in requests)
        {
            // Household cancellation is what the police's notification task does: it answers the request.
            var item = request.Item == CaseTaskItem.HouseholdCancellation ? CaseTaskItem.Notification : request.Item;
            var department = request.Item.DepartmentOf();
            var organisationId = BankItems.Contains(item) ? request.OrganisationId : null;
            var task = existing.FirstOrDefault(t => t.Department == department && t.Item == item && t.OrganisationId == organisationId);
            var reopened = false;
            if (task is not null)
            {
                // A further part of a small-deposit release is a new request to the same bank: the task shows the new
                // amount and is worked again (its history keeps every part); any other repeat is the same request.
                if (item != CaseTaskItem.DepositRelease)
                {
                    answered.Add(new RequestedTask(task.Id, request.Item, department, organisationId, false));
                    continue;
                }
                task.Details = request.Details.ToJsonString(PlatformJson.Options);
                task.Status = CaseTaskStatus.Pending;
                task.UpdatedAt = now;
                task.AcknowledgeBy = CaseTaskDeadline.AcknowledgeBy(now, configuration);
                reopened = true;
            }
            else
            {
                task = new CaseTask
                {
                    Id = Guid.NewGuid(), CaseId = caseId, Department = department, Item = item, OrganisationId = organisationId,
                    Status = CaseTaskStatus.Pending, CreatedAt = now, UpdatedAt = now, AcknowledgeBy = CaseTaskDeadline.AcknowledgeBy(now, configuration),
                    Details = request.Details.ToJsonString(PlatformJson.Options),
                };
                db.Add(task);
                existing.Add(task);
            }
            db.Add(new CaseTaskEntry { TaskId = task.Id, Status = CaseTaskStatus.Pending, At = now, ActorName = requestedBy, Note = item.ChineseName() });
            var data = new JsonObject
            {
                ["task"] = new JsonObject { ["id"] = task.Id.ToString(), ["department"] = department.ToCode(), ["item"] = item.ToCode() },
                ["decedent"] = new JsonObject { ["name"] = deathCase.DecedentName },
                ["details"] = JsonNode.Parse(task.Details),
                ["acknowledgeBy"] = JsonSerializer.SerializeToNode(task.AcknowledgeBy, PlatformJson.Options),
            };
            events.Add(SharingEventTypes.TaskRequested, deathCase, department, data, organisationId);
            answered.Add(new RequestedTask(task.Id, request.Item, department, organisationId, !reopened));
        }
        return answered;
    }

    private async Task CheckAsync(IReadOnlyList<TaskRequest> requests, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var bankIds = requests.Where(r => BankItems.Contains(r.Item) && r.OrganisationId is not null).Select(r => r.OrganisationId!.Value).Distinct().ToList();
        var banks = await db.Set<Organisation>().AsNoTracking().Where(o => bankIds.Contains(o.Id) && o.Type == OrganisationType.Bank).Select(o => o.Id).ToListAsync(ct);
        foreach (var r in requests)
        {
            if (r.Item == CaseTaskItem.Notification)
                errors.Add("items", new Message("sharing.task-request.item-invalid").With("item", r.Item.ToCode()));
            else if (BankItems.Contains(r.Item) && (r.OrganisationId is not { } id || !banks.Contains(id)))
                errors.Add("banks", new Message("sharing.task-request.bank-required"));
            else if (!BankItems.Contains(r.Item) && r.OrganisationId is not null)
                errors.Add("items", new Message("sharing.task-request.organisation-not-allowed"));
        }
        errors.ThrowIfAny();
    }
}
