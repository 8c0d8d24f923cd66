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
/// (so a revocation in error can be undone downstream). The outbox hands one certificate's events over in
/// the order they committed, so a correction or revocation always finds its case open; should it not, the
/// handler fails and the event is retried rather than lost. Idempotent: a repeated message changes nothing.
/// </summary>
public sealed class CertificateChangedHandler(HereafterDbContext db, SharingEvents events, TimeProvider clock, IConfiguration configuration)
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var change = Outbox.Read<CertificateChanged>(message);
        if (await db.Set<SharingEvent>().AnyAsync(e => e.SourceMessageId == message.Id, ct)) return; // shared by an earlier delivery
        var deathCase = await DeathCaseRows.LockByCertificateAsync(db, change.CertificateId, ct);
        switch (message.Type)
        {
            case CertificateEventTypes.Issued:
                if (deathCase is not null) return; // a certificate is issued once: this is a repeat
                deathCase = Open(change);
                foreach (var department in Departments.Always)
                    events.Add(SharingEventTypes.CertificateIssued, deathCase, department, SharingEvents.CertificateData(change, department),
                        sourceMessageId: message.Id);
                break;
            case CertificateEventTypes.Corrected:
            case CertificateEventTypes.Revoked:
                if (deathCase is null)
                {
                    // Revoking a certificate still held for review (never issued) concerns no department.
                    var key = message.OrderingKey ?? CertificateEventTypes.OrderingKey(change.CertificateId);
                    var everIssued = await db.Set<OutboxMessage>().AnyAsync(m =>
                        m.OrderingKey == key && m.Type == CertificateEventTypes.Issued && m.Sequence < message.Sequence, ct);
                    if (!everIssued) return;
                    throw new InvalidOperationException(
                        $"The death case of certificate {change.CertificateId} is not open yet; {message.Type} waits for its issue to be shared.");
                }
                deathCase.CertificateNumber = change.Number;
                if (message.Type == CertificateEventTypes.Revoked) deathCase.Status = CaseStatus.Cancelled;
                var type = message.Type == CertificateEventTypes.Revoked ? SharingEventTypes.CertificateRevoked : SharingEventTypes.CertificateCorrected;
                var targets = await db.Set<CaseTask>().Where(t => t.CaseId == deathCase.Id)
                    .Select(t => new { t.Department, t.OrganisationId }).ToListAsync(ct);
                foreach (var target in targets)
                {
                    var data = SharingEvents.CertificateData(change, target.Department);
                    data["sourceEventId"] = message.Id.ToString();
                    events.Add(type, deathCase, target.Department, data, target.OrganisationId, message.Id);
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
                Id = Guid.NewGuid(), CaseId = deathCase.Id, Department = department, Status = CaseTaskStatus.Pending,
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
