using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.ReadCremation;

/// <summary>What the consent and cremation pages show of one record: the record, its 确认书 and its 火化证明.</summary>
public sealed record CremationView(CustodyRecord Record, CremationConsent? Consent, CremationCertificate? Certificate);

/// <summary>
/// Reads a record for the holding funeral home's consent and cremation pages (404 for anyone else), auditing the read
/// of the personal data they show.
/// </summary>
public sealed class ReadCremationHandler(HereafterDbContext db, CustodyRecords records, AuditLog audit)
{
    public async Task<CremationView> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var record = await records.RequireVisibleAsync(actor, id, ct);
        if (!CustodyAccess.Holds(actor, record.FuneralHomeId)) throw CustodyRecords.NotFound();
        var consent = await db.Set<CremationConsent>().AsNoTracking().FirstOrDefaultAsync(c => c.CustodyId == id, ct);
        var certificate = await db.Set<CremationCertificate>().AsNoTracking().FirstOrDefaultAsync(c => c.CustodyId == id, ct);
        await audit.RecordAsync(actor, "custody.cremation.read", $"custody:{id:N}", "cremation", ct: ct);
        return new CremationView(record, consent, certificate);
    }
}
