using Hereafter.Domain.Time;
using System.Runtime.CompilerServices;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.ListActiveDeaths;

/// <summary>Reads the active certificates for other modules through <see cref="IActiveDeaths"/>.</summary>
internal sealed class ActiveDeathsReader(HereafterDbContext db) : IActiveDeaths
{
    public async IAsyncEnumerable<ActiveDeath> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        // ActiveNumber is set while issued or held for review; only issued ones are deaths the platform vouches for.
        var rows = db.Set<Certificate>().AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Issued && c.ActiveNumber != null && c.NumberKind == CertificateNumberKind.CitizenId)
            .OrderBy(c => c.CertifiedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Number, c.DecedentName, c.BirthDate, c.DeathAt })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
        {
            yield return new ActiveDeath(c.Number, c.DecedentName, c.BirthDate, ChinaTime.DateOf(c.DeathAt));
        }
    }

    public async Task<Guid?> FindCertificateIdAsync(string idNumber, CancellationToken ct)
    {
        var number = idNumber.Trim().ToUpperInvariant();
        return await db.Set<Certificate>().AsNoTracking()
            .Where(c => c.ActiveNumber == number && c.Status == CertificateStatus.Issued && c.NumberKind == CertificateNumberKind.CitizenId)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
    }
}
