using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.OpenDeathCase;

/// <summary>
/// Reacts to certificate changes: an issued certificate opens a death case with one task per department
/// and tells each department; a correction or revocation is sent to every department as its own event
/// (so a revocation in error can be undone downstream). Idempotent: a repeated message changes nothing.
/// </summary>
public sealed class CertificateChangedHandler(HereafterDbContext db, SharingEvents events, TimeProvider clock, IConfiguration configuration)
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var change = Outbox.Read<CertificateChanged>(message);
        var deathCase = await db.Set<DeathCase>().FirstOrDefaultAsync(c => c.CertificateId == change.CertificateId, ct);
        switch (message.Type)
        {
            case CertificateEventTypes.Issued:
                if (deathCase is not null) return; // already opened by an earlier delivery of this message
                deathCase = Open(change);
                foreach (var department in Departments.Always)
                    events.Add(SharingEventTypes.CertificateIssued, deathCase, department, SharingEvents.CertificateData(change, department));
                break;
            case CertificateEventTypes.Corrected:
            case CertificateEventTypes.Revoked:
                if (deathCase is null) return;
                if (await db.Set<SharingEvent>().AnyAsync(e => e.CaseId == deathCase.Id && e.Json.Contains(message.Id.ToString()), ct)) return;
                deathCase.CertificateNumber = change.Number;
                if (message.Type == CertificateEventTypes.Revoked) deathCase.Status = "cancelled";
                var type = message.Type == CertificateEventTypes.Revoked ? SharingEventTypes.CertificateRevoked : SharingEventTypes.CertificateCorrected;
                var targets = await db.Set<CaseTask>().Where(t => t.CaseId == deathCase.Id)
                    .Select(t => new { t.Department, t.OrganisationId }).ToListAsync(ct);
                foreach (var target in targets)
                {
                    var data = SharingEvents.CertificateData(change, target.Department);
                    data["sourceEventId"] = message.Id.ToString();
                    events.Add(type, deathCase, target.Department, data, target.OrganisationId);
                }
                break;
        }
    }

    private DeathCase Open(CertificateChanged change)
    {
        var now = clock.GetUtcNow();
        var deathCase = new DeathCase
        {
            Id = Guid.NewGuid(),
            CertificateId = change.CertificateId,
            CertificateNumber = change.Number,
            DecedentName = change.Data.Decedent.Name ?? "",
            DeathAt = DateTimeOffset.TryParse(change.Data.Death.DateTime, out var at) ? at.ToUniversalTime() : now,
            OpenedAt = now,
        };
        db.Add(deathCase);
        var days = configuration.GetValue("Sharing:AcknowledgeWithinWorkingDays", 2);
        var today = ChinaTime.DateOf(now);
        var acknowledgeBy = ChinaTime.At(WorkingDays.Add(today, days), new TimeOnly(23, 59)).ToUniversalTime();
        foreach (var department in Departments.Always)
        {
            db.Add(new CaseTask
            {
                Id = Guid.NewGuid(), CaseId = deathCase.Id, Department = department, Status = TaskStatuses.Pending,
                CreatedAt = now, UpdatedAt = now, AcknowledgeBy = acknowledgeBy,
            });
        }
        return deathCase;
    }
}

/// <summary>Registers the handler for each certificate event type with the outbox processor.</summary>
internal sealed class CertificateEventSubscriber(string eventType, CertificateChangedHandler handler) : IIntegrationEventHandler
{
    public string EventType => eventType;
    public Task HandleAsync(OutboxMessage message, CancellationToken ct) => handler.HandleAsync(message, ct);
}
