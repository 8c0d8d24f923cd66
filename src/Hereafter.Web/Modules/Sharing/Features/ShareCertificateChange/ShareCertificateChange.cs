using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.ShareCertificateChange;

/// <summary>
/// A correction or revocation of a certificate is sent to every department of its case as its own event (so a
/// revocation in error can be undone downstream); a revocation cancels the case. The outbox hands one
/// certificate's events over in the order they committed, so a correction or revocation always finds its case
/// open; should it not, the handler fails and the event is retried rather than lost. Idempotent: a repeated
/// message changes nothing. Registered once for each of the two event types.
/// </summary>
public sealed class ShareCertificateChangeHandler(string eventType, HereafterDbContext db, SharingEvents events) : IIntegrationEventHandler
{
    public static readonly string[] EventTypes = [CertificateEventTypes.Corrected, CertificateEventTypes.Revoked];

    public string EventType => eventType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var change = Outbox.Read<CertificateChanged>(message);
        if (await db.Set<SharingEvent>().AnyAsync(e => e.SourceMessageId == message.Id, ct)) return; // shared by an earlier delivery
        var deathCase = await DeathCaseRows.LockByCertificateAsync(db, change.CertificateId, ct);
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
        var revoked = message.Type == CertificateEventTypes.Revoked;
        deathCase.CertificateNumber = change.Number;
        if (revoked) deathCase.Status = CaseStatus.Cancelled;
        var type = revoked ? SharingEventTypes.CertificateRevoked : SharingEventTypes.CertificateCorrected;
        var targets = await db.Set<CaseTask>().Where(t => t.CaseId == deathCase.Id)
            .Select(t => new { t.Department, t.OrganisationId }).Distinct().ToListAsync(ct); // one event per addressee, however many items it works
        foreach (var target in targets)
        {
            var data = SharingEvents.CertificateData(change, target.Department);
            data["sourceEventId"] = message.Id.ToString();
            events.Add(type, deathCase, target.Department, data, target.OrganisationId, message.Id);
        }
    }
}
