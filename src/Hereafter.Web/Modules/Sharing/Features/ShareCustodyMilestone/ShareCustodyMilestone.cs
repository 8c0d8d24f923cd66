using System.Text.Json.Nodes;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.ShareCustodyMilestone;

/// <summary>
/// A custody milestone (pickup, cremation, placement) becomes a case event of the same type for the departments that
/// act on it (<see cref="SharingEventTypes.CustodyAudience"/>, ADR 0031), in their feed and webhooks. Only what
/// identifies the step: when, which institution and, for civil affairs, where (furnace, plot or niche); never medical
/// data. Idempotent: a repeated message writes nothing. The case opens when the certificate's issue is shared, which
/// the outbox orders by certificate, not by custody record: a milestone arriving first fails and is retried.
/// Registered once for each of the three event types.
/// </summary>
public sealed class ShareCustodyMilestoneHandler(string eventType, HereafterDbContext db, SharingEvents events) : IIntegrationEventHandler
{
    public static readonly string[] EventTypes = [CustodyEventTypes.PickedUp, CustodyEventTypes.Cremated, CustodyEventTypes.Placed];

    public string EventType => eventType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var milestone = Outbox.Read<CustodyMilestone>(message);
        if (await db.Set<SharingEvent>().AnyAsync(e => e.SourceMessageId == message.Id, ct)) return; // shared by an earlier delivery
        var deathCase = (milestone.CaseId is { } caseId ? await DeathCaseRows.LockAsync(db, caseId, ct) : null)
                        ?? await DeathCaseRows.LockByCertificateAsync(db, milestone.CertificateId, ct)
                        ?? throw new InvalidOperationException(
                            $"The death case of certificate {milestone.CertificateId} is not open yet; {message.Type} waits for its issue to be shared.");
        var audience = SharingEventTypes.CustodyAudience(message.Type);
        var departments = await db.Set<CaseTask>().Where(t => t.CaseId == deathCase.Id && t.OrganisationId == null && audience.Contains(t.Department))
            .Select(t => t.Department).Distinct().ToListAsync(ct);
        foreach (var department in departments)
            events.Add(message.Type, deathCase, department, Data(milestone, department, message.Id), sourceMessageId: message.Id);
    }

    /// <summary>What a department sees of a milestone: the place (furnace, plot or niche) only civil affairs, who supervises the loop.</summary>
    public static JsonObject Data(CustodyMilestone milestone, Department department, Guid sourceEventId)
    {
        var data = new JsonObject
        {
            ["custodyId"] = milestone.CustodyId.ToString(),
            ["at"] = milestone.At,
            ["institution"] = new JsonObject { ["id"] = milestone.InstitutionId.ToString(), ["name"] = milestone.InstitutionName },
            ["task"] = new JsonObject { ["department"] = department.ToCode() },
            ["sourceEventId"] = sourceEventId.ToString(),
        };
        if (department == Department.CivilAffairs && milestone.Place is { Length: > 0 } place) data["place"] = place;
        return data;
    }
}
