using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing;

internal sealed class CaseDecedentNames(HereafterDbContext db) : ICaseDecedents
{
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct) =>
        caseIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Set<DeathCase>().AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.DecedentName, ct);
}
