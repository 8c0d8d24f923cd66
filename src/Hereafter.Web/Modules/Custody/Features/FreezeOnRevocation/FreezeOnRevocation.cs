using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.FreezeOnRevocation;

/// <summary>
/// 冻结: a death certificate revoked after pickup freezes every open record of it (not yet placed): no cremation, no
/// further step, until the family brings a new certificate. The record gets <see cref="CustodyRecord.Frozen"/> with the
/// issuer's reason and a 冻结 line on its timeline, which is how the funeral home learns it: its counter and record
/// pages show frozen records with the reason, and any step it tries answers 409 "frozen". Idempotent: a record already
/// frozen is left as it is, so a redelivered event adds nothing. Bumps the record's version, so a cremation being
/// recorded at the same moment from a page loaded before fails with 409 instead of slipping through.
/// </summary>
public sealed class FreezeOnRevocationHandler(HereafterDbContext db, CustodyRecords records, TimeProvider clock) : IIntegrationEventHandler
{
    public string EventType => CertificateEventTypes.Revoked;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var change = Outbox.Read<CertificateChanged>(message);
        var open = await db.Set<CustodyRecord>()
            .Where(r => r.CertificateId == change.CertificateId && !r.Frozen && r.State != CustodyState.Placed)
            .ToListAsync(ct);
        if (open.Count == 0) return;
        var issuer = new Actor("certificates:" + change.IssuerOrganisationId.ToString("N"), change.IssuerName, change.IssuerOrganisationId,
            change.IssuerName, null, new HashSet<string>());
        var reason = Reason(change);
        var now = clock.GetUtcNow();
        foreach (var record in open)
        {
            record.Frozen = true;
            record.FrozenReason = reason;
            record.Version++;
            record.UpdatedAt = now;
            records.AddStep(record, issuer, CustodyStep.Freeze, now, document: "居民死亡医学证明（已撤销）", note: reason);
        }
        // The outbox processor saves with the message's processing, in one transaction.
    }

    private static string Reason(CertificateChanged change)
    {
        var text = $"死亡医学证明已被{change.IssuerName}撤销" + (string.IsNullOrWhiteSpace(change.Reason) ? "" : $"：{change.Reason}");
        return text.Length > 500 ? text[..500] : text;
    }
}
