using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing;

internal sealed class DepartmentsToldQuery(HereafterDbContext db) : IDepartmentsTold
{
    public async Task<DepartmentsTold> ForCertificateAsync(Guid certificateId, CancellationToken ct)
    {
        // One case per certificate (unique index on CertificateId).
        var caseId = await db.Set<DeathCase>().AsNoTracking().Where(c => c.CertificateId == certificateId)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (caseId is null) return new DepartmentsTold(false, Departments.Always);
        var told = await db.Set<CaseTask>().AsNoTracking().Where(t => t.CaseId == caseId).Select(t => t.Department).ToListAsync(ct);
        return new DepartmentsTold(true, told.Distinct().Order().ToList());
    }
}
