using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>Makes one of two racing changes to a certificate win and the other answer 409.</summary>
public sealed class CertificateClaims(HereafterDbContext db)
{
    /// <summary>
    /// Claims the certificate for this transaction's change: a conditional UPDATE of its revision, before
    /// anything else is written. The row lock it takes makes a concurrent amendment wait and then fail here
    /// (409) instead of overwriting this one or deadlocking on the rows that refer to the certificate, and it
    /// makes the certificate's outbox events commit in the order they are inserted.
    /// </summary>
    public async Task ClaimAsync(Certificate certificate, CancellationToken ct)
    {
        var seen = certificate.Revision;
        var claimed = await db.Set<Certificate>().Where(c => c.Id == certificate.Id && c.Revision == seen)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Revision, seen + 1), ct);
        if (claimed == 0) throw CertificateConflicts.ChangedMeanwhile();
        var entry = db.Entry(certificate).Property(c => c.Revision);
        entry.CurrentValue = seen + 1;
        entry.OriginalValue = seen + 1;
    }

    /// <summary>Saves the unit of work; a concurrent change of the certificate found by EF is the same 409.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw CertificateConflicts.ChangedMeanwhile();
        }
    }
}
