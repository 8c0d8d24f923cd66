using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>A family's choice of funeral home is the funeral home's notification task on the case, naming the organisation.</summary>
internal sealed class FuneralHomeCaseList(HereafterDbContext db) : IFuneralHomeCases
{
    public async Task<IReadOnlyList<FuneralHomeCase>> ChosenAsync(Guid funeralHomeId, int limit, CancellationToken ct) =>
        await (from t in db.Set<CaseTask>().AsNoTracking()
               join c in db.Set<DeathCase>().AsNoTracking() on t.CaseId equals c.Id
               where t.Department == Department.FuneralHome && t.Item == CaseTaskItem.Notification && t.OrganisationKey == funeralHomeId
                     && c.Status == CaseStatus.Open
               orderby t.CreatedAt descending
               select new FuneralHomeCase(c.Id, c.CertificateId, c.CertificateNumber, c.DecedentName, c.DeathAt, t.CreatedAt))
            .Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct);
}
