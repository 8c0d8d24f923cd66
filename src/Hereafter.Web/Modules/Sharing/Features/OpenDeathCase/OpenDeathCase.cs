using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.OpenDeathCase;

/// <summary>
/// An issued certificate opens a death case with one task per department and tells each department.
/// Idempotent: a repeated message changes nothing.
/// </summary>
public sealed class OpenDeathCaseHandler(HereafterDbContext db, SharingEvents events, TimeProvider clock, IConfiguration configuration)
    : IIntegrationEventHandler
{
    public string EventType => CertificateEventTypes.Issued;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var change = Outbox.Read<CertificateChanged>(message);
        if (await db.Set<SharingEvent>().AnyAsync(e => e.SourceMessageId == message.Id, ct)) return; // shared by an earlier delivery
        if (await DeathCaseRows.LockByCertificateAsync(db, change.CertificateId, ct) is not null) return; // a certificate is issued once: this is a repeat
        var deathCase = Open(change);
        foreach (var department in Departments.Always)
            events.Add(SharingEventTypes.CertificateIssued, deathCase, department, SharingEvents.CertificateData(change, department),
                sourceMessageId: message.Id);
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
        var acknowledgeBy = CaseTaskDeadline.AcknowledgeBy(now, configuration);
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
