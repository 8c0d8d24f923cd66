using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody;

/// <summary>The funeral home holding the body and the institution that placed the ashes serve the case (and may bill it).</summary>
public sealed class CustodyInstitutions(HereafterDbContext db) : ICaseInstitutionSource
{
    public async Task<IReadOnlyCollection<Guid>> InstitutionsAsync(Guid caseId, CancellationToken ct)
    {
        var rows = await db.Set<CustodyRecord>().AsNoTracking().Where(r => r.CaseId == caseId)
            .Select(r => new { r.FuneralHomeId, r.PlacementInstitutionId }).ToListAsync(ct);
        return rows.SelectMany(r => r.PlacementInstitutionId is { } placed ? [r.FuneralHomeId, placed] : new[] { r.FuneralHomeId }).Distinct().ToList();
    }
}
